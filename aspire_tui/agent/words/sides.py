"""Sides: of the table and of objects, the relations beside a landmark, and shifts to a side."""

from __future__ import annotations

from aspire_tui.agent.goal import Cond, Ref
from aspire_tui.agent.words.grammar import Item
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
        if out[k].kind == "REL" and out[k + 1].kind == "AND" and out[k + 2].kind == "REL" and out[k + 3].kind == "np":
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
