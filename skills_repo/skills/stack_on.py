"""Stack one object on top of another: pick it up and set it down centred on the other's top.

When to use:
    "Put the blue block on the yellow block", "stack the red cube on the green
    one", "set the block down on the plate": the object goes on top of a flat
    support (a block, a plate), which stays where it is.

Preconditions:
    - an arm embodiment (panda) with an empty gripper
    - both objects are visible; the lower one's top is flat (a block)

Postconditions:
    - the object rests on top of the base object and the arm is back home

Evidence:
    The stack_two reference program (foundation issue) split into pick and
    release_above. Version 2: two blocks put on one plate landed one on the
    other; on a wide base the next one now goes beside what is already there.
    Version 3: a second ball put on a plate met the first (the ring inside the plate's top left less
    room than two balls' radii) and the open fingers, spread towards the first ball, hit it; the next
    one now goes as far out as the top lets it stay whole on it, with the fingers spread across the
    way to what is there (development set, groups).
    Version 4: "put every cube on the plate" (three blocks) set the first in the middle of the plate,
    which left the third only a spot diagonal to it, 5 cm apart centre to centre, where the blocks'
    corners met; the first block (not a ball) now goes to the ring's point nearest the middle of the work
    area, and room is measured edge to edge along the table's axes (development set, groups).
    Version 5: a second ball set down beside the first on a plate kept the fingers' direction of its
    grasp, spread towards the first ball, and a finger hit it: the camera saw the held ball 2.5 by 3.9 cm,
    not square, so the quarter turn was skipped; a ball is now always turned the way that keeps the
    fingers off; a ball set down beside one in the middle of a plate, kept whole on the top, went
    4.5 cm from that one's centre, less than their width, and met it: the first ball now goes halfway
    from the middle to a ring 1.2 cm inside the plate's rim, and the next ones out on that ring; what
    stands within a width of the seen rim counts as there (a ball on the rim of a plate seen narrow was
    not, and the next was set down onto it) (validation seeds, groups of balls on a plate). A plate
    counts as wide when two of the held object fit across it: a 4.2 cm block seen 5.4 cm wide made a
    17 cm plate narrow by the old rule (1.5 widths), and three blocks each went to its centre.
"""

import math

from skills.finger_yaw import finger_yaw
from skills.pick import pick
from skills.release_above import release_above

ASPIRE = {
    "task_type": "stack",
    "embodiment": "panda",
    "depends_on": ["finger_yaw", "pick", "release_above"],
    "version": 5,
    "tags": ["stack", "tower", "on top"],
    "achieves": "on(obj, base)",
    "validation": {"task": "stack_two", "seeds": [0, 1, 2, 3, 4], "args": {"obj": "{top}", "base": "{bottom}"}},
}


def _apart(spot, width, d):
    """How far apart the held object (``width`` across) at ``spot`` and detection ``d`` stand, edge to
    edge, along whichever table axis parts them most (boxes, not circles: two blocks set diagonally 5 cm
    apart centre to centre still overlap)."""
    return max(abs(d.position[0] - spot[0]) - (width + d.size[0]) / 2,
               abs(d.position[1] - spot[1]) - (width + d.size[1]) / 2)


def _spot_on(robot, below, seen, held):
    """The base's centre; on a base with room for two of the held object side by side (a plate), a point
    of a ring as far out as keeps the held object whole on the top (a ball: its centre 1.2 cm inside the
    rim): the one nearest the middle of the work area when the
    top is empty (so the rest of it has room for more), else the one standing farthest from what is
    there. A ball on an empty wide base goes only halfway out: let go near the rim, it may roll off."""
    x, y = below.position[0], below.position[1]
    radius = min(below.size[0], below.size[1]) / 2
    width = max(held["size"][0], held["size"][1])
    # what stands on the top or just beside it: the camera sees a plate up to 2 cm narrow, and a ball on
    # its rim beyond that was left out
    on_it = [d for d in seen if d.name not in (below.name, held["name"])
             and math.hypot(d.position[0] - x, d.position[1] - y) < radius + width]
    ball = any(d.name == held["name"] and d.kind == "ball" for d in seen)
    if radius < width + 0.01:  # no room for two side by side: a block's top
        return x, y
    # a ball touches the top at one point under its centre: it may stand out over the rim (kept whole on
    # the top, the next ball met the first)
    ring = max(0.0, radius - 0.012) if ball else max(0.0, radius - width / 2 - 0.005)
    spots = [(x + ring * math.cos(k * math.pi / 8), y + ring * math.sin(k * math.pi / 8)) for k in range(16)]
    if not on_it:
        area = robot.workspace()
        middle = (sum(area["x"]) / 2, sum(area["y"]) / 2)
        near = min(spots, key=lambda s: math.hypot(s[0] - middle[0], s[1] - middle[1]))
        return ((x + near[0]) / 2, (y + near[1]) / 2) if ball else near
    return max(spots, key=lambda s: min(_apart(s, width, d) for d in on_it))


def stack_on(robot, obj, base, gap=0.006):
    """Pick the object matching ``obj`` and set it down on the object matching ``base``: centred, or beside
    what already stands on a wide base."""
    robot.home()
    below = robot.detect(base)[0]
    seen = robot.scan()
    held = pick(robot, obj)
    x, y = _spot_on(robot, below, seen, held)
    # a ball is round however the camera's noisy box sizes it (3.9 by 2.5 cm seen of one ball)
    round_or_square = abs(held["size"][0] - held["size"][1]) < 0.01 or any(
        d.name == held["name"] and d.kind == "ball" for d in seen)
    if (x, y) != (below.position[0], below.position[1]) and round_or_square:
        # beside what is already on the base: a ball or square block turned a quarter in the hand if that
        # keeps the open fingers farther from it
        held = {**held, "yaw": finger_yaw(robot, x, y, held["name"], seen)}
    release_above(robot, held, x, y, below.position[2] + below.size[2] / 2, support=below.name, gap=gap)
    robot.home()
    return True
