"""Wrong on purpose: treats the mobile base as an arm and reaches for the target (UnsupportedCall on move_to)."""

ARGS = {"target": "red barrel"}


def run(robot):
    target = robot.detect(ARGS["target"])[0]
    x, y, z = target.position
    robot.move_to(x, y, z + 0.3)
