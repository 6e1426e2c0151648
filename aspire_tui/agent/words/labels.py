"""Objects given a name before they are described: "object A, the red block", "item 2 (the green ball)", "the
target receptacle, the blue bowl", "object B is the pink bowl". The description is what the reader reads, said
in the name's place there and wherever the name is used again ("... place object A in object B")."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# nouns a speaker names an object by before saying what it is ("the target receptacle, the blue bowl")
NAMING_NOUNS = ("object", "item", "receptacle", "container", "vessel", "target", "destination", "source")
# words before such a noun that only say its role ("the goal container")
ROLES = ("target", "destination", "goal", "source", "chosen", "first", "second")


def named_objects(text: str) -> str:
    """``text`` (lower case) with each named object's description in place of its name (see the module)."""
    names: dict[str, str] = {}

    def given(m: re.Match) -> str:
        names[_key(m.group("name"))] = m.group("what")
        return m.group("what") + " "  # the spaces after the description were taken with it

    def defined(m: re.Match) -> str:
        names[_key(m.group("name"))] = m.group("what")
        return f"there is {m.group('what')}"

    text = _defined().sub(defined, text)  # "object a is the blue block": says which object the name is
    text = _call_sign().sub(defined, text)  # "call sign bravo is the blue block": a radio name for it
    while (joined := re.sub(r"(\bthere is [^.;!?]*?)\s*(,|\band\b) there is\b", r"\1 \2", text)) != text:
        text = joined  # "there is the blue block and the pink bowl": one list of the objects there are
    text = _given().sub(given, text)
    for name in sorted(names, key=vocab.longest_first):  # "object 12" before "object 1"
        text = re.sub(rf"\b(?:the )?{re.escape(name)}\b(?! ?[(,]? ?the )", names[name], text)
    return text


def _key(name: str) -> str:
    return re.sub(r"^(?:the|a|an) ", "", " ".join(name.split()))


@functools.lru_cache(maxsize=1)
def _description() -> str:
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))},
                   key=vocab.longest_first)
    # "the blue bowl", "the big red cube", "red block": up to three words, then a thing the simulator has
    return rf"(?P<what>(?:the |a |an )?(?:[a-z]+ ){{0,3}}?(?:{'|'.join(nouns)}))\b"


def _name() -> str:
    # a naming noun with a letter or number ("object a", "item 2"), or with a role before it ("the target
    # container"), or one that is no thing the simulator has ("the receptacle"); "the container" alone is a
    # tray, and "in the tray, the blue block on the plate" a second task. A letter is a name only where a
    # description follows, so "the object a bit left" is not one
    nouns, roles = "|".join(NAMING_NOUNS), "|".join(ROLES)
    things = "|".join(n for n in NAMING_NOUNS if not vocab.kind_of(n))
    return (rf"(?P<name>(?:the )?(?:(?:(?:{roles}) )?(?:{nouns}) (?:[a-h]|\d{{1,2}})|(?:{roles}) (?:{nouns})|"
            rf"(?:{things})))")


@functools.lru_cache(maxsize=1)
def _given() -> re.Pattern:
    # the name, then its description set apart by a comma, a bracket or a dash
    return re.compile(rf"\b{_name()}\s*(?:,|\(|:| - )\s*{_description()}\s*(?P<after>\)|,(?=\s*(?:is|are|should|"
                      rf"must|goes|go|needs|has|will|and|then|in|on|into|onto)\b))?")


@functools.lru_cache(maxsize=1)
def _call_sign() -> re.Pattern:
    # "call sign bravo is the blue block", "codename alpha: the red cube": the one word after it is the name
    return re.compile(rf"\b(?:call ?sign|code ?name) (?P<name>[a-z]+)(?: is| =| means|:|,)? {_description()}")


@functools.lru_cache(maxsize=1)
def _defined() -> re.Pattern:
    # "object a is the blue block", "let item 2 be the green ball": only with a letter or number
    return re.compile(rf"\b(?:let )?(?P<name>(?:the )?(?:{'|'.join(NAMING_NOUNS)}) (?:[a-h]|\d{{1,2}}))"
                      rf" (?:is|be|=|means|denotes|refers to) {_description()}")
