"""Stand several blocks in one straight row on the table, with room between them.

When to use:
    "Line up the red, blue and green blocks", "put the cubes in a row",
    "arrange them along the back edge" (give ``edge``): several objects end
    in a straight line. Without an edge, the row goes where the table is
    freest; with one, it runs ``margin`` inside that edge of the work area.

Preconditions:
    - an arm embodiment (panda) with an empty gripper; every block is visible
    - robot.workspace() reports the work area (for edges and free table)

Postconditions:
    - the blocks stand ``spacing`` apart on one line (within a few mm), in the
      listed order the way ``order`` says when given, arm home
    - returns the points they were set down at

Evidence:
    Written for arrange_line and arrange_edge, after their reference programs
    (skills_repo/reference): spots chosen clear of other objects and 10 cm
    apart, so that open fingers miss the neighbours.
    Version 4: what is too wide for the fingers is pushed to its spot, spaced by its width, on a row
    that moves them least (development set, arrangements).
"""

import math

from skills.push_to import push_to
from skills.set_down_at import set_down_at

ASPIRE = {
    "task_type": "arrange",
    "embodiment": "panda",
    "depends_on": ["set_down_at", "push_to"],
    "version": 4,
    "tags": ["line", "row", "line up", "edge", "arrange", "several blocks"],
    "achieves": ["in_line(blocks)", "in_line(blocks, order)"],
    "takes": {"blocks": ["block", "ball", "bowl", "plate", "tray"]},  # set_down_at picks, push_to slides
    "validation": {"task": "arrange_line", "seeds": [0, 1, 2, 3, 4], "args": {"blocks": "{blocks}"}},
}


def _phrases(blocks):
    """Phrases, one per block: a list as given; a string as its members.

    "red, blue and green blocks" -> ["red block", "blue block", "green block"];
    "red block" -> ["red block"] (never one letter at a time).
    """
    if not isinstance(blocks, str):
        return list(blocks)
    words = blocks.replace(",", " ").split()
    if "and" not in words or len(words) < 3:
        return [blocks]
    kind = words[-1][:-1] if words[-1].endswith("s") else words[-1]
    return [f"{w} {kind}" for w in words[:-1] if w not in ("and", "the")]


def _rows(area, n, spacing, margin, edge):
    """Candidate rows (lists of points): along y for front/back edges, along x for left/right ones.

    The spacing shrinks where the side is too short for ``n`` blocks at ``spacing``.
    """
    (x0, x1), (y0, y1) = area["x"], area["y"]
    rows = []
    if edge in (None, "front", "back", "far", "near"):
        gap = min(spacing, (y1 - y0 - 2 * margin) / max(n - 1, 1))
        span = gap * (n - 1)
        xs = [x1 - margin] if edge in ("front", "far") else [x0 + margin] if edge in ("back", "near") else \
            [x0 + margin + k * 0.02 for k in range(int((x1 - x0 - 2 * margin) / 0.02) + 1)]
        for x in xs:
            for k in range(int((y1 - y0 - 2 * margin - span) / 0.02) + 1):
                start = y0 + margin + k * 0.02
                rows.append([(x, start + i * gap) for i in range(n)])
    if edge in (None, "left", "right"):
        gap = min(spacing, (x1 - x0 - 2 * margin) / max(n - 1, 1))
        span = gap * (n - 1)
        ys = [y1 - margin] if edge == "left" else [y0 + margin] if edge == "right" else \
            [y0 + margin + k * 0.02 for k in range(int((y1 - y0 - 2 * margin) / 0.02) + 1)]
        for y in ys:
            for k in range(int((x1 - x0 - 2 * margin - span) / 0.02) + 1):
                start = x0 + margin + k * 0.02
                rows.append([(start + i * gap, y) for i in range(n)])
    return rows


def _in_order(rows, order):
    """The rows that run the way ``order`` says, each listing its points in that order.

    Rows along y go from the right (-y) to the left; rows along x from the back to the front.
    """
    along_y = order in ("left_to_right", "right_to_left")
    runs = [r for r in rows if (abs(r[0][0] - r[-1][0]) < 1e-9) == along_y]
    return [list(reversed(r)) if order in ("left_to_right", "front_to_back") else r for r in runs]


def _room(points, seen):
    """The least distance from any point to any seen footprint's edge."""
    return min([math.hypot(d.position[0] - x, d.position[1] - y) - max(d.size[0], d.size[1]) / 2
                for x, y in points for d in seen] + [1.0])


def arrange_in_row(robot, blocks, edge=None, spacing=0.1, margin=0.045, order=None):
    """Stand the blocks named in ``blocks`` in one row (along the ``edge`` of the work area when given).

    ``order`` ("left_to_right", "right_to_left", "front_to_back", "back_to_front") stands them in the
    order listed, that way across the table.
    """
    blocks = _phrases(blocks)
    robot.home()
    area = robot.workspace()
    if isinstance(edge, str):
        edge = next((w for w in edge.lower().split() if w in ("front", "back", "left", "right", "far", "near")),
                    None)
    seen = robot.scan()
    found = [robot.detect(b)[0] for b in blocks]
    names = [d.name for d in found]
    if max(max(d.size[0], d.size[1]) for d in found) > 0.08:  # too wide for the fingers: pushed
        return _push_in_row(robot, found, seen, spacing, order, edge, area, max(margin, 0.055))
    middle = (area["x"][0] + area["x"][1]) / 2, (area["y"][0] + area["y"][1]) / 2
    # the row with the most room around its spots; among equals, the one nearest the middle (easy reach)
    rows = _rows(area, len(blocks), spacing, margin, edge)
    if order in ("left_to_right", "right_to_left", "front_to_back", "back_to_front"):
        rows = _in_order(rows, order) or rows
    points = max(rows,
                 key=lambda row: (round(_room(row, seen), 2),
                                  -sum(math.hypot(x - middle[0], y - middle[1]) for x, y in row)))
    for name, (x, y) in zip(names, points):
        set_down_at(robot, name, x, y)
    robot.home()
    return points


