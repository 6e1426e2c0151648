"""Line several blocks up along one edge of the table ("along the back edge", "by the left edge").

When to use:
    "Put the red, blue and green blocks in a row along the front edge": a row
    that must run beside a named edge of the work area (front is away from
    the robot, left is +y). For a row anywhere, use arrange_in_row alone.

Preconditions:
    - an arm embodiment (panda) with an empty gripper; every block is visible
    - robot.workspace() reports the work area

Postconditions:
    - the blocks stand in one row ``margin`` inside the named edge, arm home

Evidence:
    arrange_in_row with its edge given, for the arrange_edge family.
    Version 2: takes what arrange_in_row pushes, too wide to grasp (development set, arrangements).
"""

from skills.arrange_in_row import arrange_in_row

ASPIRE = {
    "task_type": "arrange",
    "embodiment": "panda",
    "depends_on": ["arrange_in_row"],
    "version": 2,
    "tags": ["edge", "row", "line", "arrange", "several blocks"],
    "achieves": "along_edge(blocks, edge)",
    "takes": {"blocks": ["block", "ball", "bowl", "plate", "tray"]},  # picked, or pushed when too wide
    "validation": {"task": "arrange_edge", "seeds": [0, 1, 2, 3, 4], "args": {"blocks": "{blocks}", "edge": "{edge}"}},
}


def arrange_along_edge(robot, blocks, edge, spacing=0.1, margin=0.045):
    """Stand the blocks named in ``blocks`` in a row along the ``edge`` ("front", "back", "left", "right")."""
    return arrange_in_row(robot, blocks, edge=edge, spacing=spacing, margin=margin)
