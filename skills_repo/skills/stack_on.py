"""Stack one object on top of another: pick it up and set it down centred on the other's top.

When to use:
    "Put the blue block on the yellow block", "stack the red cube on the green
    one", "set the block down on the plate": the object goes on top of a flat
    support (a block, a plate), which stays where it is.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - both objects are visible; the lower one's top is flat (a block)

Postconditions:
    - the object rests on top of the base object and the arm is back home

Evidence:
    The stack_two reference program (foundation issue) split into pick and
    release_above. Version 2: two blocks put on one plate landed one on the
    other; on a wide base the next one now goes beside what is already there.
"""

import math

from skills.pick import pick
from skills.release_above import release_above

ASPIRE = {
    "task_type": "stack",
    "embodiment": "panda",
    "depends_on": ["pick", "release_above"],
    "version": 2,
    "tags": ["stack", "tower", "on top"],
    "achieves": "on(obj, base)",
    "validation": {"task": "stack_two", "seeds": [0, 1, 2, 3, 4], "args": {"obj": "{top}", "base": "{bottom}"}},
}


def _spot_on(below, seen, held):
    """The base's centre; on a base much wider than the held object (a plate) with things already on it,
    the point on a ring inside its top farthest from them."""
    x, y = below.position[0], below.position[1]
    radius = min(below.size[0], below.size[1]) / 2
    width = max(held["size"][0], held["size"][1])
    on_it = [d for d in seen if d.name not in (below.name, held["name"])
             and math.hypot(d.position[0] - x, d.position[1] - y) < radius]
    if not on_it or radius < 1.5 * width:
        return x, y
    ring = max(0.0, 0.8 * radius - width / 2)
    spots = [(x + ring * math.cos(k * math.pi / 4), y + ring * math.sin(k * math.pi / 4)) for k in range(8)]
    return max(spots, key=lambda s: min(math.hypot(d.position[0] - s[0], d.position[1] - s[1]) for d in on_it))


def stack_on(robot, obj, base, gap=0.006):
    """Pick the object matching ``obj`` and set it down on the object matching ``base``: centred, or beside
    what already stands on a wide base."""
    robot.home()
    below = robot.detect(base)[0]
    seen = robot.scan()
    held = pick(robot, obj)
    x, y = _spot_on(below, seen, held)
    release_above(robot, held, x, y, below.position[2] + below.size[2] / 2, support=below.name, gap=gap)
    robot.home()
    return True
