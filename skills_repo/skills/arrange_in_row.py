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
"""

import math

from skills.set_down_at import set_down_at

ASPIRE = {
    "task_type": "arrange",
    "embodiment": "panda",
    "depends_on": ["set_down_at"],
    "version": 3,
    "tags": ["line", "row", "line up", "edge", "arrange", "several blocks"],
    "achieves": ["in_line(blocks)", "in_line(blocks, order)"],
    "takes": {"blocks": ["block", "ball"]},  # set_down_at picks either
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
    names = [robot.detect(b)[0].name for b in blocks]
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
