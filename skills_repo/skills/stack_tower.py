"""Build a tower: stack several blocks one on another, bottom first.

When to use:
    "Build a tower with the blue block at the bottom, then green, then red",
    "stack the three blocks": more than two objects go on top of each other
    in a given order. For one object on another, use stack_on.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - every block is visible; the bottom one stays where it is

Postconditions:
    - blocks[1] rests on blocks[0], blocks[2] on blocks[1], ...; the arm is home

Evidence:
    The stack_three reference program (foundation issue), as repeated stack_on.
"""

from skills.stack_on import stack_on

ASPIRE = {
    "task_type": "stack",
    "embodiment": "panda",
    "depends_on": ["stack_on"],
    "version": 1,
    "tags": ["stack", "tower", "several blocks"],
    "achieves": "stacked(blocks)",
    "validation": {"task": "stack_three", "seeds": [0, 1, 2, 3, 4],
                   "args": {"blocks": ["{bottom}", "{middle}", "{top}"]}},
}


def stack_tower(robot, blocks):
    """Stack ``blocks`` (phrases, bottom first) into one tower."""
    for lower, upper in zip(blocks[:-1], blocks[1:]):
        stack_on(robot, upper, lower)
    robot.home()
    return True
