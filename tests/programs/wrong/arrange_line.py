"""Wrong on purpose: closes the gripper at travel height over the first block (GraspError on grasp)."""

ARGS = {"blocks": ["red block", "blue block", "green block"]}


def run(robot):
    robot.home()
    for k, phrase in enumerate(ARGS["blocks"]):
        x, y, _ = robot.detect(phrase)[0].position
        robot.move_to(x, y, 0.15)
        robot.grasp()
        robot.move_to(0.5 + 0.08 * (k - 1), 0.0, 0.15)
        robot.release()
