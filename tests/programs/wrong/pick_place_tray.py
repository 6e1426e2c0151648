"""Wrong on purpose: asks the camera for a colour no object has (ObjectNotFound on detect)."""

ARGS = {"ball": "red ball", "tray": "white tray"}


def run(robot):
    robot.home()
    ball = robot.detect("golden " + ARGS["ball"].split()[-1])[0]
    robot.move_to(ball.position[0], ball.position[1], 0.1)
