#!/usr/bin/env python3
"""Build data/gazetteers/world_first_names.txt and world_last_names.txt: first names
and surnames of many countries, beside the US Census lists.

Why: the US Census lists know "George" and "Walker" but not "Nikolai", "Bertrand" or
"Petrov", so in world news a minister with a first name from elsewhere lost the
"first name" evidence the tagger and the mention rules use ("Bertrand Villiers" was
read as a place, "Nikolay Petrov" as an organisation).

Source (see docs/data-sources.md): the person-name lists of the PyPI package Faker
40.63.0 (MIT licence), one per locale. Kept: names written in Latin letters
(locales in Latin script, and the romanised lists of zh_CN, zh_TW and ja_JP);
Russian, Ukrainian, Bulgarian and Macedonian names are transliterated from Cyrillic,
with the usual English variants of their endings (Sergei / Sergey, Arkady /
Arkadiy, Nikolai / Nikolay). Left out: names that are ordinary English words in
lower case (SCOWL list, data/gazetteers/common_words.txt: "Said", "Hope", "Will"),
names the US Census lists already hold, and names of one letter. Output is sorted
and deterministic.

Usage:
    pip install faker==40.63.0
    python3 scripts/build_world_names.py
"""
import importlib, os, pkgutil, re

import faker
import faker.providers.person as person

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "data", "gazetteers")
CYRILLIC_LOCALES = {"ru_RU", "uk_UA", "bg_BG", "mk_MK"}
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚț][A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚț'’-]*[A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚț]$")

# Cyrillic to Latin, the English-language press's usual choices; a list gives variants.
CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": ["yo", "e"],
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": ["y", "i"], "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "ѓ": "gj", "ќ": "kj", "љ": "lj", "њ": "nj",
    "џ": "dzh", "ѕ": "dz", "ј": "j",
}
# Endings with more than one common spelling.
ENDINGS = [("ий", ["iy", "y", "i"]), ("ый", ["y", "iy"]), ("ей", ["ei", "ey"]), ("ай", ["ai", "ay"]),
           ("ой", ["oi", "oy"])]


def transliterate(name):
    """Latin spellings of a Cyrillic name (a few, for the endings)."""
    low = name.lower()
    tails = [("", [""])]
    for cyr, latins in ENDINGS:
        if low.endswith(cyr):
            low, tails = low[: -len(cyr)], [(cyr, latins)]
            break
    outs = [""]
    for ch in low:
        choice = CYR.get(ch)
        if choice is None:
            return []
        options = choice if isinstance(choice, list) else [choice]
        outs = [o + x for o in outs for x in options[:1]]
    spellings = [o + t for o in outs for t in tails[0][1]]
    return [s[:1].upper() + s[1:] for s in spellings if s]


def names_of(provider, kinds):
    out = set()
    for attr in dir(provider):
        if not any(attr.startswith(k) for k in kinds) or attr.endswith("_pairs") or "kana" in attr:
            continue
        value = getattr(provider, attr)
        if isinstance(value, (list, tuple, dict)):
            out.update(value)
    return out


def read(name):
    with open(os.path.join(GAZ, name), encoding="utf-8") as f:
        return {l.strip().lower() for l in f if l.strip()}


def main():
    common = read("common_words.txt")
    census = {"first": read("first_names.txt"), "last": read("last_names.txt")}
    found = {"first": set(), "last": set()}
    for module in pkgutil.iter_modules(person.__path__):
        locale = module.name
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        romanised_only = locale in {"zh_CN", "zh_TW", "ja_JP"}
        for kind in ("first", "last"):
            prefixes = [f"{kind}_romanized_name"] if romanised_only else [f"{kind}_name"]
            for raw in names_of(provider, prefixes):
                for part in str(raw).split():
                    spellings = transliterate(part) if locale in CYRILLIC_LOCALES else [part]
                    found[kind].update(s for s in spellings if LATIN.match(s))
    for kind in ("first", "last"):
        keep = sorted(n for n in found[kind]
                      if len(n) > 1 and n.lower() not in common and n.lower() not in census[kind])
        path = os.path.join(GAZ, f"world_{kind}_names.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(n + "\n" for n in keep)
        print(f"{path}: {len(keep)} names (faker {faker.VERSION})")


if __name__ == "__main__":
    main()
