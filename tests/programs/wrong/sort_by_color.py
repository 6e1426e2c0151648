"""Wrong on purpose: looks for a box of the block's colour where there are bowls (ObjectNotFound on detect)."""

ARGS = {"blocks": ["red block", "blue block"]}


def run(robot):
    robot.home()
    for phrase in ARGS["blocks"]:
        block = robot.detect(phrase)[0]
        box = robot.detect(block.color + " box")[0]
        robot.move_to(box.position[0], box.position[1], 0.15)
