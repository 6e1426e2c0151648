"""Wrong on purpose: asks the camera to find the table's edge, which is no object (ObjectNotFound on detect)."""

ARGS = {"blocks": ["red block", "blue block", "green block"], "edge": "front"}


def run(robot):
    robot.home()
    edge = robot.detect(ARGS["edge"] + " edge")[0]
    for phrase in ARGS["blocks"]:
        block = robot.detect(phrase)[0]
        robot.move_to(block.position[0], block.position[1], 0.15)
        robot.move_to(edge.position[0], edge.position[1], 0.15)
