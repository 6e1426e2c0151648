"""Wrong on purpose: gives the tower's height in centimetres, 2.5 m up, beyond the arm (IKError on move_to)."""

ARGS = {"top": "red block", "middle": "green block", "bottom": "blue block"}


def run(robot):
    robot.home()
    middle = robot.detect(ARGS["middle"])[0]
    bottom = robot.detect(ARGS["bottom"])[0]
    x, y, z = middle.position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, max(z, 0.018), allow_contact=middle.name)
    robot.grasp()
    robot.move_to(bottom.position[0], bottom.position[1], 2.5)
    robot.release()
