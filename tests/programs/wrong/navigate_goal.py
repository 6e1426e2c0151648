"""Wrong on purpose: drives straight at the goal through the first obstacle it sees (NavigationError on navigate_to)."""

ARGS = {"goal": "green marker"}


def run(robot):
    goal = robot.detect(ARGS["goal"])[0]
    crates = robot.detect("crate")
    crate = crates[0]
    base = robot.get_base_pose().position
    # Aim through the crate's centre: "the goal is somewhere over there".
    dx, dy = crate.position[0] - base[0], crate.position[1] - base[1]
    robot.navigate_to(crate.position[0] + 0.5 * dx, crate.position[1] + 0.5 * dy)
    robot.navigate_to(goal.position[0], goal.position[1])
