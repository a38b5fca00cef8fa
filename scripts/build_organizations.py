#!/usr/bin/env python3
"""Build data/gazetteers/organizations.txt: names of companies, web services and
brands, for the entity rule that turns a name the tagger read as a person into an
organisation ("Netflix", "Instagram", "SpaceX").

Why: the tagger learned from 1996 Reuters news (CoNLL-2003), which never names
the platforms and companies that today's news quotes and cites; it reads an
unknown capitalised word as a person. A list of brand names fixes the type
without retraining.

Sources (see docs/data-sources.md):
- npm package simple-icons 16.37.0 (CC0 1.0): `data/simple-icons.json`, each icon's
  `title` and its `aliases.aka` names ("X" is also "Twitter").
- PyPI package pytickersymbols 1.17.10 (MIT): the companies of the stock indices
  it lists, each name as given and without its legal suffix ("Netflix, Inc." and
  "Netflix").

Only Latin-script names of two or more characters that start with a capital
letter are kept. Left out: one-word names that CoNLL-2003 train writes in lower
case (ordinary words: "Black", "Target", "Signal"), and the planets and other
sky bodies that brands are named after ("Saturn", "Neptune"). Output is sorted
and deterministic.

Usage:
    npm pack simple-icons@16.37.0 && tar xzf simple-icons-16.37.0.tgz   # -> package/
    pip download --no-deps pytickersymbols==1.17.10 -d /tmp/pts && unzip -d /tmp/pts /tmp/pts/*.whl
    python3 scripts/build_organizations.py package/data/simple-icons.json /tmp/pts \
        ../shared/data/ner/conll2003/train.txt
"""
import json, re, sys

from build_gazetteers import lowercase_words, write

NAME = re.compile(r"^[A-Z][A-Za-z0-9\u00C0-\u024F&'.+ -]*[A-Za-z0-9\u00C0-\u024F+.]$")
LEGAL_SUFFIX = re.compile(
    r",?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|"
    r"AG|SE|SA|S\.A\.|N\.V\.|NV|Holdings?|Group|LLC|L\.P\.|Oyj|ASA|AB|SpA|S\.p\.A\.|KGaA)$"
)


SKY = {"Sun", "Moon", "Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus",
       "Neptune", "Pluto", "Titan", "Europa", "Io", "Ganymede", "Callisto", "Ceres", "Vesta"}


def simple_icons(path):
    names = set()
    for icon in json.load(open(path, encoding="utf-8")):
        names.add(icon["title"])
        names.update(icon.get("aliases", {}).get("aka", []))
    return names


def ticker_companies(wheel_dir):
    sys.path.insert(0, wheel_dir)
    from pytickersymbols import PyTickerSymbols

    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = stock["name"].strip()
        names.add(name)
        short = name
        while True:
            shorter = LEGAL_SUFFIX.sub("", short).strip().rstrip(",")
            if shorter == short:
                break
            short = shorter
        names.add(short)
    return names


def main():
    icons, tickers, conll = sys.argv[1], sys.argv[2], sys.argv[3]
    ordinary = lowercase_words(conll)
    names = {
        n
        for n in simple_icons(icons) | ticker_companies(tickers)
        if len(n) >= 2 and NAME.match(n) and n not in SKY and (" " in n or n.lower() not in ordinary)
    }
    write("organizations.txt", names)


if __name__ == "__main__":
    main()
