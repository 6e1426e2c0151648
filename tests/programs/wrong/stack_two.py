"""Wrong on purpose: lowers the held block into the bottom block instead of onto it (CollisionError on move_to)."""

ARGS = {"top": "red block", "bottom": "blue block"}


def run(robot):
    robot.home()
    top = robot.detect(ARGS["top"])[0]
    bottom = robot.detect(ARGS["bottom"])[0]
    x, y, z = top.position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, max(z, 0.018), allow_contact=top.name)
    robot.grasp()
    robot.move_to(x, y, 0.15)
    bx, by, bz = bottom.position
    robot.move_to(bx, by, 0.15)
    robot.move_to(bx, by, bz + 0.01)
    robot.release()
