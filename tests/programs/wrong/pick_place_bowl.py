"""Wrong on purpose: grasps at table height, so a fingertip drives into the table (CollisionError on move_to)."""

ARGS = {"block": "red block", "bowl": "green bowl"}


def run(robot):
    robot.home()
    x, y, _ = robot.detect(ARGS["block"])[0].position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, 0.0, allow_contact=robot.detect(ARGS["block"])[0].name)
    robot.grasp()
