"""Sides: of the table and of objects, the relations beside a landmark, and shifts to a side."""

from __future__ import annotations

from aspire_tui.agent.goal import Cond, Ref
from aspire_tui.agent.words.grammar import Item
from aspire_tui.agent.words.lexicon import InstructionError
from aspire_tui.agent.words.pieces import amount_said
from sim import vocabulary as vocab


SIDE_OF = {"left": "left", "right": "right", "front": "front", "far": "front", "forward": "front",
           "forwards": "front", "ahead": "front", "back": "back", "rear": "back", "backward": "back",
           "backwards": "back", "near": "back", "near side": "back"}
SIDE_RELATION = {"left": "left_of", "right": "right_of", "front": "in_front_of", "back": "behind"}
BESIDE = ("left_of", "right_of", "in_front_of", "behind", "next_to", "near")  # placed by a landmark
CONVERSE = {"left_of": "right_of", "right_of": "left_of", "in_front_of": "behind", "behind": "in_front_of"}


def side_of_object(items: list[Item]) -> list[Item]:
    """"to the front of the bowl", "in the right side of the plate": a side of an object, said with "to" or a
    learner's "in", is the side relation ("in front of", "right of"); of the table it stays a place, and "in the left
    side of the tray" stays inside the container."""
    out = list(items)
    for k in range(len(out) - 2, -1, -1):
        if out[k].kind != "SIDE" or SIDE_OF.get(str(out[k].value)) not in SIDE_RELATION:
            continue
        end = k + 1 + (out[k + 1].kind == "EDGE" and out[k + 1].text == "side")
        if end + 1 >= len(out) or out[end].kind != "OF" or out[end + 1].kind != "np" or out[end + 1].value.ref is None:
            continue
        before = out[k - 1] if k > 0 else None
        said_in = before is not None and before.kind == "REL" and before.value == "in"
        if before is None or not (before.kind == "TO" or said_in) or \
                said_in and out[end + 1].value.ref.kind in vocab.CONTAINERS:
            continue
        rel = SIDE_RELATION[SIDE_OF[str(out[k].value)]]
        out[k - 1:end + 1] = [Item("REL", rel, " ".join(i.text for i in out[k - 1:end + 1]))]
    return out


def shared_object(items: list[Item]) -> list[Item]:
    """"in front of and behind the block": each relation gets the object ("in front of the block and
    behind the block"), so that both are read (and a goal that asks both is seen to contradict itself);
    a side before "and" is that side's relation ("left and right of the bowl")."""
    out = list(items)
    for k in range(len(out) - 3, -1, -1):
        side = SIDE_RELATION.get(SIDE_OF.get(str(out[k].value), "")) if out[k].kind == "SIDE" else None
        if side and out[k + 1].kind == "AND" and out[k + 2].kind == "REL" and \
                out[k + 2].value in SIDE_RELATION.values():
            out[k] = Item("REL", side, out[k].text)
        if k + 3 < len(out) and out[k].kind == "REL" and out[k + 1].kind == "AND" and out[k + 2].kind == "REL" and \
                out[k + 3].kind == "np":
            out.insert(k + 1, out[k + 3])
    return out


def shifts_each(items: list[Item], subjects: list[Ref]) -> list[Cond]:
    """"shift the green ball 20 cm right and the orange ball 10 cm left": each object with the side (and
    amount) said right after it, where every object named has a side of its own."""
    at = [k for k, i in enumerate(items) if i.kind == "np"]
    if len(at) < 2 or len(at) != len(subjects):
        return []
    out = []
    for n, (k, s) in enumerate(zip(at, subjects)):
        said = items[k + 1:at[n + 1] if n + 1 < len(at) else len(items)]
        side = next((SIDE_OF[str(i.value)] for i in said if i.kind == "SIDE" and str(i.value) in SIDE_OF), None)
        if side is None:
            return []
        amount = amount_said(said)
        out.append(Cond("moved", (s, side, float(amount if amount is not None else 0.1))))
    return out


AXIS_OF = {"left": "across", "right": "across", "front": "depth", "back": "depth"}


