""""no cube is outside the tray", "no ball should stay in the bowl": "no" before one of a kind is none of them
(a group, so the goal says no member holds the state), and a state said not to fail ("no cube outside the
tray") is the state itself: every cube in the tray."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.goal import Cond
from sim import vocabulary as vocab


def no_member(text: str) -> str:
    """``text`` (lower case) with "no <kind>" before the verb of a state said of the plural, "no cubes"."""
    return _no_one().sub(lambda m: f"no {m.group(1) or ''}{_plural(m.group(2))}", text)


def without_double_negation(cond: Cond) -> Cond:
    """``cond`` with "not not X" read as X, inside "all" and "then" too."""
    if cond.name == "not" and isinstance(cond.args[0], Cond) and cond.args[0].name == "not":
        return without_double_negation(cond.args[0].args[0])
    if cond.name in ("all", "then"):
        return Cond(cond.name, tuple(without_double_negation(a) if isinstance(a, Cond) else a for a in cond.args))
    return cond


def _plural(noun: str) -> str:
    return noun + ("es" if noun.endswith(("x", "sh", "ch", "s")) else "s")


@functools.lru_cache(maxsize=1)
def _no_one() -> re.Pattern:
    colours = "|".join(vocab.color_words())
    nouns = "|".join(sorted({w for ws in vocab.KINDS.values() for w in ws}, key=vocab.longest_first))
    return re.compile(rf"\bno ((?:{colours}) )?({nouns})\b(?= (?:is|remains|stays|sits|lies|rests|should|must|may|"
                      rf"can|will|ends|gets|is left|goes|enters)\b)")
