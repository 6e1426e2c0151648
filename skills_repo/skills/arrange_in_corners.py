"""Put several blocks into the corners of the table, one block per corner.

When to use:
    "Put the red and blue blocks in the corners", "give each cube its own
    corner": two to four objects, each to a different corner of the work area.

Preconditions:
    - an arm embodiment (panda) with an empty gripper; every block is visible
    - robot.workspace() reports the work area whose corners are meant

Postconditions:
    - each block stands ``margin`` in from both edges of its own corner, arm home
    - returns {block name: corner point}

Evidence:
    Written for arrange_corners after its reference program
    (skills_repo/reference): each block goes to the nearest corner still free.
"""

import math

from skills.set_down_at import set_down_at

ASPIRE = {
    "task_type": "arrange",
    "embodiment": "panda",
    "depends_on": ["set_down_at"],
    "version": 2,
    "tags": ["corners", "corner", "arrange", "spread out", "several blocks"],
    "achieves": "in_corners(blocks)",
    "takes": {"blocks": ["block", "ball"]},  # set_down_at picks either
    "validation": {"task": "arrange_corners", "seeds": [0, 1, 2, 3, 4], "args": {"blocks": "{blocks}"}},
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


def arrange_in_corners(robot, blocks, margin=0.045):
    """Move each block named in ``blocks`` to a different corner of the work area (nearest free one first)."""
    blocks = _phrases(blocks)
    robot.home()
    area = robot.workspace()
    (x0, x1), (y0, y1) = area["x"], area["y"]
    corners = [(x1 - margin, y1 - margin), (x1 - margin, y0 + margin),
               (x0 + margin, y1 - margin), (x0 + margin, y0 + margin)]
    found = [robot.detect(b)[0] for b in blocks]
    pairs = sorted((math.hypot(d.position[0] - cx, d.position[1] - cy), i, c)
                   for i, d in enumerate(found) for c, (cx, cy) in enumerate(corners))
    chosen, used = {}, set()
    for _, i, c in pairs:
        if i not in chosen and c not in used:
            chosen[i] = c
            used.add(c)
    placed = {}
    for i, d in enumerate(found):
        x, y = corners[chosen[i]]
        set_down_at(robot, d.name, x, y)
        placed[d.name] = (x, y)
    robot.home()
    return placed
