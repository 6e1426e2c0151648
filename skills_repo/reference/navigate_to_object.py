"""Drive up to a named object and stop facing it, planning around everything else."""

import math

import numpy as np

ARGS = {"target": "red barrel"}

ROBOT_RADIUS = 0.62
CELL = 0.1
HALF = 3.8


def obstacles_in_view(robot, goal_name):
    """(x, y, radius) of everything seen that is not the goal and not flat on the floor."""
    out = []
    for det in robot.scan():
        if det.name == goal_name or det.size[2] < 0.05:
            continue
        side = max(det.size[0], det.size[1])  # one face may be all the camera sees
        r = 0.5 * math.hypot(side, side)
        out.append((det.position[0], det.position[1], r + ROBOT_RADIUS + 0.08))
    return out


def free(x, y, obstacles, slack=0.0):
    return abs(x) < HALF and abs(y) < HALF and all(
        math.hypot(x - ox, y - oy) > r - slack for ox, oy, r in obstacles)


def line_free(a, b, obstacles):
    """Straight leg clear of obstacles; the slack lets legs cut the grid's corners."""
    n = max(int(math.hypot(b[0] - a[0], b[1] - a[1]) / 0.05), 1)
    return all(free(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n, obstacles, 0.06)
               for k in range(n + 1))


def leg_towards(start, point, longest=1.0):
    """At most `longest` metres towards point, so the robot looks again before going on."""
    dx, dy = point[0] - start[0], point[1] - start[1]
    d = math.hypot(dx, dy)
    if d <= longest:
        return point
    return (start[0] + dx / d * longest, start[1] + dy / d * longest)


def plan(start, goal, obstacles):
    """A* on a grid, then shortcut to the fewest straight legs."""
    size = int(2 * HALF / CELL) + 1

    def cell(p):
        return (int(round((p[0] + HALF) / CELL)), int(round((p[1] + HALF) / CELL)))

    def point(c):
        return (c[0] * CELL - HALF, c[1] * CELL - HALF)

    s, g = cell(start), cell(goal)
    blocked = np.zeros((size, size), dtype=bool)
    for i in range(size):
        for j in range(size):
            x, y = point((i, j))
            blocked[i, j] = not free(x, y, obstacles)
    for i in range(size):  # the robot may already stand inside an inflated margin
        for j in range(size):
            x, y = point((i, j))
            if math.hypot(x - start[0], y - start[1]) < 0.35 or math.hypot(x - goal[0], y - goal[1]) < 0.15:
                blocked[i, j] = False
    openset = {s: 0.0}
    came = {}
    cost = {s: 0.0}
    while openset:
        cur = min(openset, key=lambda c: openset[c])
        if cur == g:
            break
        del openset[cur]
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                nxt = (cur[0] + dx, cur[1] + dy)
                if (dx == dy == 0 or not (0 <= nxt[0] < size and 0 <= nxt[1] < size) or blocked[nxt]):
                    continue
                c = cost[cur] + math.hypot(dx, dy)
                if c < cost.get(nxt, 1e9):
                    cost[nxt] = c
                    came[nxt] = cur
                    openset[nxt] = c + math.hypot(g[0] - nxt[0], g[1] - nxt[1])
    if g not in came and g != s:
        return [goal]
    path = [g]
    while path[-1] != s:
        path.append(came[path[-1]])
    points = [point(c) for c in reversed(path)]
    points[-1] = goal
    legs = []
    here = start
    i = 0
    while i < len(points) - 1:
        j = len(points) - 1
        while j > i + 1 and not line_free(here, points[j], obstacles):
            j -= 1
        legs.append(points[j])
        here = points[j]
        i = j
    return legs or [goal]


STANDOFF = 0.85


def standoff_point(base, goal, obstacles):
    """The free point STANDOFF metres from the goal that is nearest the robot's side."""
    heading = math.atan2(base[1] - goal[1], base[0] - goal[0])
    for k in range(24):
        a = heading + (k + 1) // 2 * (1 if k % 2 else -1) * math.pi / 12
        x, y = goal[0] + STANDOFF * math.cos(a), goal[1] + STANDOFF * math.sin(a)
        if free(x, y, obstacles[:-1]):
            return x, y
    return goal[0] + STANDOFF * math.cos(heading), goal[1] + STANDOFF * math.sin(heading)


def solve(robot, target="red barrel"):
    """Plan around obstacles to a free point STANDOFF metres from the target, then turn to face it."""
    goal = robot.detect(target)[0]
    gx, gy = goal.position[0], goal.position[1]
    stand = None
    for _ in range(20):
        base = robot.get_base_pose().position
        obstacles = obstacles_in_view(robot, goal.name)
        obstacles.append((gx, gy, 0.5 * goal.size[0] + ROBOT_RADIUS - 0.05))
        if stand is None or not free(stand[0], stand[1], obstacles[:-1]):
            stand = standoff_point(base, (gx, gy), obstacles)
        if math.hypot(stand[0] - base[0], stand[1] - base[1]) < 0.1:
            break
        legs = plan((base[0], base[1]), stand, obstacles)
        x, y = leg_towards((base[0], base[1]), legs[0])
        robot.navigate_to(x, y)
    base = robot.get_base_pose().position
    dx, dy = gx - base[0], gy - base[1]
    dist = math.hypot(dx, dy)
    robot.navigate_to(base[0] + dx / dist * 0.02, base[1] + dy / dist * 0.02)


def run(robot):
    solve(robot, **ARGS)
