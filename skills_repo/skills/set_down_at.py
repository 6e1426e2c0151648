"""Move an object to a point on the table: pick it up and stand it at (x, y).

When to use:
    Any "put it there" on the bare table once the spot is known (from
    free_spot, a corner, a line, or coordinates x, y): relocating an object,
    shifting it a little to one side, the pick-and-place half of arranging.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - the object is visible to robot.detect and (x, y) is within reach

Postconditions:
    - the object stands on the table at (x, y), the gripper is open above it
    - returns the grasp pick gave ({"name", "yaw", "grip", "size"})

Evidence:
    pick + release_above, as in the arrange and place_corner reference
    programs (skills_repo/reference), with the fingers turned across
    ``across`` so that they miss neighbours standing in a row.
    Version 2: a square block or a ball is turned a quarter in the hand when that keeps the open fingers
    farther from what stands around the spot: a block set down 3 cm behind a bowl was carried with its
    fingers spread towards the bowl, and a finger hit the bowl's wall (composite suite, arrangements).
    Version 3: the fingers' direction at the spot is chosen from a look taken from home before the pick:
    looked at with the object held up, the arm hid a block already set down in a corner beside the spot,
    and the fingers were spread towards it (validation seeds, a group packed into one corner). A ball
    counts as round however unevenly the camera sizes it.
"""

import math

from skills.finger_yaw import finger_yaw
from skills.pick import pick
from skills.release_above import release_above

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": ["finger_yaw", "pick", "release_above"],
    "version": 3,
    "tags": ["pick", "place", "table", "move"],
    "achieves": "at(obj, x, y)",
}


def set_down_at(robot, obj, x, y, yaw=None, gap=0.008, speed=0.1):
    """Pick the object matching ``obj`` and set it down standing at (x, y) on the table top.

    ``yaw`` turns the fingers (0: they close along y); None lets pick choose.
    """
    table = robot.workspace().get("z", 0.0)
    # the arm, parked above the last spot, may hide the object or what stands around (x, y) from the
    # camera, and so does the arm holding the object up: the table is seen before the pick
    robot.home()
    seen = robot.scan()
    held = pick(robot, obj, yaw=yaw)
    ball = any(d.name == held["name"] and d.kind == "ball" for d in seen)  # round however noisily seen
    if yaw is None and (ball or abs(held["size"][0] - held["size"][1]) < 0.01):  # the same turned a quarter
        turned = finger_yaw(robot, x, y, held["name"], seen)
        if abs(math.remainder(turned - held["yaw"], math.pi)) > 0.1:
            held = {**held, "yaw": turned}
    # the held block's bottom may graze the table on the way down (depth error): that contact is expected
    release_above(robot, held, x, y, table, support="table", gap=gap, speed=speed)
    return held
