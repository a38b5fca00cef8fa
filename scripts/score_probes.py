#!/usr/bin/env python3
"""Score quote attribution and entity typing on the probe articles.

The probe sets in data/quotes/probes/ (README there) are news-style articles
written by helpers who had not seen the code, each with an answer key:
every quote's first words and the speaker a reader would name. This runs
`textanalysis analyze` on each article and prints, per article, the quotes
whose speaker differs from the key, then the totals.

A key quote matches the output quote whose text starts with (or contains)
its first 25 characters; a speaker is right when the names are equal or
share the surname (the last word of either, hyphens as spaces). An unnamed
speaker (null) is right only when the output has no speaker. Entities: each
key name is found by its longest form among the output's aliases (or as a
part of one), and its type compared.

Usage:
    cargo build --release
    python3 scripts/score_probes.py target/release/textanalysis data/quotes/probes/probeC data/quotes/probes/probeD
    python3 scripts/score_probes.py BIN DIR... -v     # also list entity misses
"""
import glob
import json
import os
import subprocess
import sys
import unicodedata


def norm(s):
    return unicodedata.normalize("NFC", s or "").lower()


def same_speaker(gold, pred):
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = norm(gold), norm(pred)
    if g == p:
        return True
    gt, pt = g.replace("-", " ").split(), p.replace("-", " ").split()
    return gt[-1] in pt or pt[-1] in gt


def score_article(binary, txt, verbose, totals):
    key = json.load(open(txt[:-4] + ".key.json", encoding="utf-8"))
    out = subprocess.run([binary, "analyze", txt], capture_output=True, text=True, check=True).stdout
    doc = json.loads(out.splitlines()[0])
    quotes = doc.get("quotes", [])
    bad = []
    for q in key["quotes"]:
        totals["quotes"] += 1
        start = norm(q["starts"])[:25]
        hits = [p for p in quotes if norm(p["text"]).lstrip("\"“‘' ").startswith(start) or start in norm(p["text"])]
        if not hits:
            bad.append(f"missing {q['starts']!r} (key: {q['speaker']})")
            continue
        totals["found"] += 1
        got = hits[0].get("speaker")
        if same_speaker(q["speaker"], got):
            totals["right"] += 1
        else:
            bad.append(f"wrong {q['starts']!r}: key {q['speaker']!r}, got {got!r}")
    types = {}
    for e in doc.get("entities", []):
        for alias in e.get("aliases", [e["name"]]):
            types[norm(alias)] = e["type"]
    for e in key.get("entities", []):
        totals["entities"] += 1
        name = norm(e["name"])
        kind = types.get(name)
        if kind is None:
            near = [v for k, v in types.items() if name in k or (k in name and len(k) > 3)]
            kind = near[0] if near else None
        if kind is None:
            if verbose:
                bad.append(f"entity {e['name']!r} ({e['type']}) not found")
            continue
        totals["entities_found"] += 1
        if kind == e["type"]:
            totals["typed"] += 1
        elif verbose:
            bad.append(f"entity {e['name']!r}: key {e['type']}, got {kind}")
    print(f"{os.path.basename(txt)}: {len(key['quotes'])} key quotes, {len(quotes)} output quotes")
    for line in bad:
        print("   ", line)


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) < 2:
        sys.exit(__doc__)
    binary, dirs = args[0], args[1:]
    totals = dict(quotes=0, found=0, right=0, entities=0, entities_found=0, typed=0)
    for d in dirs:
        for txt in sorted(glob.glob(os.path.join(d, "*.txt"))):
            score_article(binary, txt, "-v" in sys.argv, totals)
    t = totals
    print(
        f"quotes found {t['found']}/{t['quotes']}, speaker right {t['right']}/{t['quotes']}; "
        f"entities found {t['entities_found']}/{t['entities']}, typed right {t['typed']}/{t['entities']}"
    )


if __name__ == "__main__":
    main()
