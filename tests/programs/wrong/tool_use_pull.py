"""Wrong on purpose: reaches straight for the far block instead of using the hook (IKError on move_to)."""

ARGS = {"block": "red block", "hook": "black hook"}


def run(robot):
    robot.home()
    block = robot.detect(ARGS["block"])[0]
    x, y, z = block.position
    robot.move_to(x, y, z + 0.1)
    robot.move_to(x, y, z)
    robot.grasp()
