"""Drive the mobile base up to an object and stop next to it, facing it, without touching it.

When to use:
    "Go to the red barrel", "drive up to the cone and face it": the base should
    stop a short distance from a standing object, turned towards it, with other
    objects and crates around. To drive onto a flat marker, use navigate_to.

Preconditions:
    - a mobile embodiment (robot.navigate_to, robot.scan, robot.get_base_pose)
    - the target is visible to robot.detect from the start

Postconditions:
    - the base stands about ``standoff`` metres from the target's centre,
      facing it, and has not pushed it

Evidence:
    From the navigate_to_object reference program (foundation issue).
    Following the route as far as one leg allows, not just its first 10 cm
    grid step, fixed navigate_to_object seed 568 (agent issue).
"""

import math

from skills.plan_route import plan_route
from skills.scan_obstacles import scan_obstacles

ASPIRE = {
    "task_type": "navigation",
    "embodiment": "husky",
    "depends_on": ["plan_route", "scan_obstacles"],
    "version": 2,
    "tags": ["mobile", "approach", "face"],
    "achieves": ["near(robot, target)", "facing(robot, target)"],
    "takes": {"target": ["barrel", "cone", "crate"]},  # solid: it stops in front
    "validation": {"task": "navigate_to_object", "seeds": [0, 1, 2, 3, 4], "args": {"target": "{target}"}},
}

_ROBOT_RADIUS = 0.62
_HALF = 3.8


def _free(x, y, obstacles):
    return abs(x) < _HALF and abs(y) < _HALF and all(math.hypot(x - ox, y - oy) > r for ox, oy, r in obstacles)


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


def _standoff_point(base, goal, obstacles, standoff):
    heading = math.atan2(base[1] - goal[1], base[0] - goal[0])
    for k in range(24):
        a = heading + (k + 1) // 2 * (1 if k % 2 else -1) * math.pi / 12
        x, y = goal[0] + standoff * math.cos(a), goal[1] + standoff * math.sin(a)
        if _free(x, y, obstacles):
            return x, y
    return goal[0] + standoff * math.cos(heading), goal[1] + standoff * math.sin(heading)


def approach_object(robot, target, standoff=0.85, max_legs=20, leg_length=1.0, radius=0.62, margin=0.08):
    """Stop ``standoff`` metres from the object matching ``target`` and face it."""
    goal = robot.detect(target)[0]
    gx, gy = goal.position[0], goal.position[1]
    stand = None
    for _ in range(max_legs):
        base = robot.get_base_pose().position
        obstacles = scan_obstacles(robot, exclude=goal.name, robot_radius=radius, margin=margin)
        if stand is None or not _free(stand[0], stand[1], obstacles):
            stand = _standoff_point(base, (gx, gy), obstacles, standoff)
        if math.hypot(stand[0] - base[0], stand[1] - base[1]) < 0.1:
            break
        body = (gx, gy, 0.5 * goal.size[0] + _ROBOT_RADIUS - 0.05)
        legs = plan_route(robot, (base[0], base[1]), stand, obstacles + [body])
        x, y = _leg_towards((base[0], base[1]), _farthest_within(base, legs, leg_length), leg_length)
        robot.navigate_to(x, y)
    base = robot.get_base_pose().position
    dx, dy = gx - base[0], gy - base[1]
    dist = math.hypot(dx, dy)
    robot.navigate_to(base[0] + dx / dist * 0.02, base[1] + dy / dist * 0.02)
    return dist
