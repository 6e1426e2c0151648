"""Reference for place_front_back: put the named block in front of or behind the named plate.

In front is farther from the robot (+x); behind is nearer (-x).
"""

import math

ARGS = {"block": "red block", "plate": "white plate", "side": "in front of"}

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


def spot_in_line(anchor, sign, obs):
    """A free spot on the table in front of `anchor` (+x, sign 1) or behind it (-x, sign -1)."""
    ax, ay = anchor.position[0], anchor.position[1]
    reach = max(anchor.size[0], anchor.size[1]) / 2 + 0.055  # the camera sees a plate ~1 cm narrow
    for extra in (0.0, 0.02, 0.04):
        for dy in (0.0, -0.03, 0.03, -0.06, 0.06):
            x, y = ax + sign * (reach + extra), ay + dy
            if in_workspace(x, y, 0.02) and fits(x, y, obs):
                return x, y
    return ax + sign * reach, ay


def solve(robot, block="red block", plate="white plate", side="in front of"):
    robot.home()
    seen = robot.scan()
    target = robot.detect(block)[0]
    anchor = robot.detect(plate)[0]
    others = obstacles(seen, skip=[target.name])
    ahead = "front" in side or "far" in side
    x, y = spot_in_line(anchor, 1 if ahead else -1, others)
    grip = pick(robot, target, others)
    put_down(robot, x, y, grip, others)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
