"""Put an object into a container: pick it up and lower it into a bowl, box or basket.

When to use:
    "Put the red block in the green bowl", "drop the cube into the box": one
    object goes inside one open container on the table.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - both the object and the container are visible to robot.detect

Postconditions:
    - the object rests inside the container and the arm is back home
    - with objects already inside, it goes down beside them, where the container has most room

Evidence:
    The pick_place_bowl reference program (foundation issue) split into pick and
    release_above; succeeds on the development seeds.
"""

import math

from skills.pick import pick
from skills.release_above import release_above

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": ["pick", "release_above"],
    "version": 1,
    "tags": ["pick", "place", "container", "bowl"],
    "achieves": "in(obj, container)",
    "takes": {"container": ["bowl", "tray", "zone"]},  # a painted zone: let go just above the table
    "validation": {"task": "pick_place_bowl", "seeds": [0, 1, 2, 3, 4],
                   "args": {"obj": "{block}", "container": "{bowl}"}},
}


def _drop_point(bowl, seen, held):
    """The container's centre; with objects already in it, the point on a ring inside it farthest from them."""
    x, y = bowl.position[0], bowl.position[1]
    radius = min(bowl.size[0], bowl.size[1]) / 2
    inside = [d for d in seen if d.name not in (bowl.name, held["name"])
              and math.hypot(d.position[0] - x, d.position[1] - y) < radius]
    if not inside:
        return x, y
    ring = max(0.0, 0.85 * radius - max(held["size"][0], held["size"][1]) / 2 - 0.005)
    spots = [(x + ring * math.cos(k * math.pi / 4), y + ring * math.sin(k * math.pi / 4)) for k in range(8)]
    return max(spots, key=lambda s: min(math.hypot(d.position[0] - s[0], d.position[1] - s[1]) for d in inside))


def place_in(robot, obj, container, drop=0.015, approach=0.06):
    """Pick the object matching ``obj`` and let it go just above the rim of ``container``."""
    robot.home()
    bowl = robot.detect(container)[0]
    seen = robot.scan()
    held = pick(robot, obj)
    x, y = _drop_point(bowl, seen, held)
    z = bowl.position[2]
    rim = z + bowl.size[2] / 2
    release_above(robot, held, x, y, rim, approach=approach, gap=drop, clear=0.1)
    robot.home()
    return True
