"""Objects sent one by one to the same place of the table are a group there: "put the green ball and the white
block in the back left corner" reads as ``all(at_place(green ball, back_left), at_place(white block,
back_left))``, which asks each to be as near the corner as one object alone can be (8 cm: two cannot), and
makes two steps that each aim at the corner's point. Joined, ``at_place([green ball, white block],
back_left)`` is the same goal (a group at one place is clustered there), checked and done as a group: packed
side by side from the place's point. The scene's check and the plan read the goal joined; the goal shown
stays as read.
"""

from __future__ import annotations

from aspire_tui.agent.goal import Cond, Ref
from sim.objects import DEFAULT_SIZES

PLACES = ("middle", "front_left", "front_right", "back_left", "back_right")


def clustered(cond: Cond) -> Cond:
    """``cond`` with the parts of an ``all`` that bring single objects to one named place joined into one
    listed group at it, where the first of them stood; everything else as it was."""
    if cond.name != "all":
        return cond
    parts = _opened(cond)
    alone = [a for a in parts if _one_to_a_place(a)]
    places = {str(a.args[1]) for a in alone}
    if len(places) == len(alone):
        return cond
    out: list = []
    for a in parts:
        if not _one_to_a_place(a):
            out.append(a)
            continue
        place = str(a.args[1])
        members = tuple(b.args[0] for b in alone if str(b.args[1]) == place)
        if len(members) == 1:
            out.append(a)
        elif members[0] is a.args[0]:  # the group stands where its first member was asked for
            widest = max(members, key=lambda m: max(DEFAULT_SIZES.get(m.kind, (0.0, 0.0))[:2]))
            out.append(Cond("at_place", (Ref(widest.kind, members=members), place)))
    return Cond("all", tuple(out)) if len(out) > 1 else out[0]


def _opened(cond: Cond) -> list:
    """The parts of an ``all``, those of an ``all`` inside it too ("without lifting them, slide ... and ...")."""
    return [p for a in cond.args for p in (_opened(a) if isinstance(a, Cond) and a.name == "all" else [a])]


def _one_to_a_place(a) -> bool:
    return isinstance(a, Cond) and a.name == "at_place" and len(a.args) == 2 and str(a.args[1]) in PLACES \
        and isinstance(a.args[0], Ref) and not a.args[0].is_group and not a.args[0].select
