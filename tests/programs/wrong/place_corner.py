"""Wrong on purpose: drives to the corner as if the arm had a mobile base (UnsupportedCall on navigate_to)."""

ARGS = {"block": "red block", "place": "front left corner"}


def run(robot):
    robot.home()
    block = robot.detect(ARGS["block"])[0]
    x, y, z = block.position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, max(z, 0.018), allow_contact=block.name)
    robot.grasp()
    robot.move_to(x, y, 0.15)
    robot.navigate_to(0.65, 0.25)
    robot.release()
