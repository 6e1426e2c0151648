"""Put an object in a named place of the table: a corner ("front left corner") or the middle.

When to use:
    "Put the red block in the front left corner of the table", "move the cube
    to the middle of the table": one object goes to a place named by words,
    not next to another object. Front is away from the robot, left is +y.

Preconditions:
    - an arm embodiment (panda) with an empty gripper; the object is visible
    - robot.workspace() reports the work area whose corners the words name

Postconditions:
    - the object stands ``margin`` in from both edges of the named corner (or
      at the centre); whatever stood there was moved aside first, but for what ``keep`` names (the
      object then goes to the nearest room beside it); arm home

Evidence:
    Written for place_corner (reference program in skills_repo/reference:
    corners 4.5 cm in from the edges), from free_spot, make_room, set_down_at.
    Version 2: it aims 3.5 cm in from both edges (it was 4.5) and free_spot may move that point by at most
    1.5 cm (it was 2.5): 4.5 cm in is 6.4 cm from the corner, and 2.5 cm more reached 8.9 cm, past the
    8 cm that "in the corner" allows (composite suite, sequences: two blocks into two corners); a camera
    whose estimates are 2 cm off (the hard variant of place_corner, seed 29) needs the rest of the room.
    Version 3: "first stack the green cube on the yellow cube, then move the ball to the middle" took the
    new tower apart, as it stood near the middle; what ``keep`` names stays where it is, and the object
    goes to the nearest room beside it (development set, sequences).
    Version 4: a container the arm does not move (a tray) may stand over the place; with no room within
    ``slack`` the object goes to the nearest room within three times it, as beside a kept object (a
    start-state case of the dev9 set).
"""

from skills.free_spot import free_spot
from skills.make_room import make_room
from skills.set_down_at import set_down_at

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": ["free_spot", "make_room", "set_down_at"],
    "version": 4,
    "tags": ["corner", "middle", "centre", "table", "place"],
    "achieves": "at_place(obj, place)",
    "validation": {"task": "place_corner", "seeds": [0, 1, 2, 3, 4], "args": {"obj": "{block}", "place": "{place}"}},
}


def _spot(area, words, margin):
    """The point a place phrase names in the work area ("front left corner", "middle", "near right")."""
    (x0, x1), (y0, y1) = area["x"], area["y"]
    said = words.lower().replace("_", " ").replace("-", " ").split()
    x, y = (x0 + x1) / 2, (y0 + y1) / 2
    if any(w in said for w in ("front", "far", "top")):
        x = x1 - margin
    elif any(w in said for w in ("back", "near", "bottom", "rear")):
        x = x0 + margin
    if "left" in said:
        y = y1 - margin
    elif "right" in said:
        y = y0 + margin
    return x, y


def place_at_table_spot(robot, obj, place, margin=0.035, slack=0.015, radius=0.07, keep=()):
    """Move the object named ``obj`` to the place ``place`` names; returns where it was set down.

    ``keep`` names objects that stay where they are even when they stand on the place (what an earlier
    step built there)."""
    robot.home()
    x, y = _spot(robot.workspace(), place, margin)
    target = robot.detect(obj)[0]
    make_room(robot, x, y, radius=radius, keep=(target.name, *keep))
    px, py, free = free_spot(robot, x, y, room=0.05, margin=margin - slack, within=slack, skip=(target.name,))
    if free < 0.05:  # a kept object, or one the arm does not move, stands there: the nearest room beside it
        px, py, _ = free_spot(robot, x, y, room=0.05, margin=margin - slack, within=3 * slack, skip=(target.name,))
    set_down_at(robot, target.name, px, py)
    robot.home()
    return px, py