def shifts_along_axes(items: list[Item], subjects: list[Ref]) -> list[Cond]:
    """"move the red block 5 cm left and 3 cm forward": one move said as a shift along each axis of the table,
    each with its own amount; every part said after the objects, split at "and" or a comma, is one side (and
    amount), and no two are on the same axis (those are refused as opposite, or said twice)."""
    last = max((k for k, i in enumerate(items) if i.kind == "np"), default=None)
    if last is None or not subjects:
        return []
    parts: list[list[Item]] = [[]]
    for it in items[last + 1:]:
        if it.kind in ("AND", "COMMA"):
            parts.append([])
        else:
            parts[-1].append(it)
    sides = []
    for part in parts:
        said = [SIDE_OF[str(i.value)] for i in part if i.kind == "SIDE" and str(i.value) in SIDE_OF]
        if len(said) != 1:
            return []
        sides.append((said[0], amount_said(part)))
    if len(sides) < 2 or len({AXIS_OF[side] for side, _ in sides}) != len(sides):
        return []
    return [Cond("moved", (s, side, float(amount if amount is not None else 0.1)))
            for s in subjects for side, amount in sides]


def refuse_opposite_shifts(items: list[Item], subjects: list[Ref], text: str) -> None:
    """"move the cube 10 cm left and 10 cm right" in one move: the object cannot end up both ways from where it
    started ("A to the left and B to the right" gives each object its own side, and "..., then ..." is two moves).

    Raises:
        InstructionError: ``contradiction``, naming the two sides.
    """
    sides = {SIDE_OF[str(i.value)] for i in items if i.kind == "SIDE" and str(i.value) in SIDE_OF}
    for one, other in (("left", "right"), ("front", "back")):
        if one in sides and other in sides and subjects:
            raise InstructionError(f"contradiction: the {subjects[0].phrase} cannot be moved both {one} and {other} in one move "
                                   f"({text[:60]!r}); say \"then\" between them for one move after the other",
                                   "contradiction")


# the two corners a side of the table has, as FORMAT's places say them
CORNERS_OF_SIDE = {"left": ("front left", "back left"), "right": ("front right", "back right"),
                   "front": ("front left", "front right"), "back": ("back left", "back right")}


def refuse_one_sided_corner(words: list) -> None:
    """"the left corner", "the corner on the right": one side names two corners of the table, so which one is
    asked about, never read as a shift to that side. "the left corner nearest you" says which."""
    for k, w in enumerate(words):
        if w.tag != "CORNERWORD":
            continue
        clause = [x.tag for x in words[k + 1:k + 4]]
        if any(t in ("SUPER", "CLOSER", "SIDEMOST") for t in clause):
            continue
        before = words[k - 1] if k > 0 else None
        after = words[k + 2] if k + 2 < len(words) and words[k + 1].tag == "REL" else None  # "corner on the left"
        for said in (before, after):
            side = SIDE_OF.get(str(said.value).split()[0]) if said is not None and said.tag == "SIDE" else None
            if side in CORNERS_OF_SIDE:
                a, b = CORNERS_OF_SIDE[side]
                raise InstructionError(f"which corner is the {side} corner: the table has two, the {a} and the "
                                       f"{b}; say which, e.g. \"the {a} corner\"", "ambiguous")


def refuse_vague_away(words: list) -> None:
    """"away from the bowl" says neither which way nor how far, and "put the balls away" (tidy them up) says
    nowhere: each is refused with the words to say instead, never read as a shift away from the robot
    (which moved the bowl too). "away" alone after moving ("slide the bowl away") is away from the robot."""
    for k, w in enumerate(words):
        if w.tag != "SIDE" or w.text != "away":
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        if any(x.tag in ("NUM", "UNIT", "AMOUNT") for x in words[max(k - 3, 0):k]) and \
                any(x.tag == "REL" and x.value in BESIDE for x in words[:k]):
            continue  # "in front of the tray, 10 cm away from it": which way and how far are said
        if nxt is not None and nxt.tag == "FROM" and k + 2 < len(words) and \
                words[k + 2].tag in ("KIND", "KINDS", "COLOR", "PRON"):
            raise InstructionError("which way and how far is 'away from' an object? say the side and the amount, "
                                   "e.g. \"10 cm to the left of the bowl\" or \"far to the right of the bowl\"",
                                   "unreadable")
        put = any(x.tag == "VERB" and x.value == "put" for x in words[:k])
        if put and (nxt is None or nxt.tag in ("STOP", "COMMA", "AND")):
            raise InstructionError("where should it go when it is put away? say the place, e.g. \"put the "
                                   "balls in the tray\"", "unreadable")
