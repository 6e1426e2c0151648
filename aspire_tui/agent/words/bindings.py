"""Objects given a letter before the task, as a mathematician writes: "let b be the black cube and P the white
plate; place b on P", "let S be the set of all cubes", "let a, b, c denote the red, green and blue cubes
respectively". The description is read wherever its letter is used after; the naming itself only says which
objects there are."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# a letter or a letter with a digit or a prime ("x", "b1", "p'"); never a word
NAME = r"[a-z](?:\d|')?"
NAMES = r"(?:is|be|denote|denotes|represent|represents|stand for|be given by|refer to)"
# a description: "the red block", "a tower of three cubes ...", "the set of all cubes", up to the next pause or
# the next name given ("... and P the white plate")
DESCRIPTION = r"(?:the|a|an|all|every|each)\b[^,;.:!?]*?"
ONE = re.compile(rf"(^|[.;:!?]\s*)let\s+(?P<name>{NAME})\s+{NAMES}\s+(?P<what>{DESCRIPTION})"
                 rf"(?=\s*(?:[,;.:!?]|$|\band\s+{NAME}\s+(?:{NAMES}\s+)?(?:the|a|an|all)\b))")
MORE = re.compile(rf"\s*(?:,|\band\b|,\s*and\b)\s*(?P<name>{NAME})\s+(?:{NAMES}\s+)?(?P<what>{DESCRIPTION})"
                  rf"(?=\s*(?:[,;.:!?]|$|\band\s+{NAME}\s+(?:{NAMES}\s+)?(?:the|a|an|all)\b))")
# "let a, b and c denote the red, green and blue cubes (respectively)": a name for each colour in turn
RESPECTIVELY = re.compile(rf"(^|[.;:!?]\s*)let\s+(?P<names>{NAME}(?:\s*,\s*{NAME})*\s*,?\s*(?:and\s+)?{NAME})\s+"
                          rf"{NAMES}\s+the\s+(?P<colours>[a-z]+(?:\s*,\s*[a-z]+)*\s*,?\s*(?:and\s+)?[a-z]+)\s+"
                          rf"(?P<kind>[a-z]+)s(?:,?\s+respectively)?\b")
# after "a" or "i" as a name, the words that show it is the name and not the article or the speaker
NAME_USED = r"(?=\s*(?:[,;.:!?)]|$|is\b|are\b|be\b|lies\b|sits\b|rests\b|stays\b|on\b|in\b|into\b|onto\b|to\b|and\b|"\
            r"must\b|should\b|goes\b|ends\b|never\b))"


def bindings(text: str) -> str:
    """``text`` (lower case) with each letter given to an object read as the object's description (see the module)."""
    names: dict[str, str] = {}
    said: set[str] = set()
    text = RESPECTIVELY.sub(lambda m: _respectively(m, names), text)

    while m := ONE.search(text):
        names[m.group("name")] = _described(m.group("what"))
        end = m.end()
        while (more := MORE.match(text, end)) and more.group("name") not in names:
            names[more.group("name")] = _described(more.group("what"))
            end = more.end()
        given = [names[n] for n in names if n not in said]
        said.update(names)
        # the objects named stay said, so that "the cube" after two cubes are named is still asked which
        text = text[:m.start()] + m.group(1) + _there_are(given) + text[end:]
    if not names:
        return text
    for name in sorted(names, key=vocab.longest_first):
        used = NAME_USED if name in ("a", "i") else r"(?![\w'])"
        text = re.sub(rf"(?<![\w'-]){re.escape(name)}{used}", names[name], text)
    return text


def _there_are(given: list[str]) -> str:
    # "let t be a tower of three cubes with ...": a thing named that is not there yet is the thing to make
    if len(given) == 1 and re.match(r"(?:a|an) (?:tower|stack|pile|row|line)\b", given[0]):
        return f"build {given[0]}"
    # only objects are there to be named; a place named ("the centre of the table") is read where it is used
    objects = [g for g in given if any(vocab.kind_of(w) for w in re.findall(r"[a-z]+", g))
               and not re.search(r"\b(?:table|corner|edge|side|middle|centre|center)\b", g)]
    return "there is " + " and ".join(objects) if objects else ""


def _described(what: str) -> str:
    # "the set of all cubes", "the collection of the blocks": the group itself
    what = re.sub(r"^the (?:set|collection|family) of (?:all )?(?:the )?", "all ", what.strip())
    return what


def _respectively(m: re.Match, names: dict[str, str]) -> str:
    letters = re.findall(NAME, re.sub(r"\band\b", " ", m.group("names")))
    colours = re.findall(r"[a-z]+", re.sub(r"\band\b", " ", m.group("colours")))
    if len(letters) != len(colours):
        return m.group(0)
    for letter, colour in zip(letters, colours):
        names[letter] = f"the {colour} {m.group('kind')}"
    return m.group(1)
