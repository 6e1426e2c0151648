"""A group with one member singled out for order: "put all the blocks in the bowl, the red one last", "every ball
into the tray, starting with the blue one". The member goes after (or before) the rest of the group, said as
"then": "put all the blocks except the red block in the bowl , then put the red block in the bowl". Takes text
(lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# when the member goes: after the rest ("last", "for last", "after the others") or before them ("first")
LAST_MARKS = r"last|lastly|at the end|for last|till last|until last|for the end|after the others|after the rest|to finish"
FIRST_MARKS = r"first|firstly|at the start|to start|before the others|before the rest|to begin with"
# words before the member that say it goes first with no mark after it ("starting with the red one")
OPENING = r"starting with|beginning with|start with|begin with"
# what may come between the member and its mark ("the red one goes in last", "red one should go last")
GOING = r"(?:goes|go|going|should go|must go|comes|coming|to go|gets put|is put|being put)(?:\s+in(?:\s+there)?)?"


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    colours = "|".join(sorted({w for ws in vocab.COLORS.values() for w in ws if " " not in w}, key=vocab.longest_first))
    kinds = "|".join(sorted({w for ws in vocab.KINDS.values() for w in ws if " " not in w}, key=vocab.longest_first))
    member = rf"(?:the\s+)?(?P<colour>{colours})(?:\s+(?:one|(?P<kind>{kinds})))?"
    tail = re.compile(
        rf"\s*(?:[,;:\-–—]+\s*|\s+)(?:(?:but|and|with|though|only)\s+)?"
        rf"(?:(?P<opening>{OPENING})\s+|(?:leaving|saving|keeping|doing|putting|leave|save|keep|do|put)\s+)?"
        rf"(?P<member>{member})(?:\s+{GOING})?"
        rf"(?:\s+(?P<mark>{LAST_MARKS}|{FIRST_MARKS})(?:\s+of\s+all)?)?\s*[.!]*\s*$")
    group = re.compile(
        rf"\b(?:(?:all|every|each)(?:\s+of)?(?:\s+(?:the|my|your|these|those))?|the)"
        rf"(?:\s+(?P<colour>{colours}))?\s+(?P<kind>{kinds})(?P<plural>e?s)?\b")
    relations = sorted({w for ws in vocab.RELATIONS.values() for w in ws}, key=vocab.longest_first)
    place = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in relations)})\s+(?:the\s+)?(?!its\b|their\b)[a-z]+")
    return tail, group, place


def singled_out(text: str) -> str:
    """``text`` with a group's member said to go last (or first) read as two steps: the rest of the group, then
    the member (or the member, then the rest); the text as it was where it says no such thing."""
    if not re.search(rf"\b(?:{LAST_MARKS}|{FIRST_MARKS}|{OPENING})\b", text) or \
            re.search(r"\b(?:then|after that|afterwards|before that|next)\b", text):
        return text  # an order said otherwise is read as said
    tail_said, group_said, place_said = _patterns()
    tail = tail_said.search(text)
    if tail is None or (tail.group("mark") is None) == (tail.group("opening") is None):
        return text
    task = text[:tail.start()]
    groups = [g for g in group_said.finditer(task) if g.group("plural") or not g.group(0).startswith("the")]
    if len(groups) != 1 or not place_said.search(task[groups[0].end():]) or \
            groups[0].group("colour") and vocab.color_of(groups[0].group("colour")) == vocab.color_of(tail.group("colour")):
        return text
    group = groups[0]
    kind = tail.group("kind") or group.group("kind")
    if vocab.kind_of(kind) != vocab.kind_of(group.group("kind")):
        return text  # "all the blocks in the bowl, the red ball first": not one of the group
    member = f"the {tail.group('colour')} {kind}"
    rest = f"{task[:group.start()]}{group.group(0)} except {member}{task[group.end():]}"
    alone = f"{task[:group.start()]}{member}{task[group.end():]}"
    mark = tail.group("mark") or "first"
    if re.fullmatch(FIRST_MARKS, mark):
        return f"{alone.strip(' ,;')} , then {rest.strip(' ,;')}"
    return f"{rest.strip(' ,;')} , then {alone.strip(' ,;')}"
