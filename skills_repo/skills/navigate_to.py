"""Drive the mobile base onto a place or object it can see, replanning around obstacles.

When to use:
    "Go to the green marker", "drive over to the goal spot": the base should end
    up on top of (or right at) something seen on the floor, with crates or other
    clutter possibly in the way. To stop next to a tall object and face it, use
    approach_object instead.

Preconditions:
    - a mobile embodiment (robot.navigate_to, robot.scan, robot.get_base_pose)
    - the target is visible to robot.detect from the start

Postconditions:
    - the base centre is within ``tolerance`` metres of the target, or the leg
      budget ran out (the caller's success check decides)
    - the robot drives at most ``leg_length`` metres before looking again

Evidence:
    From the navigate_goal reference program (foundation issue): it reaches
    the marker on development seeds. Following the route as far as one leg
    allows (not just its first 10 cm grid step) and re-detecting the marker
    from mid-range fixed navigate_goal seeds 518 and 521 (agent issue).
"""

import math

from skills.plan_route import plan_route
from skills.scan_obstacles import scan_obstacles

ASPIRE = {
    "task_type": "navigation",
    "embodiment": "husky",
    "depends_on": ["plan_route", "scan_obstacles"],
    "version": 2,
    "tags": ["mobile", "drive", "goal"],
    "achieves": "near(robot, target)",
    "takes": {"target": ["marker"]},  # a flat spot it drives onto; a solid object is approached
    "validation": {"task": "navigate_goal", "seeds": [0, 1, 2, 3, 4], "args": {"target": "{goal}"}},
}


def _leg_towards(start, point, longest):
    dx, dy = point[0] - start[0], point[1] - start[1]
    d = math.hypot(dx, dy)
    if d <= longest:
        return point
    return (start[0] + dx / d * longest, start[1] + dy / d * longest)


def _farthest_within(base, waypoints, length):
    """The last waypoint reached within ``length`` metres along the route (a grid route has short steps)."""
    at, travelled, chosen = (base[0], base[1]), 0.0, waypoints[0]
    for point in waypoints:
        travelled += math.hypot(point[0] - at[0], point[1] - at[1])
        if travelled > length:
            break
        chosen, at = point, point
    return chosen


def navigate_to(robot, target, tolerance=0.15, max_legs=10, leg_length=1.0, redetect=1.2, radius=0.62,
                margin=0.08):
    """Drive to the object matching ``target`` (a phrase such as "green marker")."""
    goal = robot.detect(target)[0]
    gx, gy = goal.position[0], goal.position[1]
    for _ in range(max_legs):
        base = robot.get_base_pose().position
        if math.hypot(gx - base[0], gy - base[1]) > redetect:
            # from mid-range the estimate improves; close up the goal leaves the camera's view and the
            # estimate wanders, so the last mid-range one is kept
            try:
                goal = robot.detect(target)[0]
                gx, gy = goal.position[0], goal.position[1]
            except Exception:
                pass
        if math.hypot(gx - base[0], gy - base[1]) < tolerance:
            return True
        obstacles = scan_obstacles(robot, exclude=goal.name, robot_radius=radius, margin=margin)
        legs = plan_route(robot, (base[0], base[1]), (gx, gy), obstacles)
        x, y = _leg_towards((base[0], base[1]), _farthest_within(base, legs, leg_length), leg_length)
        robot.navigate_to(x, y)
    base = robot.get_base_pose().position
    return math.hypot(gx - base[0], gy - base[1]) < tolerance
