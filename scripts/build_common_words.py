#!/usr/bin/env python3
"""Build data/gazetteers/common_words.txt: ordinary English words, for the entity
rule that a "person" made only of them ("Disease Control", "Dark Side",
"Worry") is no person.

Source (see docs/data-sources.md): Debian package wamerican 2020.12.07-2,
/usr/share/dict/american-english, SCOWL size 50 by Kevin Atkinson (copyright
notice in data/gazetteers/README.md; permission to use, copy, modify, distribute
and sell). Kept: the entries written all in lower case ASCII letters (63,875
words, inflections included); capitalised entries are proper nouns and are left
out. Output is sorted and deterministic.

Usage:
    apt-get download wamerican=2020.12.07-2 && dpkg -x wamerican_2020.12.07-2_all.deb /tmp/wam
    python3 scripts/build_common_words.py /tmp/wam/usr/share/dict/american-english
"""
import re, sys

from build_gazetteers import write

LOWER = re.compile(r"^[a-z]+$")


def main():
    words = {w for w in open(sys.argv[1], encoding="utf-8").read().split("\n") if LOWER.match(w)}
    write("common_words.txt", words)


if __name__ == "__main__":
    main()
