"""One step of a list said to be done last: "put the blue cube in the bowl, the green cube in the tray and the
red cube on the plate last", "..., but do the red cube last". That step comes after the others, said as "then"
before it; the others keep no order among them. One said to be done first ("..., but do the green cube first")
comes before them, "then" after it. Takes text (lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# "last" closing a clause, after what it is said of ("the red block last", "do it last of all"), not the
# referent "the last ball"
LAST = re.compile(r"\s+(?:(?:for|till|until|to)\s+)?(?P<mark>last|lastly|first|firstly)(?:\s+of\s+all)?\s*$")
# where the list's steps part: a comma, a semicolon, a full stop, or "and" before the next object or verb
PARTS = re.compile(r"(\s*[,;.!?]\s*(?:but\s+|and\s+)?|\s+(?:but|and)\s+(?=(?:then\s+)?(?:put|place|set|move|drop|do|"
                   r"the|it)\b))")
# verbs that only point back at a step said already ("do the red block last", "handle it last")
POINTING = r"(?:do|put|place|set|move|drop|handle|leave|save|keep|take|deal with|go for|get)"


def last_steps(text: str) -> str:
    """``text`` with the step said to be done last moved to the end of the steps, "then" before it."""
    if not re.search(r"\b(?:last|first)(?:ly)?(?:\s+of\s+all)?\s*(?:[,;.!?]|$)", text) or \
            re.search(r"\b(?:then|after|afterwards|before|once|next)\b", text):
        return text  # an order said otherwise is read as said
    parts = PARTS.split(text)
    segments, joints = parts[0::2], parts[1::2]
    marked = [k for k, s in enumerate(segments) if LAST.search(s)]
    if len(marked) != 1:
        return text
    k = marked[0]
    first = LAST.search(segments[k]).group("mark").startswith("first")
    said = LAST.sub("", segments[k])
    gone = {k}
    if _placed(said):
        step = said
    else:
        # only the object: the step said earlier with it goes last
        thing = re.sub(rf"^\s*(?:then\s+)?(?:{POINTING}\s+)?", "", said).strip()
        if not thing or thing in ("it", "that", "this", "one"):
            return text
        earlier = [j for j, s in enumerate(segments[:k]) if re.search(rf"\b{re.escape(thing)}\b", s) and _placed(s)]
        if len(earlier) != 1:
            return text
        j = earlier[0]
        step = segments[j]
        gone.add(j)
    moved = max(gone) if len(gone) == 1 else min(gone)
    kept = [i for i, s in enumerate(segments) if i not in gone and s.strip()]
    # (how things are now, "the red block is on the plate", is no step to order)
    if not any(_placed(segments[i]) and not re.search(r"\b(?:is|are|was|were|sits|lies|rests|stands)\b", segments[i])
               for i in kept):
        # one step only ("put the red block in the bowl last"): "last" orders nothing
        return text.replace(segments[k], said, 1) if gone == {k} else text
    verb = re.match(r"\s*((?:put|place|set|move|drop)\s+)", step)
    after = next((i for i in kept if i > moved), None)
    if verb and after is not None and not re.match(r"\s*(?:put|place|set|move|drop)\b", segments[after]):
        segments[after] = verb.group(1) + segments[after].lstrip()  # "put A in X, B in Y": B keeps A's verb
    # the parts left, each after the joint it had ("A in X and B in Y"), the first with none
    head = "".join((joints[i - 1] if n and i else "") + segments[i] for n, i in enumerate(kept))
    step = re.sub(r"^(?:and|then|but)\s+", "", step.strip())
    if first:  # the step said first keeps the verb the list opened with ("put A in X, B in Y, B first")
        opening = re.match(r"\s*((?:put|place|set|move|drop)\s+)", head)
        if opening and not re.match(r"(?:put|place|set|move|drop)\b", step):
            step = opening.group(1) + step
        return f"{step} , then {head.strip(' ,;.')}"
    return f"{head.rstrip(' ,;.')} , then {step}"


def _placed(segment: str) -> bool:
    """Whether the words say where something goes ("the red block on the plate")."""
    return bool(_place().search(segment)) and bool(re.search(r"[a-z]", segment))


@functools.lru_cache(maxsize=1)
def _place() -> re.Pattern:
    words = sorted({w for ws in vocab.RELATIONS.values() for w in ws} | {"to the left of", "to the right of"},
                   key=vocab.longest_first)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\s+(?:the\s+)?[a-z]+")
