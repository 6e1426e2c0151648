"""Wrong on purpose: offsets the block by 1.3 instead of 0.13 m, far beyond the arm (IKError on move_to)."""

ARGS = {"block": "red block", "bowl": "green bowl", "side": "to the left of"}


def run(robot):
    robot.home()
    block = robot.detect(ARGS["block"])[0]
    bowl = robot.detect(ARGS["bowl"])[0]
    x, y, z = block.position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, max(z, 0.018), allow_contact=block.name)
    robot.grasp()
    robot.move_to(x, y, 0.15)
    sign = 1 if "left" in ARGS["side"] else -1
    robot.move_to(bowl.position[0], bowl.position[1] + sign * 1.3, 0.15)
    robot.release()
