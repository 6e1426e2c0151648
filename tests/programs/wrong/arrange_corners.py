"""Wrong on purpose: presses the held block down into the table at the corner (CollisionError on move_to)."""

ARGS = {"blocks": ["red block", "blue block"]}


def run(robot):
    robot.home()
    block = robot.detect(ARGS["blocks"][0])[0]
    x, y, z = block.position
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, max(z, 0.018), allow_contact=block.name)
    robot.grasp()
    robot.move_to(x, y, 0.15)
    robot.move_to(0.655, 0.255, 0.15)
    robot.move_to(0.655, 0.255, 0.005)
    robot.release()
