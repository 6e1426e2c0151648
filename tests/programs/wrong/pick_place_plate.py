"""Wrong on purpose: closes the gripper while still hovering above the block (GraspError on grasp)."""

ARGS = {"block": "red block", "plate": "white plate"}


def run(robot):
    robot.home()
    x, y, z = robot.detect(ARGS["block"])[0].position
    robot.move_to(x, y, z + 0.1)
    robot.grasp()
    plate = robot.detect(ARGS["plate"])[0]
    robot.move_to(plate.position[0], plate.position[1], 0.1)
    robot.release()
