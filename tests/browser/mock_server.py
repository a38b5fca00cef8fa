#!/usr/bin/env python3
"""Development stand-in for the HTTP routes of `textanalysis serve`, for working on
web/index.html before the real routes (or stages) exist.

Serves `/` (web/index.html), `GET /v1/seeds`, `POST /v1/analyze`, `POST /v1/compare`
in the proto3 JSON shape. Seed articles are answered from the gold annotations in
seeds/gold/ (so the page shows entities, quotes and speakers); other text gets a
bare document. Not used by the tests unless run.sh is given its address.

    python3 tests/browser/mock_server.py 8765
"""
import base64
import difflib
import http.server
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_gold():
    out = {}
    for path in SEEDS:
        gold = ROOT / "seeds" / "gold" / (path.name[:3] + ".gold.json")
        if gold.exists():
            out[path.read_text(encoding="utf-8")] = json.loads(gold.read_text(encoding="utf-8"))
    return out


GOLD = seed_gold()


def b(s):
    return len(s.encode("utf-8"))


def analyze(article):
    aid = article.get("id", "")
    if "html" in article:
        html = base64.b64decode(article["html"]).decode("utf-8", "replace")
        text = re.sub(r"<[^>]+>", " ", html)
        fmt = "html"
    else:
        text = article.get("text", "")
        fmt = "text"
    if not text.strip():
        raise ValueError("article is empty")
    gold = GOLD.get(text)
    if gold is None:
        return {"id": aid, "document": {"body": text.strip(), "inputFormat": fmt}}
    body = (ROOT / "seeds" / "gold" / gold["body_file"]).read_text(encoding="utf-8")
    start = text.find(body)
    removed = []
    if start > 0:
        for m in re.finditer(r"[^\n]+", text[:start]):
            removed.append({"sourceSpan": {"start": b(text[: m.start()]), "end": b(text[: m.end()])},
                            "reason": "short-line", "text": m.group(0)})
    entities, taken = [], []
    for i, g in enumerate(gold["entities"]):
        ent = {"id": f"e{i}", "name": g["name"], "type": g["type"], "mentions": [], "aliases": g["aliases"]}
        for alias in sorted(g["aliases"], key=len, reverse=True):
            for m in re.finditer(r"\b" + re.escape(alias) + r"\b", body):
                if any(m.start() < e and m.end() > s for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                ent["mentions"].append({"span": {"start": b(body[: m.start()]), "end": b(body[: m.end()])}, "text": alias})
        ent["mentions"].sort(key=lambda x: x["span"]["start"])
        if ent["mentions"]:
            entities.append(ent)
    by_name = {e["name"]: e for e in entities}
    quotes, speakers = [], {}
    pos = 0
    for i, g in enumerate(gold["quotes"]):
        at = body.find(g["text"], pos)
        if at < 0:
            at = body.find(g["text"])
            if at < 0:
                continue
        pos = at
        q = {"id": f"q{i}", "span": {"start": b(body[:at]), "end": b(body[: at + len(g["text"])])},
             "text": g["text"], "kind": "DIRECT", "cue": "said", "confidence": 0.9}
        name = (g.get("speakers") or [None])[0]
        ent = by_name.get(name)
        if ent:
            near = min(ent["mentions"], key=lambda m: abs(m["span"]["start"] - q["span"]["start"]))
            q.update(speaker=name, speakerEntityId=ent["id"], speakerSpan=near["span"])
            sp = speakers.setdefault(name, {"entityId": ent["id"], "name": name, "quoteCount": 0, "quoteIds": []})
            sp["quoteCount"] += 1
            sp["quoteIds"].append(q["id"])
        quotes.append(q)
    labels = {"negative": (-0.6, "NEGATIVE"), "positive": (0.55, "POSITIVE")}
    for name, sp in speakers.items():
        score, label = labels.get(gold["speaker_sentiment"].get(name, ""), (0.05, "NEUTRAL"))
        sp["sentiment"] = {"score": score, "label": label}
    return {"id": aid, "document": {"title": gold["title"], "body": body, "author": gold["metadata"].get("author", ""),
                                    "published": gold["metadata"].get("date", ""), "removed": removed, "inputFormat": fmt},
            "entities": entities, "quotes": quotes, "speakers": list(speakers.values())}


def diff_ops(a, b_):
    wa, wb = a.split(), b_.split()
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append({"kind": "EQUAL", "text": " ".join(wa[i1:i2])})
        if tag in ("delete", "replace"):
            ops.append({"kind": "DELETE", "text": " ".join(wa[i1:i2])})
        if tag in ("insert", "replace"):
            ops.append({"kind": "INSERT", "text": " ".join(wb[j1:j2])})
    return ops


def compare(req):
    results = [analyze(a) for a in req.get("articles", [])]
    clusters = []
    for r in results:
        for q in r.get("quotes", []):
            for c in clusters:
                first = c["variants"][0]
                sim = difflib.SequenceMatcher(a=first["text"].split(), b=q["text"].split()).ratio()
                if sim >= 0.5 and all(v["articleId"] != r["id"] for v in c["variants"]):
                    c["variants"].append({"articleId": r["id"], "quoteId": q["id"], "text": q["text"],
                                          "diff": diff_ops(first["text"], q["text"]), "similarity": round(sim, 3)})
                    break
            else:
                clusters.append({"speaker": q.get("speaker", ""), "variants": [
                    {"articleId": r["id"], "quoteId": q["id"], "text": q["text"], "similarity": 1.0}]})
    statements = []
    for i, c in enumerate(clusters):
        st = {"id": f"s{i}", "variants": c["variants"]}
        if c["speaker"]:
            st["speaker"] = c["speaker"]
        if len(c["variants"]) == 1:
            st["singleOutlet"] = True
        statements.append(st)
    speakers = {}
    for r in results:
        for sp in r.get("speakers", []):
            s = speakers.setdefault(sp["name"], {"entityId": f"x{len(speakers)}", "name": sp["name"], "articles": []})
            s["articles"].append({"articleId": r["id"], "quoteCount": sp["quoteCount"], "sentiment": sp["sentiment"]})
    return {"statements": statements, "speakers": list(speakers.values()),
            "articles": [{"articleId": r["id"], "title": r["document"].get("title", ""),
                          "entityCount": len(r.get("entities", [])), "quoteCount": len(r.get("quotes", []))} for r in results]}


class Handler(http.server.BaseHTTPRequestHandler):
    def send(self, code, obj, ctype="application/json"):
        data = obj if isinstance(obj, bytes) else json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(code)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path in ("/", "/index.html"):
            self.send(200, (ROOT / "web" / "index.html").read_bytes(), "text/html; charset=utf-8")
        elif self.path == "/v1/seeds":
            self.send(200, [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in SEEDS])
        else:
            self.send(404, {"code": 5, "status": "NOT_FOUND", "message": f"no route {self.path}"})

    def do_POST(self):
        try:
            req = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
            if self.path == "/v1/analyze":
                self.send(200, analyze(req.get("article") or {}))
            elif self.path == "/v1/compare":
                self.send(200, compare(req))
            else:
                self.send(404, {"code": 5, "status": "NOT_FOUND", "message": f"no route {self.path}"})
        except (ValueError, KeyError) as e:
            self.send(400, {"code": 3, "status": "INVALID_ARGUMENT", "message": str(e)})


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
