"""Wrong on purpose: lifts to a "safe" height of 1.2 m that the arm cannot reach (IKError on move_to)."""

ARGS = {"block": "red block", "anchor": "blue block"}


def run(robot):
    robot.home()
    block = robot.detect(ARGS["block"])[0]
    x, y, z = block.position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, max(z, 0.018), allow_contact=block.name)
    robot.grasp()
    robot.move_to(x, y, 1.2)
