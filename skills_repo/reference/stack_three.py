"""Reference for stack_three: build a tower of three named blocks."""

import math

ARGS = {"top": "red block", "middle": "green block", "bottom": "blue block"}

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


def stack(robot, upper, lower):
    """Pick the block `upper` and set it down centred on the block `lower` (both phrases)."""
    robot.home()
    seen = robot.scan()
    target = robot.detect(upper)[0]
    base = robot.detect(lower)[0]
    grip = pick(robot, target, obstacles(seen))
    x, y, z = base.position
    # let go 1.2 cm above: the camera's estimate of the top may be some millimetres off
    put_down(robot, x, y, grip, obstacles(seen, skip=[target.name, base.name]),
             surface=z + base.size[2] / 2, support=base.name, drop=0.012)


def solve(robot, top="red block", middle="green block", bottom="blue block"):
    stack(robot, middle, bottom)
    stack(robot, top, middle)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
