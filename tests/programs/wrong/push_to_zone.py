"""Wrong on purpose: pushes with the fingertips at table height, so they scrape the table (CollisionError on move_to)."""

import math

ARGS = {"block": "red block", "zone": "green zone"}


def run(robot):
    robot.home()
    block = robot.detect(ARGS["block"])[0]
    goal = robot.detect(ARGS["zone"])[0].position
    bx, by, _ = block.position
    d = math.hypot(goal[0] - bx, goal[1] - by)
    ux, uy = (goal[0] - bx) / d, (goal[1] - by) / d
    sx, sy = bx - 0.1 * ux, by - 0.1 * uy
    robot.move_to(sx, sy, 0.12)
    robot.move_to(sx, sy, 0.0)
    robot.move_to(goal[0], goal[1], 0.0, allow_contact=block.name)
