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
    release_above.
"""

from skills.pick import pick
from skills.release_above import release_above

ASPIRE = {
    "task_type": "stack",
    "embodiment": "panda",
    "depends_on": ["pick", "release_above"],
    "version": 1,
    "tags": ["stack", "tower", "on top"],
    "achieves": "on(obj, base)",
    "validation": {"task": "stack_two", "seeds": [0, 1, 2, 3, 4], "args": {"obj": "{top}", "base": "{bottom}"}},
}


def stack_on(robot, obj, base, gap=0.006):
    """Pick the object matching ``obj`` and set it down centred on the object matching ``base``."""
    robot.home()
    below = robot.detect(base)[0]
    held = pick(robot, obj)
    x, y, z = below.position
    release_above(robot, held, x, y, z + below.size[2] / 2, support=below.name, gap=gap)
    robot.home()
    return True