def _blocks(start, end, at, width):
    """Whether an object standing at ``at`` is in the way of one pushed from ``start`` to ``end``, or on
    its spot (``width`` apart)."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    t = max(0.0, min(1.0, ((at[0] - start[0]) * dx + (at[1] - start[1]) * dy) / (dx * dx + dy * dy or 1.0)))
    return math.hypot(at[0] - start[0] - t * dx, at[1] - start[1] - t * dy) < width


def _hard(d, x, y):
    """Whether the straight push of ``d`` to (x, y) needs the fingertip, behind it, outside the pushing area
    (x 0.30-0.72 m, |y| < 0.3 m): back towards the robot from far out, or away from it from near."""
    dx, dy = x - d.position[0], y - d.position[1]
    length = math.hypot(dx, dy)
    if length < 0.02:
        return False
    back = max(d.size[0], d.size[1]) / 2 + 0.045
    sx, sy = d.position[0] - back * dx / length, d.position[1] - back * dy / length
    return not (0.30 <= sx <= 0.72 and abs(sy) <= 0.3)


def _push_in_row(robot, found, seen, spacing, order, edge=None, area=None, margin=0.045, tolerance=0.015):
    """Push each of ``found`` (detections too wide to grasp) to its spot on one straight row, the spots as
    far apart as the widest is wide and 3 cm more. The row may run slantwise (a line is a line; an order
    only asks each to be farther that way than the one before), where the fingertip can push each object
    from any side (centres x 0.40-0.62 m, |y| < 0.28 m), clear of what is not in the row, with the fewest
    spots on where another of them stands now, and where the objects go least far. Along an ``edge`` of the
    work ``area``, the row runs ``margin`` inside it (centres x 0.32-0.68 m). Returns the spots."""
    widest = max(max(d.size[0], d.size[1]) for d in found)
    gap = max(spacing, widest + 0.03)
    members = {d.name for d in found}
    others = [d for d in seen if d.name not in members and d.kind != "zone"]
    along = {"left_to_right": (1, -1), "right_to_left": (1, 1), "front_to_back": (0, -1), "back_to_front": (0, 1)}
    n = len(found)
    low, high = (0.40, 0.62) if edge is None else (0.32, 0.68)
    centres = [(0.40 + 0.02 * i, -0.28 + 0.02 * j) for i in range(12) for j in range(29)]
    run = None  # the axis a row along the edge runs on
    if edge in ("front", "far", "back", "near"):
        x = area["x"][1] - margin if edge in ("front", "far") else area["x"][0] + margin
        centres, run = [(x, -0.28 + 0.02 * j) for j in range(29)], 1
    elif edge in ("left", "right"):
        y = area["y"][1] - margin if edge == "left" else area["y"][0] + margin
        centres, run = [(0.32 + 0.02 * i, y) for i in range(19)], 0
    best, best_key = None, None
    for k in range(24):  # directions 15 degrees apart, both ways round
        ux, uy = math.cos(k * math.pi / 12), math.sin(k * math.pi / 12)
        if run is not None and abs((ux, uy)[run]) < 0.99:
            continue  # along the edge only
        if order in along:
            axis, sign = along[order]
            if sign * (ux, uy)[axis] * gap < 0.03:
                continue
            ranked = list(found)
        elif k >= 12:
            continue
        else:
            ranked = sorted(found, key=lambda d: d.position[0] * ux + d.position[1] * uy)
        for cx, cy in centres:
            row = [(cx + (m - (n - 1) / 2) * gap * ux, cy + (m - (n - 1) / 2) * gap * uy) for m in range(n)]
            if not all(low <= x <= high and abs(y) <= 0.28 for x, y in row):
                continue
            room = min([math.hypot(d.position[0] - x, d.position[1] - y) - max(d.size[0], d.size[1]) / 2
                        - widest / 2 for x, y in row for d in others] + [1.0])
            travel = sum(math.hypot(d.position[0] - x, d.position[1] - y) for d, (x, y) in zip(ranked, row))
            taken = sum(1 for m, (x, y) in enumerate(row) for o, d in enumerate(ranked)
                        if o != m and _blocks(ranked[m].position, (x, y), d.position, widest + 0.01))
            taken += sum(1 for d, (x, y) in zip(ranked, row) if _hard(d, x, y))
            # room for the fingertip; no spot another must leave first (each shoves the other); least pushing
            key = (min(round(room, 2), 0.03), -taken, -travel)
            if best_key is None or key > best_key:
                best, best_key = [(d.name, p) for d, p in zip(ranked, row)], key
    if best is None:
        raise ValueError(f"no room for a row of {n} objects {widest:.2f} m wide in the pushing area")
    todo = list(best)
    while todo:
        now = robot.scan()

        def clear(pair):
            name, (x, y) = pair
            return min([math.hypot(d.position[0] - x, d.position[1] - y) - max(d.size[0], d.size[1]) / 2
                        for d in now if d.name != name and d.kind != "zone"] + [1.0])
        todo.sort(key=lambda pair: -clear(pair))  # the spot nothing stands on first
        name, (x, y) = todo.pop(0)
        try:
            push_to(robot, name, x, y, tolerance=tolerance)
        except Exception as failed:
            # a last correction from beyond the arm's reach (a bowl a little past its spot at the front):
            # it stays where the pushes before left it, near its spot
            if "cannot reach" not in str(failed):
                raise
            robot.home()
    robot.home()
    return [p for _, p in best]
