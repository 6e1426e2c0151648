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
    Version 3: three crates round the start closed every way out with the full safety circles, and the
    base drove straight at one of them (a navigation case of the dev8 set, seed 665); when no route is
    found it plans again with the circles shrunk towards the base's own size.
"""

import math

from skills.plan_route import plan_route
from skills.scan_obstacles import scan_obstacles

ASPIRE = {
    "task_type": "navigation",
    "embodiment": "husky",
    "depends_on": ["plan_route", "scan_obstacles"],
    "version": 3,
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


def _crosses(a, b, obstacles):
    """Whether the straight line from ``a`` to ``b`` passes through any (x, y, radius) circle."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy or 1e-9
    for ox, oy, r in obstacles:
        t = max(0.0, min(1.0, ((ox - a[0]) * dx + (oy - a[1]) * dy) / length2))
        if math.hypot(a[0] + t * dx - ox, a[1] + t * dy - oy) < r:
            return True
    return False


def _route(robot, start, goal, exclude, radius, margin, shrink=(1.0, 0.85, 0.75)):
    """Legs around what the scan sees; where the full safety circles leave no way (plan_route then gives
    just the goal, straight through them), circles shrunk towards the base's own size."""
    for k in shrink:
        obstacles = scan_obstacles(robot, exclude=exclude, robot_radius=radius * k, margin=margin)
        legs = plan_route(robot, start, goal, obstacles)
        if len(legs) > 1 or not _crosses(start, goal, obstacles):
            return legs
    return legs


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
        legs = _route(robot, (base[0], base[1]), (gx, gy), goal.name, radius, margin)
        x, y = _leg_towards((base[0], base[1]), _farthest_within(base, legs, leg_length), leg_length)
        robot.navigate_to(x, y)
    base = robot.get_base_pose().position
    return math.hypot(gx - base[0], gy - base[1]) < tolerance
