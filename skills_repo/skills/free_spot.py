"""Find a free patch of table in the robot's work area: the spot nearest a wish with room for a block.

When to use:
    Before setting something down on the bare table: "put it in the corner",
    "line them up", "move it out of the way". Gives the point nearest (x, y)
    whose distance to every object the camera sees (their footprints) is at
    least ``room``, keeping ``margin`` inside the work area's edges. Answers
    "is there empty space for one more object, and where?"; it moves nothing.

Preconditions:
    - an arm embodiment (panda); robot.workspace() reports the work area

Postconditions:
    - returns (x, y, free): the chosen point and the room around it (m); when
      no point has ``room``, the point with the most room
    - nothing moves

Evidence:
    Written for the arrange and place_corner families, whose reference
    programs look for free table the same way (skills_repo/reference).
    Version 2: a footprint reaches half its seen diagonal, not half its longer side: the camera gives a
    turned tray's unturned extents, and its corner stood 2 cm into a spot taken as free (a start-state
    case of the dev9 set).
"""

import math

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": [],
    "version": 2,
    "tags": ["table", "free space", "place", "workspace"],
}


def _room(x, y, seen, skip):
    """Distance from (x, y) to the nearest seen footprint's edge, leaving out names in ``skip``."""
    # the camera gives no yaw: a turned box's corner may stand anywhere on the circle through its corners
    gaps = [math.hypot(d.position[0] - x, d.position[1] - y) - math.hypot(d.size[0], d.size[1]) / 2
            for d in seen if d.name not in skip]
    return min(gaps + [1.0])


def free_spot(robot, x, y, room=0.06, margin=0.045, within=None, skip=(), avoid=None, step=0.01):
    """The free table point nearest (x, y), searched within ``within`` metres (None: the whole work area).

    ``skip`` names objects to ignore (the one being moved); ``avoid`` is (x, y, radius) to keep out of.
    """
    area = robot.workspace()
    seen = robot.scan()
    (x0, x1), (y0, y1) = area["x"], area["y"]
    best, best_key = (x, y, _room(x, y, seen, skip)), None
    nx = int(round((x1 - x0 - 2 * margin) / step))
    ny = int(round((y1 - y0 - 2 * margin) / step))
    for i in range(nx + 1):
        px = x0 + margin + i * step
        for j in range(ny + 1):
            py = y0 + margin + j * step
            dist = math.hypot(px - x, py - y)
            if within is not None and dist > within:
                continue
            if avoid is not None and math.hypot(px - avoid[0], py - avoid[1]) < avoid[2]:
                continue
            free = _room(px, py, seen, skip)
            key = (free >= room, dist if free >= room else -free)
            if best_key is None or key[0] > best_key[0] or (key[0] == best_key[0] and key[1] < best_key[1]):
                best, best_key = (px, py, free), key
    return best
