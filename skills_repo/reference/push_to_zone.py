"""Reference for push_to_zone: slide the named block into the named zone, never lifting it."""

import math

ARGS = {"block": "red block", "zone": "green zone"}

CLEAR = 0.12    # travel height (m)
LOW = 0.02      # grasp-point height while pushing: fingertips 1 cm above the table
FINGER = 0.055  # from the grasp point to the middle of each fingertip, along the fingers
TIP = 0.015     # half a fingertip's thickness


def pusher_path(start, end, half, side):
    """Grasp-point start and end, and yaw, to push a block (half-width `half`) from `start` to `end`.

    The fingers lie across the push; the grasp point is shifted sideways so that one
    fingertip is centred behind the block and the other passes beside it on `side` (+1 left).
    """
    d = math.hypot(end[0] - start[0], end[1] - start[1])
    ux, uy = (end[0] - start[0]) / d, (end[1] - start[1]) / d
    nx, ny = -uy * side, ux * side
    back = half + TIP + 0.02
    s = (start[0] - back * ux + FINGER * nx, start[1] - back * uy + FINGER * ny)
    e = (end[0] - (half + TIP) * ux + FINGER * nx, end[1] - (half + TIP) * uy + FINGER * ny)
    yaw = math.atan2(-nx, ny)
    if yaw > math.pi / 2:
        yaw -= math.pi
    if yaw < -math.pi / 2:
        yaw += math.pi
    return s, e, yaw, (nx, ny)


def leg_is_clear(start, end, half, side, obs):
    """Both fingertips and the pushed block keep clear of every obstacle, and the arm can reach."""
    s, e, _, (nx, ny) = pusher_path(start, end, half, side)
    if not all(0.32 <= p[0] <= 0.72 and abs(p[1]) <= 0.3 for p in (s, e)):
        return False
    for k in range(11):
        t = k / 10
        px, py = s[0] + (e[0] - s[0]) * t, s[1] + (e[1] - s[1]) * t
        bx, by = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        for ox, oy, r, _ in obs:
            if math.hypot(ox - bx, oy - by) < r + half + 0.01:
                return False
            for f in (-FINGER, FINGER):
                if math.hypot(ox - px - f * nx, oy - py - f * ny) < r + 0.03:
                    return False
    return True


def next_leg(at, goal, half, obs):
    """(end, side) of the next push: straight to the goal, or along one axis first when that is blocked."""
    for via in ((goal[0], goal[1]), (at[0], goal[1]), (goal[0], at[1])):
        if math.hypot(via[0] - at[0], via[1] - at[1]) > 0.02:
            for side in (1, -1):
                if leg_is_clear(at, via, half, side, obs):
                    return via, side
    return goal, 1 if at[1] < 0 else -1


def push(robot, block, end, side):
    """Slide `block` to `end` along a straight line with one fingertip, never lifting it."""
    half = max(block.size[0], block.size[1]) / 2
    s, e, yaw, _ = pusher_path(block.position, end, half, side)
    robot.move_to(s[0], s[1], CLEAR, yaw=yaw)
    robot.move_to(s[0], s[1], LOW, yaw=yaw, speed=0.15)
    robot.move_to(e[0], e[1], LOW, yaw=yaw, speed=0.08, allow_contact=block.name)
    robot.move_to(e[0], e[1], CLEAR, yaw=yaw)


def solve(robot, block="red block", zone="green zone"):
    robot.home()
    goal = robot.detect(zone)[0].position
    for _ in range(5):
        robot.home()
        seen = robot.scan()
        target = robot.detect(block)[0]
        at = target.position
        if math.hypot(goal[0] - at[0], goal[1] - at[1]) < 0.025:
            break
        obs = [(o.position[0], o.position[1], max(o.size[0], o.size[1]) / 2, o.name)
               for o in seen if o.name != target.name and o.size[2] > 0.01]
        end, side = next_leg(at, goal, max(target.size[0], target.size[1]) / 2, obs)
        push(robot, target, end, side)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
