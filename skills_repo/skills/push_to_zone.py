"""Push an object across the table into a target zone, sliding it with the closed gripper.

When to use:
    "Slide the block onto the blue area", "push the puck into the goal zone":
    the object should move along the table without being lifted (too big, too
    heavy or not allowed to be picked up).

Preconditions:
    - an arm embodiment (panda)
    - the object and the zone (a flat marker) are visible to robot.detect

Postconditions:
    - the object's centre is inside the zone, or as far along the push as the
      number of strokes allowed; the arm is back home

Evidence:
    Written for the push_to_zone task family (short strokes, looking again after
    each). It does not pass that family yet: strokes that start near the far
    edge hit IK limits (see the lesson ik_failure_near_table_edge) and a turned
    block catches a finger. No reference program exists for it yet.
"""

import math

ASPIRE = {
    "task_type": "push",
    "embodiment": "panda",
    "depends_on": [],
    "version": 1,
    "tags": ["push", "slide", "zone", "nonprehensile"],
    "validation": {"task": "push_to_zone", "seeds": [0, 1, 2, 3, 4], "args": {"obj": "{block}", "zone": "{zone}"}},
}


def _close_gripper(robot):
    """Close the fingers into a compact pusher (grasp raises when nothing is between them)."""
    try:
        robot.grasp()
    except Exception:  # GraspError: expected, the gripper is closed on nothing
        pass


def push_to_zone(robot, obj, zone, stroke=0.1, height=0.02, behind=0.1, strokes=8, tolerance=0.015):
    """Push the object matching ``obj`` towards the zone matching ``zone`` in short strokes."""
    goal = robot.detect(zone)[0]
    gx, gy = goal.position[0], goal.position[1]
    robot.home()
    _close_gripper(robot)
    for _ in range(strokes):
        target = robot.detect(obj)[0]
        x, y = target.position[0], target.position[1]
        dx, dy = gx - x, gy - y
        dist = math.hypot(dx, dy)
        if dist < tolerance:
            break
        ux, uy = dx / dist, dy / dist
        half = 0.5 * math.hypot(target.size[0], target.size[1])
        yaw = math.atan2(uy, ux) + math.pi / 2  # fingers one behind the other, along the push
        yaw = (yaw + math.pi / 2) % math.pi - math.pi / 2  # the hand is symmetric: keep the wrist near 0
        sx, sy = x - ux * (half + behind), y - uy * (half + behind)
        robot.move_to(sx, sy, height + 0.1, yaw=yaw)
        robot.move_to(sx, sy, height, yaw=yaw, speed=0.1)
        travel = behind + min(stroke, dist)
        robot.move_to(sx + ux * travel, sy + uy * travel, height, yaw=yaw, speed=0.08,
                      allow_contact=target.name)
        robot.move_to(sx + ux * (travel - 0.03), sy + uy * (travel - 0.03), height, yaw=yaw, speed=0.1)
        robot.move_to(sx + ux * (travel - 0.03), sy + uy * (travel - 0.03), height + 0.1, yaw=yaw)
    robot.home()
    return True
