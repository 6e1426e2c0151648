"""Use a tool (a hook or stick) to pull an out-of-reach object closer to the robot.

When to use:
    "Get the red block that is too far away using the hook", "drag the cube
    closer with the stick": the object lies beyond the arm's reach (IKError
    when reaching for it) and a graspable tool lies within reach.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - the tool and the object are visible; the tool is within reach

Postconditions:
    - the object has been dragged ``pull`` metres towards the robot's base,
      the tool is put down, and the arm is back home

Evidence:
    Written from the robot API contract (foundation issue) for tool-use tasks;
    not yet validated on the tool_use_pull family (no reference program yet).
"""

import math

from skills.pick import pick
from skills.release_above import release_above

ASPIRE = {
    "task_type": "tool_use",
    "embodiment": "panda",
    "depends_on": ["pick", "release_above"],
    "version": 1,
    "tags": ["tool", "hook", "pull", "out of reach"],
}


def pull_with_tool(robot, tool, obj, pull=0.25, height=0.03, beyond=0.06):
    """Grasp the tool matching ``tool``, reach behind the object matching ``obj`` and drag it back."""
    robot.home()
    target = robot.detect(obj)[0]
    held = pick(robot, tool)
    x, y = target.position[0], target.position[1]
    heading = math.atan2(y, x)
    ux, uy = math.cos(heading), math.sin(heading)
    bx, by = x + ux * beyond, y + uy * beyond
    yaw = heading + math.pi / 2
    robot.move_to(bx, by, height + 0.1, yaw=yaw)
    robot.move_to(bx, by, height, yaw=yaw, speed=0.1)
    robot.move_to(bx - ux * pull, by - uy * pull, height, yaw=yaw, speed=0.1, allow_contact=target.name)
    robot.move_to(bx - ux * pull, by - uy * pull, height + 0.1, yaw=yaw)
    release_above(robot, held, bx - ux * (pull + 0.1), by - uy * (pull + 0.1), 0.0)
    robot.home()
    return True
