""""between A and B": no goal names a place between two objects, so words that ask for one are refused with a
line that says so and how to say the place instead, never read as some other relation. "between you and the
bowl" or "between the bowl and the robot" (the robot's side of it), "10 cm between them" (a distance), "green in between" (a tower's middle) and "the
cube is between the bowls" (how things are) are read elsewhere."""

from __future__ import annotations

import re

from aspire_tui.agent.words.lexicon import InstructionError
from sim import vocabulary as vocab

# "between the red bowl and the plate", "in between the two bowls", "midway between them", "between the bowls"
BETWEEN = re.compile(r"\b(?:(?:in|right|halfway|midway|somewhere|exactly|directly|just) )?between (?!(?:you|yourself|"
                     r"robot|the robot|me)\b)(?!(?:[a-z]+ ){1,3}and (?:the )?(?:robot|you|yourself|me)\b)(?:[a-z]+ ){0,4}?(?:and (?:[a-z]+ ){0,3}[a-z]+|(?:two|both|2) [a-z]+s\b|"
                     r"them\b|(?P<plural>[a-z]+)s\b)")
# said of how things are, not where to put them: "the cube is (sitting) between ..."
DESCRIBED = re.compile(r"\b(?:is|are|was|were|sits|sit|lies|lie|stands|stand|rests|rest)\b(?: [a-z]+ing)?\s+$")
DISTANCE = re.compile(r"\d\s*(?:cm|mm|m|centimet|millimet|met|inch|in)\w*\.? (?:of )?(?:space |room |gap |distance )?"
                      r"$|\b(?:space|room|gap|distance|spacing|clearance)\s+$")


def refuse_between(text: str) -> None:
    """Refuse words that ask for an object to go between two others.

    Raises:
        InstructionError: ``unreadable``, naming the words and saying how to say the place instead.
    """
    said = text.lower().replace("’", "'")
    for m in BETWEEN.finditer(said):
        if m.group("plural") and not vocab.kind_of(m.group("plural")):
            continue  # "between the bowls": a plural of objects
        clause = re.split(r"[.;!?,]|\band\b|\bthen\b", said[:m.start()])[-1]
        if DESCRIBED.search(clause) or DISTANCE.search(said[:m.start()]):
            continue
        raise InstructionError(f"no goal names a place between two objects ({m.group(0)!r}); say it beside one of "
                               "them instead, e.g. \"put the red block left of the bowl\" or \"next to the plate\"",
                               "unreadable")
