"""Wrong on purpose: sets the block down through the plate instead of beside it (CollisionError on move_to)."""

ARGS = {"block": "red block", "plate": "white plate", "side": "in front of"}


def run(robot):
    robot.home()
    block = robot.detect(ARGS["block"])[0]
    plate = robot.detect(ARGS["plate"])[0]
    x, y, z = block.position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, max(z, 0.018), allow_contact=block.name)
    robot.grasp()
    robot.move_to(x, y, 0.15)
    robot.move_to(plate.position[0], plate.position[1], 0.15)
    robot.move_to(plate.position[0], plate.position[1], 0.02)
    robot.release()
