"""A crate is an open box on the arm's table: what is let go over it comes to rest inside, where the success
check `in` finds it, and things may start inside one; on a mobile base's floor its cameras still find one
standing, as a place to drive to; things to put into a crate take the arm."""

from __future__ import annotations

import numpy as np

from sim import make_episode
from sim.episode import evaluate_expr
from sim.taskspec import parse_expr, parse_task

LOADED = """\
[task]
name = "load_crate"
category = "pick_place"
description = "A block and a ball beside a crate. Success: both are in the crate."
instructions = ["put the {block} and the {ball} in the {crate}"]
success = "all(in(block, crate), in(ball, crate))"

[[objects]]
id = "crate"
kind = "crate"
color = "orange"
region = { x = [0.48, 0.5], y = [-0.02, 0.0] }

[[objects]]
id = "block"
kind = "block"
color = "red"
region = { x = [0.4, 0.42], y = [0.18, 0.2] }

[[objects]]
id = "ball"
kind = "ball"
color = "blue"
region = { x = [0.4, 0.42], y = [-0.2, -0.18] }
"""


def test_a_block_and_a_ball_let_go_over_a_crate_rest_inside_it(world):
    ep = make_episode(parse_task(LOADED, "load_crate"), 0, world=world)
    crate, block, ball = (ep.scene.bindings[k][0] for k in ("crate", "block", "ball"))
    assert not ep.evaluate()["success"]
    x, y, _ = world.pose(crate)[0]
    world.put(block, [x - 0.05, y, 0.15])
    world.put(ball, [x + 0.05, y, 0.15])
    world.settle(1.0)
    rim = world.aabb(crate)[1][2]
    assert world.aabb(block)[1][2] < rim  # down on its floor, below the walls: not resting on a lid
    assert ep.evaluate()["success"]


def test_a_block_on_the_table_beside_a_crate_is_not_in_it(world):
    ep = make_episode(parse_task(LOADED, "load_crate"), 0, world=world)
    crate, block = ep.scene.bindings["crate"][0], ep.scene.bindings["block"][0]
    lo, _ = world.aabb(crate)
    x, y, _ = world.pose(crate)[0]
    world.put(block, [lo[0] - 0.04, y, 0.025])
    world.settle(0.3)
    assert not ep.evaluate()["1:in(block, crate)"]


def test_a_ball_can_start_inside_a_crate(world):
    text = LOADED.replace('success = "all(in(block, crate), in(ball, crate))"', 'success = "in(block, crate)"')
    text = text.replace('color = "blue"\nregion = { x = [0.4, 0.42], y = [-0.2, -0.18] }',
                        'color = "blue"\ninside = "crate"')
    ep = make_episode(parse_task(text, "unload_crate"), 0, world=world)
    world.settle(0.5)
    assert evaluate_expr(parse_expr("in(ball, crate)"), ep.context())


DRIVE = """\
[task]
name = "drive_to_crate"
category = "navigation"
embodiment = "husky"
description = "Drive up to a crate. Success: the base is within a metre of it."
instructions = ["go to the {crate}"]
success = "near(robot, crate, 1.0)"

[robot]
x = [-2.0, -2.0]
y = [0.0, 0.0]
yaw = [0.0, 0.0]

[[objects]]
id = "crate"
kind = "crate"
color = "orange"
region = { x = [0.0, 0.1], y = [-0.1, 0.1] }
"""


def test_a_mobile_base_sees_a_crate_on_its_floor_standing(world):
    """The arm's size of crate on the floor: the base's cameras find it, and see it taller than a painted
    marker, so a route keeps clear of it."""
    ep = make_episode(parse_task(DRIVE, "drive_to_crate"), 0, world=world)
    crate = ep.scene.bindings["crate"][0]
    found = ep.robot.detect("orange crate")[0]
    assert found.name == crate and found.size[2] > 0.04
    assert np.linalg.norm(np.asarray(found.position[:2]) - world.pose(crate)[0][:2]) < 0.05


def test_the_crates_a_mobile_base_drives_round_are_big_ones(world):
    ep = make_episode("navigate_goal", 0, world=world)
    for name in ep.scene.bindings["obstacles"]:
        lo, hi = world.aabb(name)
        assert hi[2] - lo[2] > 0.35


def test_things_to_load_into_a_crate_take_the_arm_and_a_crate_alone_the_mobile_base():
    from sim.vocabulary import embodiment_for

    assert embodiment_for(["ball", "crate"]) == "panda"
    assert embodiment_for(["block", "crate", "tray"]) == "panda"
    assert embodiment_for(["robot", "crate"]) == "husky"
    assert embodiment_for(["crate", "crate"]) == "husky"
    assert embodiment_for(["block", "crate", "barrel"]) == "husky"  # a barrel is only ever driven to
