"""Pick up an object that matches a phrase with a top-down grasp and lift it clear of the table.

When to use:
    The first half of any tabletop manipulation with the arm: "pick up the red
    block", "grab the blue cube", before placing, stacking or handing over.
    Alone when the task ends with the object held: grasp, take hold of, lift
    or raise it so that the gripper holds it.
    The fingers close along y or x, whichever keeps them away from neighbouring
    objects (or as ``yaw`` says).

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - the object is visible to robot.detect and small enough for the fingers (< 8 cm)

Postconditions:
    - the object is held, lifted ``clear`` metres above its top
    - returns {"name", "yaw", "grip", "size"}: what place_in / stack_on need
      (grip is the height of the fingers above the table when they closed)

Evidence:
    From the pick_place_bowl and stack_two reference programs (foundation
    issue); choosing the finger direction fixes stack_two seed 0, where the
    reference's fixed yaw hits the neighbouring block (CollisionError).
    Version 2: a ball's height is taken from its width, because the camera
    sees only its upper half; setting a ball down beside a plate stopped short
    of the table (MotionTimeout) when its bottom was guessed too high.
    Version 3: an object inside a bowl is grasped with the fingers spread along the bowl's wall when
    that leaves them more room; a block off a bowl's centre was grasped across it and a finger hit
    the wall (composite suite, start states); the fingers also close a little towards its centre.
    Version 4: the choice of the fingers' direction is the skill finger_yaw, which set_down_at also uses;
    a block standing on a plate is grasped at its own centre (it was grasped nearer the plate's, as if
    the plate were a bowl, and a finger hit the block beside it: composite suite, start states); the
    fingers close at least 14 mm above the table (a small block seen a little low sent them to 5 mm and
    a fingertip hit the table: the hard variant of place_corner, seed 439).
    Version 5: a finger that meets the wall of the bowl or tray the object sits in, or a neighbour, on the
    way down backs up and comes down again away from where it met it, as far as the finger's outside
    needs; a block put in a bowl a few mm off its centre and then taken out hit the wall in one seed in
    three, blocks near a tray's wall in one seed in two, and blocks packed in a zone hit each other.
    Version 6: an object inside a crate is grasped a little towards the crate's centre, as in a tray.
"""

import math

from skills.finger_yaw import finger_yaw

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": ["finger_yaw"],
    "version": 6,
    "tags": ["grasp", "lift", "arm"],
    "achieves": "held(query)",
}


def _grasp_point(target, others):
    """Where to close the fingers: the object's centre, or inside a bowl or tray a little off it towards
    the container's centre (still on the object), so the open fingers keep clear of the wall."""
    x, y = target.position[0], target.position[1]
    for o in others:
        dx, dy = o.position[0] - x, o.position[1] - y
        d = math.hypot(dx, dy)
        if o.name != target.name and o.kind in ("bowl", "tray", "crate") and 0 < d < max(o.size[:2]) / 2:
            shift = min(d, 0.4 * min(target.size[:2]))
            return x + dx / d * shift, y + dy / d * shift
    return x, y


def _met(hit, target, seen):
    """(name, x, y) of what a finger met on the way down, where it met it: the wall of the bowl or tray
    ``target`` sits in, or a neighbour (``hit``: the error the move raised); None when it was anything else."""
    for o in seen:
        if o.name != target.name and f"hit {o.name} " in str(hit):
            try:
                point = hit.evidence["point"]
            except Exception:  # an error without the contact point
                return None
            return o.name, point[0], point[1]
    return None


def pick(robot, query, clear=0.12, depth=0.022, yaw=None, speed=0.15, force=40.0, away=0.005, reach=0.065,
         tries=2):
    """Grasp the object matching ``query`` from above and lift it; returns the grasp.

    ``yaw=None`` turns the fingers away from the nearest neighbours.
    """
    target = robot.detect(query)[0]
    seen = robot.scan()
    if yaw is None:
        yaw = finger_yaw(robot, target.position[0], target.position[1], target.name, seen)
    x, y = _grasp_point(target, seen)
    z = target.position[2]
    size = list(target.size)
    top = z + size[2] / 2
    if target.kind == "ball":  # the camera sees a ball's upper half only; a ball is as tall as it is wide
        size[2] = max(size[0], size[1], size[2])
    bottom = top - size[2]
    # never so low that the fingertips meet the table: a small block seen a little low asked for 5 mm
    grip = max(top - depth, bottom + 0.018, robot.workspace().get("z", 0.0) + 0.014)
    robot.move_to(x, y, top + clear, yaw=yaw)
    for again in range(tries + 1):
        try:
            robot.move_to(x, y, grip, yaw=yaw, speed=speed, allow_contact=target.name)
            break
        except Exception as hit:
            met = _met(hit, target, seen)
            if met is None or again == tries:
                raise
            # a finger met a wall or a neighbour, which tells where it is (the camera places a container's
            # centre, and each object, a few mm off): back up and come down again away from it, far enough
            # that the outside of the finger clears it (at least ``away``)
            name, wx, wy = met
            robot.move_to(x, y, top + clear, yaw=yaw, allow_contact=name)
            dx, dy = x - wx, y - wy
            d = math.hypot(dx, dy) or 1.0
            step = max(away, reach + away / 2 - d)
            x, y = x + dx / d * step, y + dy / d * step
    robot.grasp(force=force)
    robot.move_to(x, y, top + clear, yaw=yaw)
    return {"name": target.name, "yaw": yaw, "grip": grip - bottom, "size": size}
