"""Reference for pick_place_bowl: put the named block into the named bowl."""

ARGS = {"block": "red block", "bowl": "green bowl"}

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


def solve(robot, block="red block", bowl="green bowl"):
    robot.home()
    target = robot.detect(block)[0]
    container = robot.detect(bowl)[0]
    grip = pick(robot, target)
    x, y, z = container.position
    rim = z + container.size[2] / 2
    robot.move_to(x, y, rim + grip + 0.06)
    robot.move_to(x, y, rim + grip + 0.015, speed=0.15)
    robot.release()
    robot.move_to(x, y, rim + grip + 0.1)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
