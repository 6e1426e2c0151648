"""Reference for tool_use_pull: pull a block that is out of reach closer with an L-shaped hook."""

import math

ARGS = {"block": "red block", "hook": "black hook"}

CLEAR = 0.1   # height of the hook's underside while carrying it (m)
SKIM = 0.012  # height of the hook's underside while pulling: just off the table


def finger_room(x, y, yaw, seen, skip):
    """Clearance (m) between the open fingertips at (x, y, yaw) and the nearest other object."""
    ax, ay = -math.sin(yaw), math.cos(yaw)
    gaps = [math.hypot(o.position[0] - x - s * ax, o.position[1] - y - s * ay) - max(o.size[0], o.size[1]) / 2
            for o in seen if o.name not in skip for s in (-0.055, 0.055)]
    return min(gaps + [1.0])


def solve(robot, block="red block", hook="black hook"):
    robot.home()
    seen = robot.scan()
    far = robot.detect(block)[0]
    tool = robot.detect(hook)[0]
    # The hook lies with its handle along x and its tine at the far (+x) end, pointing +y.
    t = tool.size[2]                                      # handle thickness
    near_x = tool.position[0] - tool.size[0] / 2          # the handle's near end
    gx, gy = near_x + 0.02 + t / 2, tool.position[1] - tool.size[1] / 2 + t / 2
    tine = tool.position[0] + tool.size[0] / 2 - t - gx   # grasp point to the tine's inner face, along x
    # Fingers across the handle; turned up to 45 degrees when something stands beside it. The
    # gripper keeps that yaw until it lets go, so the hook keeps its own.
    skip = (tool.name, far.name)
    yaw = 0.0 if finger_room(gx, gy, 0.0, seen, skip) > 0.03 else max(
        (k * math.pi / 8 for k in (0, 1, -1, 2, -2)), key=lambda a: finger_room(gx, gy, a, seen, skip))
    top = tool.position[2] + tool.size[2] / 2
    grip = max(top - 0.012, 0.014)
    robot.move_to(gx, gy, top + 0.1, yaw=yaw)
    robot.move_to(gx, gy, grip, yaw=yaw, speed=0.15, allow_contact=tool.name)
    robot.grasp()
    robot.move_to(gx, gy, grip + CLEAR, yaw=yaw)
    # Lower the tine just beyond the block, the handle passing beside it, then draw it back.
    half = max(far.size[0], far.size[1]) / 2
    x = far.position[0] + half + 0.025 - tine
    y = far.position[1] - (t / 2 + half + 0.018)
    robot.move_to(x, y, grip + CLEAR, yaw=yaw)
    try:  # a guarded descent: where the handle settles on something, pull from there
        robot.move_to(x, y, grip + SKIM, yaw=yaw, speed=0.1)
    except Exception:  # noqa: BLE001 - MotionTimeout; programs cannot import sim.errors
        pass
    pull = far.position[0] - 0.56  # the block ends within reach; the gripper, 30 cm nearer, too
    robot.move_to(x - pull, y, grip + SKIM, yaw=yaw, speed=0.1, allow_contact=far.name)
    robot.release()
    robot.move_to(x - pull, y, grip + CLEAR, yaw=yaw)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
