"""Choose which way the open fingers spread around a point: the direction that keeps them off their neighbours.

When to use:
    Before a grasp or a set-down among other objects: the fingers of the open
    gripper reach about 5.5 cm to either side of the point they close on, so
    a neighbour, or the wall of the bowl, tray or crate the object sits in, can be in
    their way. Answers "which way should the gripper turn here?"; it moves nothing.

Preconditions:
    - an arm embodiment (panda); the objects around are visible (or given as ``seen``)

Postconditions:
    - returns a yaw in radians: 0 (the fingers close along y), pi/2 (along x),
      or, inside a bowl or tray, along its wall: whichever leaves the most room
    - nothing moves

Evidence:
    Taken out of pick (version 3), where it fixed stack_two seed 0 (the fixed yaw hit the neighbouring
    block) and grasps inside bowls (composite suite, start states), so set_down_at can turn a held
    block the same way at the spot it sets it down (composite suite, arrangements: a block set down
    3 cm behind a bowl with its fingers spread towards the bowl hit the bowl's wall).
    Version 2: a crate's walls count as a bowl's or a tray's do; blocks taken out of a crate were grasped
    with a finger on its wall in one seed in four.
"""

import math

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": [],
    "version": 2,
    "tags": ["grasp", "fingers", "yaw", "clearance", "arm"],
}

WALLED = ("bowl", "tray", "crate")  # what an object can sit inside, walls around it; a plate or zone is only under it


def finger_yaw(robot, tx, ty, name, seen=None, finger_offset=0.055):
    """For fingers around (tx, ty) holding the object called ``name``: 0 (they close along y), pi/2 (along
    x) or, inside a bowl or tray, along its wall: whichever keeps them farthest from what the camera sees
    (``seen``: detections already taken; None looks now) and from the wall of what the object sits in."""
    others = [o for o in (robot.scan() if seen is None else seen) if o.name != name and not (
        o.kind not in WALLED and math.hypot(o.position[0] - tx, o.position[1] - ty) < max(o.size[:2]) / 2)]
    best, choice = -1.0, 0.0  # (a plate or zone the object stands on is under the fingers, not beside them)
    yaws = [0.0, math.pi / 2]
    for o in others:  # inside a container: the fingers may also spread along its wall
        if math.hypot(o.position[0] - tx, o.position[1] - ty) < max(o.size[:2]) / 2:
            along = math.atan2(ty - o.position[1], tx - o.position[0])
            yaws.append((along + math.pi / 2) % math.pi - math.pi / 2)
    for yaw in yaws:
        ax, ay = -math.sin(yaw), math.cos(yaw)
        gap = 1.0
        for o in others:
            r = max(o.size[0], o.size[1]) / 2
            around = math.hypot(o.position[0] - tx, o.position[1] - ty) < r  # the object sits inside it
            for side in (-finger_offset, finger_offset):
                d = math.hypot(o.position[0] - (tx + side * ax), o.position[1] - (ty + side * ay))
                gap = min(gap, r - d if around else d - r)
        if gap > best + 0.01:
            best, choice = gap, yaw
    return choice
