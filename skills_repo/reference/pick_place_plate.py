"""Reference for pick_place_plate: put the named block onto the named plate."""

ARGS = {"block": "red block", "plate": "white plate"}

CLEAR = 0.12  # travel height above what is picked or placed (m)


def pick(robot, target):
    """Grasp a detected object from above; returns the grasp point's height above the object's bottom."""
    x, y, z = target.position
    top = z + target.size[2] / 2
    grip = max(top - 0.022, 0.018)
    robot.move_to(x, y, top + CLEAR)
    robot.move_to(x, y, grip, speed=0.15, allow_contact=target.name)
    robot.grasp()
    robot.move_to(x, y, top + CLEAR)
    return grip


def put_down(robot, x, y, grip, surface, support):
    """Lower the held object until its bottom is just above `surface`, let go and rise."""
    robot.move_to(x, y, surface + grip + CLEAR)
    robot.move_to(x, y, surface + grip + 0.008, speed=0.15, allow_contact=support)
    robot.release()
    robot.move_to(x, y, surface + grip + CLEAR)


def solve(robot, block="red block", plate="white plate"):
    robot.home()
    target = robot.detect(block)[0]
    support = robot.detect(plate)[0]
    grip = pick(robot, target)
    x, y, z = support.position
    put_down(robot, x, y, grip, z + support.size[2] / 2, support.name)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
