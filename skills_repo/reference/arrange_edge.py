"""Reference for arrange_edge: stand the named blocks in a row along a named edge of the workspace.

The workspace is x 0.3-0.7 m (the front edge is far from the robot), y -0.3-0.3 m (left is +y).
"""

import math

ARGS = {"blocks": ["red block", "blue block", "green block"], "edge": "front"}

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


def edge_slots(n, edge, obs, gap=0.08):
    """`n` free spots `gap` apart in a row 3.5 cm inside the named edge of the workspace."""
    for shift in (0.0, 0.02, -0.02, 0.04, -0.04, 0.06, -0.06, 0.08, -0.08):
        for inset in (0.035, 0.05):
            slots = []
            for k in range(n):
                t = (k - (n - 1) / 2) * gap + shift
                if edge in ("front", "back"):
                    slots.append((0.7 - inset if edge == "front" else 0.3 + inset, t))
                else:
                    slots.append((0.5 + t, 0.3 - inset if edge == "left" else -0.3 + inset))
            if all(in_workspace(x, y, 0.03) and fits(x, y, obs) for x, y in slots):
                return slots
    return None


def solve(robot, blocks=("red block", "blue block", "green block"), edge="front"):
    edge = [w for w in ("front", "back", "left", "right") if w in edge.split()][0]
    robot.home()
    seen = robot.scan()
    targets = [robot.detect(b)[0] for b in blocks]
    slots = edge_slots(len(targets), edge, obstacles(seen))
    # fill the slots in the order the blocks lie along the row, so that paths do not cross
    dx, dy = slots[-1][0] - slots[0][0], slots[-1][1] - slots[0][1]
    targets.sort(key=lambda t: t.position[0] * dx + t.position[1] * dy)
    obs = obstacles(seen)
    for target, (x, y) in zip(targets, slots):
        grip = pick(robot, target, obs)
        obs = [o for o in obs if o[3] != target.name]
        put_down(robot, x, y, grip, obs)
        obs.append((x, y, 0.03, target.name, 0.05))
    robot.home()


def run(robot):
    solve(robot, **ARGS)
