"""Carry a bowl onto a plate: grip its wall between the fingers, lift it level, set it down on the plate.

When to use:
    "Put the bowl on the plate", "set the green bowl onto the red plate", "move the bowl, with what is
    in it, onto the plate": a bowl goes on top of a flat support. A bowl is too wide for the fingers to
    close across it (15 cm against 8 cm), so they close on its wall, one finger inside and one outside;
    whatever lies in the bowl rides along.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - the bowl and the plate are visible; the plate is at least as wide as the bowl's floor

Postconditions:
    - the bowl rests on the plate, centred on it, with what was inside it still inside; the arm is home

Evidence:
    Written when a bowl could be filled but not then set on a plate: no skill lifted a bowl (pick closes
    across an object, and a bowl is wider than the open fingers). The wall is gripped on the side of the
    bowl that leaves the inner finger farthest from what lies inside and the outer finger farthest from
    what stands around the bowl and the plate (development set, sequences).
"""

import math

ASPIRE = {
    "task_type": "pick_place",
    "embodiment": "panda",
    "depends_on": [],
    "version": 1,
    "tags": ["bowl", "carry", "lift", "rim", "wall", "plate", "on top"],
    "achieves": "on(bowl, base)",
    "takes": {"bowl": ["bowl"], "base": ["plate"]},
}

SPREAD = 0.04  # each finger's pad from the gripper's centre when open (8 cm between them)
FINGER = 0.01  # from a finger's pad to the middle of the finger behind it


def _clearance(point, others):
    """How far ``point`` stands from the nearest edge of ``others`` (detections; 1.0 with none)."""
    return min([math.hypot(d.position[0] - point[0], d.position[1] - point[1]) - max(d.size[0], d.size[1]) / 2
                for d in others] or [1.0])


def _grip_side(robot, bowl, base, reach, inside, around):
    """The direction (radians, from the bowl's centre) to grip the wall from, the hand ``reach`` out: the
    inner finger clear of what lies inside, the outer one clear of what stands around the bowl now and
    around the plate when the bowl is set down there; of the sides with a centimetre's room, the one
    nearest the work area's middle (the arm reaches it with the least twist; near its base it could not
    get down to the wall)."""
    area = robot.workspace()
    middle = (sum(area["x"]) / 2, sum(area["y"]) / 2)
    best, choice = None, 0.0
    for k in range(16):
        a = k * math.pi / 8
        ux, uy = math.cos(a), math.sin(a)
        bx, by = bowl.position[0], bowl.position[1]
        px, py = base.position[0], base.position[1]
        finger = reach - SPREAD - FINGER
        inner = _clearance((bx + finger * ux, by + finger * uy), inside)
        finger = reach + SPREAD + FINGER
        outer = min(_clearance((bx + finger * ux, by + finger * uy), around),
                    _clearance((px + finger * ux, py + finger * uy), around))
        grip = (bx + reach * ux, by + reach * uy)
        score = (min(inner, outer, 0.01), -math.hypot(grip[0] - middle[0], grip[1] - middle[1]))
        if best is None or score > best:
            best, choice = score, a
    return choice


def carry_bowl(robot, bowl, base, depth=0.02, clear=0.12, gap=0.006, speed=0.1):
    """Grip the wall of the bowl matching ``bowl`` and set the bowl down on the object matching ``base``
    (a plate), centred on it; what lies in the bowl goes with it."""
    robot.home()
    held = robot.detect(bowl)[0]
    below = robot.detect(base)[0]
    seen = robot.scan()
    radius = (held.size[0] + held.size[1]) / 4
    # the hand 2 cm outside the wall's middle (the camera sees a bowl a little narrow): the inner finger
    # then stays clear of a ball in the middle of the bowl; closing, it draws the wall out between them
    reach = radius + 0.002 + 0.02
    inside = [d for d in seen if d.name not in (held.name, below.name)
              and math.hypot(d.position[0] - held.position[0], d.position[1] - held.position[1]) < radius]
    around = [d for d in seen if d.name not in (held.name, below.name) and d not in inside]
    a = _grip_side(robot, held, below, reach, inside, around)
    ux, uy = math.cos(a), math.sin(a)
    # the fingers close along the line to the bowl's centre: yaw 0 closes them along y
    yaw = math.remainder(a - math.pi / 2, math.pi)
    gx, gy = held.position[0] + reach * ux, held.position[1] + reach * uy
    top = held.position[2] + held.size[2] / 2
    bottom = top - held.size[2]
    grip_z = max(top - depth, bottom + 0.014)
    riders = [d.name for d in inside]  # they touch the bowl while it is carried: expected contacts
    robot.move_to(gx, gy, top + clear, yaw=yaw)
    robot.move_to(gx, gy, grip_z, yaw=yaw, speed=speed, allow_contact=[held.name, *riders])
    robot.grasp(force=60.0)
    robot.move_to(gx, gy, top + clear, yaw=yaw, speed=speed, allow_contact=["table", *riders])
    # the bowl's centre over the plate's: the hand keeps its offset from the bowl's centre
    x, y = below.position[0] + (reach - 0.02) * ux, below.position[1] + (reach - 0.02) * uy
    surface = below.position[2] + below.size[2] / 2
    lift = grip_z - bottom
    robot.move_to(x, y, surface + lift + clear, yaw=yaw, allow_contact=riders)
    robot.move_to(x, y, surface + lift + gap, yaw=yaw, speed=speed, allow_contact=[below.name, *riders])
    robot.release()
    robot.move_to(x, y, surface + lift + clear, yaw=yaw, speed=speed, allow_contact=[held.name, *riders])
    robot.home()
    return True
