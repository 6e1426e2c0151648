"""Reference for tool_use_pull: pull a block that is out of reach closer with an L-shaped hook."""

ARGS = {"block": "red block", "hook": "black hook"}

CLEAR = 0.1   # height of the hook's underside while carrying it (m)
SKIM = 0.006  # height of the hook's underside while pulling: just off the table


def solve(robot, block="red block", hook="black hook"):
    robot.home()
    far = robot.detect(block)[0]
    tool = robot.detect(hook)[0]
    # The hook lies with its handle along x and its tine at the far (+x) end, pointing +y.
    t = tool.size[2]                                      # handle thickness
    near_x = tool.position[0] - tool.size[0] / 2          # the handle's near end
    handle_y = tool.position[1] - tool.size[1] / 2 + t / 2
    gx, gy = near_x + 0.02 + t / 2, handle_y              # grasp the handle by its near end
    tine = tool.position[0] + tool.size[0] / 2 - t - gx   # grasp point to the tine's inner face, along x
    top = tool.position[2] + tool.size[2] / 2
    grip = max(top - 0.012, 0.014)
    robot.move_to(gx, gy, top + 0.1)
    robot.move_to(gx, gy, grip, speed=0.15, allow_contact=tool.name)
    robot.grasp()
    robot.move_to(gx, gy, grip + CLEAR)
    # Lower the tine just beyond the block, the handle passing beside it, then draw it back.
    half = max(far.size[0], far.size[1]) / 2
    x = far.position[0] + half + 0.02 - tine
    y = far.position[1] - (t / 2 + half + 0.015)
    robot.move_to(x, y, grip + CLEAR)
    robot.move_to(x, y, grip + SKIM, speed=0.1)
    pull = far.position[0] - 0.48
    robot.move_to(x - pull, y, grip + SKIM, speed=0.1, allow_contact=far.name)
    robot.release()
    robot.move_to(x - pull, y, grip + CLEAR)
    robot.home()


def run(robot):
    solve(robot, **ARGS)
