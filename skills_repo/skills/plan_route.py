"""Plan a collision-free route for a mobile base on a grid (A*), as a few straight legs.

When to use:
    Driving a mobile base from where it stands to a point on the floor when
    obstacles (from scan_obstacles) may lie on the straight line between them.

Preconditions:
    - obstacles are (x, y, radius) circles that already include the robot's radius

Postconditions:
    - returns a list of (x, y) waypoints ending at the goal; each straight leg
      between consecutive waypoints is free of obstacles as far as the scan saw
    - when no route exists the list is just [goal]

Evidence:
    The planner of the navigate_goal and navigate_to_object reference programs
    (foundation issue).
"""

import math

import numpy as np

ASPIRE = {
    "task_type": "navigation",
    "embodiment": "husky",
    "depends_on": [],
    "version": 1,
    "tags": ["planning", "path", "mobile"],
}


def _free(x, y, obstacles, half, slack=0.0):
    return abs(x) < half and abs(y) < half and all(
        math.hypot(x - ox, y - oy) > r - slack for ox, oy, r in obstacles)


def _line_free(a, b, obstacles, half, slack):
    n = max(int(math.hypot(b[0] - a[0], b[1] - a[1]) / 0.05), 1)
    return all(_free(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n, obstacles, half, slack)
               for k in range(n + 1))


def plan_route(robot, start, goal, obstacles, cell=0.1, half=3.8, slack=0.06):
    """Waypoints from ``start`` to ``goal`` (both (x, y)) around ``obstacles``.

    ``slack`` lets the straight legs cut the grid's corners by that many metres.
    """
    size = int(2 * half / cell) + 1

    def to_cell(p):
        return (int(round((p[0] + half) / cell)), int(round((p[1] + half) / cell)))

    def to_point(c):
        return (c[0] * cell - half, c[1] * cell - half)

    s, g = to_cell(start), to_cell(goal)
    blocked = np.zeros((size, size), dtype=bool)
    for i in range(size):
        for j in range(size):
            x, y = to_point((i, j))
            near_ends = math.hypot(x - start[0], y - start[1]) < 0.35 or math.hypot(x - goal[0], y - goal[1]) < 0.15
            blocked[i, j] = not near_ends and not _free(x, y, obstacles, half)
    frontier = {s: 0.0}
    came = {}
    cost = {s: 0.0}
    while frontier:
        cur = min(frontier, key=lambda c: frontier[c])
        if cur == g:
            break
        del frontier[cur]
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                nxt = (cur[0] + dx, cur[1] + dy)
                if dx == dy == 0 or not (0 <= nxt[0] < size and 0 <= nxt[1] < size) or blocked[nxt]:
                    continue
                c = cost[cur] + math.hypot(dx, dy)
                if c < cost.get(nxt, 1e9):
                    cost[nxt] = c
                    came[nxt] = cur
                    frontier[nxt] = c + math.hypot(g[0] - nxt[0], g[1] - nxt[1])
    if g not in came and g != s:
        return [tuple(goal)]
    path = [g]
    while path[-1] != s:
        path.append(came[path[-1]])
    points = [to_point(c) for c in reversed(path)]
    points[-1] = tuple(goal)
    legs = []
    here = tuple(start)
    i = 0
    while i < len(points) - 1:
        j = len(points) - 1
        while j > i + 1 and not _line_free(here, points[j], obstacles, half, slack):
            j -= 1
        legs.append(points[j])
        here = points[j]
        i = j
    return legs or [tuple(goal)]
