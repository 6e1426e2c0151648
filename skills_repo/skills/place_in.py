"""Put an object into a container: pick it up and lower it into a bowl, box or basket.

When to use:
    "Put the red block in the green bowl", "drop the cube into the box": one
    object goes inside one open container on the table.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - both the object and the container are visible to robot.detect

Postconditions:
    - the object rests inside the container and the arm is back home

Evidence:
    The pick_place_bowl reference program (foundation issue) split into pick and
    release_above; succeeds on the development seeds.
"""

from skills.pick import pick
from skills.release_above import release_above

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": ["pick", "release_above"],
    "version": 1,
    "tags": ["pick", "place", "container", "bowl"],
    "validation": {"task": "pick_place_bowl", "seeds": [0, 1, 2, 3, 4],
                   "args": {"obj": "{block}", "container": "{bowl}"}},
}


def place_in(robot, obj, container, drop=0.015, approach=0.06):
    """Pick the object matching ``obj`` and let it go just above the rim of ``container``."""
    robot.home()
    bowl = robot.detect(container)[0]
    held = pick(robot, obj)
    x, y, z = bowl.position
    rim = z + bowl.size[2] / 2
    release_above(robot, held, x, y, rim, approach=approach, gap=drop, clear=0.1)
    robot.home()
    return True
