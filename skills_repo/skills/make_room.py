"""Clear a patch of table: move every object standing within a radius of a point somewhere else.

When to use:
    A spot the task needs is taken ("put the red block in the middle" while a
    blue block stands there): move what is in the way first, then place.
    Clears an area, makes space, tidies the other objects away from a point.

Preconditions:
    - an arm embodiment (panda) with an empty gripper; the blockers can be grasped

Postconditions:
    - no object except those named in ``keep`` stands within ``radius`` of (x, y)
    - returns the names of the objects that were moved

Evidence:
    Written for place_corner, where a distractor block may stand on the named
    spot (sim/tasks/place_corner.toml says so), using free_spot and set_down_at.
    Version 3: "flip the tower so blue is on top" cleared the blue block by picking the green block from
    under the red one, and the fingers hit the red block: the highest blocker goes first, so a tower is
    taken apart from its top (development set, start states).
"""

import math

from skills.free_spot import free_spot
from skills.set_down_at import set_down_at

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": ["free_spot", "set_down_at"],
    "version": 3,
    "achieves": "clear(x, y)",
    "tags": ["clear", "make room", "move out of the way", "table"],
}


MOVABLE = ("block", "ball")  # a painted zone or a fixed goal is no obstacle to set down on


def make_room(robot, x, y, radius=0.07, keep=(), room=0.06):
    """Move the blocks and balls within ``radius`` of (x, y) (but not those named in ``keep``) to free table
    away from it; painted zones stay where they are."""
    moved = []
    for _ in range(4):
        seen = robot.scan()
        blockers = [d for d in seen if d.name not in keep and d.name not in moved and d.kind in MOVABLE
                    and math.hypot(d.position[0] - x, d.position[1] - y) - max(d.size[0], d.size[1]) / 2 < radius]
        if not blockers:
            break
        target = max(blockers, key=lambda d: d.position[2])  # the top of a stack before what it stands on
        px, py, _ = free_spot(robot, target.position[0], target.position[1], room=room, skip=(target.name,),
                              avoid=(x, y, radius + room))
        set_down_at(robot, target.name, px, py)
        moved.append(target.name)
    return moved
