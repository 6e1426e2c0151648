"""Reference for place_corner: put the named block in a named corner, or the middle, of the workspace.

The workspace is x 0.3-0.7 m (front is far from the robot), y -0.3-0.3 m (left is +y).
"""

import math

ARGS = {"block": "red block", "place": "front left corner"}

CLEAR = 0.12  # travel height above what is picked or placed (m)


def obstacles(detections, skip=()):
    """Footprints on the table as (x, y, radius, name, top height), leaving out the names in `skip`."""
    return [(d.position[0], d.position[1], max(d.size[0], d.size[1]) / 2, d.name, d.position[2] + d.size[2] / 2)
            for d in detections if d.name not in skip]


def finger_room(x, y, yaw, obs):
    """Clearance (m) between the open fingertips at (x, y, yaw) and the nearest obstacle.

    Obstacles taller than 6 cm must also clear the hand, 21 cm wide along the fingers.
    """
    ax, ay = -math.sin(yaw), math.cos(yaw)
    gaps = [1.0]
    for ox, oy, r, _, top in obs:
        for s in (-0.055, 0.055) if top < 0.06 else (-0.1, -0.055, 0.0, 0.055, 0.1):
            gaps.append(math.hypot(ox - x - s * ax, oy - y - s * ay) - r)
    return min(gaps)


def grip_yaw(x, y, obs):
    """0 (fingers along y) when the fingertips have room, else the yaw that gives them the most."""
    if finger_room(x, y, 0.0, obs) > 0.03:
        return 0.0
    return max((k * math.pi / 8 for k in range(-4, 5)), key=lambda yaw: (finger_room(x, y, yaw, obs), -abs(yaw)))


def pick(robot, target, obs):
    """Grasp a detected object from above; returns the grasp point's height above its bottom."""
    x, y, z = target.position
    top = z + target.size[2] / 2
    grip = max(top - 0.022, 0.018)
    yaw = grip_yaw(x, y, [o for o in obs if o[3] != target.name])
    robot.move_to(x, y, top + CLEAR, yaw=yaw)
    robot.move_to(x, y, grip, yaw=yaw, speed=0.15, allow_contact=target.name)
    robot.grasp()
    robot.move_to(x, y, top + CLEAR, yaw=yaw)
    return grip


def put_down(robot, x, y, grip, obs, surface=0.0, support="table", drop=0.01):
    """Lower the held object until its bottom is `drop` above `surface`, let go and rise."""
    yaw = grip_yaw(x, y, obs)
    robot.move_to(x, y, surface + grip + CLEAR, yaw=yaw)
    robot.move_to(x, y, surface + grip + drop, yaw=yaw, speed=0.12, allow_contact=support)
    robot.release()
    robot.move_to(x, y, surface + grip + CLEAR, yaw=yaw)


def fits(x, y, obs, size=0.046):
    """A block of `size` set down at (x, y) would touch nothing, its fingertips included."""
    far = all(math.hypot(ox - x, oy - y) > r + size * 0.71 + 0.012 for ox, oy, r, *_ in obs)
    return far and finger_room(x, y, grip_yaw(x, y, obs), obs) > 0.008


def in_workspace(x, y, margin=0.0):
    return 0.3 + margin <= x <= 0.7 - margin and -0.3 + margin <= y <= 0.3 - margin


def free_spot(obs, near=(0.5, 0.0), avoid=None, keep=0.1):
    """The free spot on the table nearest `near`, at least `keep` from `avoid`."""
    best, spot = 9.0, None
    for i in range(9):
        for j in range(11):
            x, y = 0.34 + 0.04 * i, -0.25 + 0.05 * j
            if avoid is not None and math.hypot(x - avoid[0], y - avoid[1]) < keep:
                continue
            d = math.hypot(x - near[0], y - near[1])
            if d < best and fits(x, y, obs):
                best, spot = d, (x, y)
    return spot


def clear_spot(robot, x, y, seen, keep, spare=()):
    """Move every object (but those named in `spare`) within `keep` of (x, y) out of the way.

    Returns what the camera sees afterwards.
    """
    for o in seen:
        if o.name in spare or math.hypot(o.position[0] - x, o.position[1] - y) > keep + max(o.size[0], o.size[1]) / 2:
            continue
        spot = free_spot(obstacles(seen, skip=[o.name]), near=o.position, avoid=(x, y), keep=keep + 0.08)
        grip = pick(robot, o, obstacles(seen))
        put_down(robot, spot[0], spot[1], grip, obstacles(seen, skip=[o.name]))
        robot.home()
        seen = robot.scan()
    return seen


def place_point(place):
    """Where to set a block down for a place phrase: a corner, 4.5 cm in from both edges, or the middle."""
    words = place.split()
    if "middle" in words or "centre" in words or "center" in words:
        return 0.5, 0.0
    x = 0.655 if "front" in words or "far" in words else 0.345
    y = 0.255 if "left" in words else -0.255
    return x, y


def solve(robot, block="red block", place="front left corner"):
    x, y = place_point(place)
    robot.home()
    name = robot.detect(block)[0].name
    seen = clear_spot(robot, x, y, robot.scan(), 0.06, spare=[name])
    target = robot.detect(block)[0]
    grip = pick(robot, target, obstacles(seen))
    put_down(robot, x, y, grip, obstacles(seen, skip=[name]))
    robot.home()


def run(robot):
    solve(robot, **ARGS)
