"""Reference for stack_two: put one named block on top of another."""

import math

ARGS = {"top": "red block", "bottom": "blue block"}

CLEAR = 0.12  # travel height above what is picked or placed (m)


def grip_yaw(x, y, others):
    """0 (fingers along y) or pi/2 (along x): whichever keeps the fingertips clear of the neighbours."""
    def room(yaw):
        ax, ay = -math.sin(yaw), math.cos(yaw)
        gaps = [math.hypot(o.position[0] - x - s * ax, o.position[1] - y - s * ay) - max(o.size[0], o.size[1]) / 2
                for o in others for s in (-0.055, 0.055)]
        return min(gaps + [1.0])
    return 0.0 if room(0.0) > 0.03 or room(0.0) >= room(math.pi / 2) else math.pi / 2


def pick(robot, target, others):
    """Grasp a detected object from above; returns the grasp point's height above its bottom and the yaw."""
    x, y, z = target.position
    top = z + target.size[2] / 2
    grip = max(top - 0.022, 0.018)
    yaw = grip_yaw(x, y, [o for o in others if o.name != target.name])
    robot.move_to(x, y, top + CLEAR, yaw=yaw)
    robot.move_to(x, y, grip, yaw=yaw, speed=0.15, allow_contact=target.name)
    robot.grasp()
    robot.move_to(x, y, top + CLEAR, yaw=yaw)
    return grip, yaw


def put_down(robot, x, y, grip, surface, support, yaw=0.0):
    """Lower the held object until its bottom is just above `surface`, let go and rise."""
    robot.move_to(x, y, surface + grip + CLEAR, yaw=yaw)
    robot.move_to(x, y, surface + grip + 0.012, yaw=yaw, speed=0.1, allow_contact=support)
    robot.release()
    robot.move_to(x, y, surface + grip + CLEAR, yaw=yaw)


def stack(robot, upper, lower):
    """Pick the block `upper` and set it down centred on the block `lower` (both phrases)."""
    robot.home()
    seen = robot.scan()
    target = robot.detect(upper)[0]
    base = robot.detect(lower)[0]
    grip, yaw = pick(robot, target, seen)
    x, y, z = base.position
    others = [o for o in seen if o.name not in (target.name, base.name)]
    put_down(robot, x, y, grip, z + base.size[2] / 2, base.name, grip_yaw(x, y, others))


def solve(robot, top="red block", bottom="blue block"):
    stack(robot, top, bottom)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
