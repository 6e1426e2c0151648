"""What people ask for, as task files: start states (inside, on, stacks), referents the scene makes
clear (nearest, leftmost, largest ...), distractors that avoid the named words, and the success
vocabulary for amounts, orders, sequences, counts and whole-motion constraints. Each predicate is
checked true and false on a real pybullet scene, moved the way a test moves bodies."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from sim import make_episode
from sim.episode import evaluate_expr
from sim.errors import TaskFileError
from sim.taskspec import parse_expr, parse_task

HEAD = """\
[task]
name = "ask"
category = "pick_place"
instructions = ["do it"]
success = "{success}"
"""


def task(success: str, objects: str, extra: str = "") -> str:
    return HEAD.replace("{success}", success.replace('"', '\\"')) + objects + extra


BLOCK_BOWL_PLATE = """
[[objects]]
id = "bowl"
kind = "bowl"
color = "green"
region = { x = [0.4, 0.45], y = [0.1, 0.2] }
yaw = 0

[[objects]]
id = "plate"
kind = "plate"
color = "white"
region = { x = [0.55, 0.6], y = [-0.2, -0.1] }

[[objects]]
id = "block"
kind = "block"
color = "red"
inside = "bowl"
"""


def holds(ep, text: str) -> bool:
    return evaluate_expr(parse_expr(text), ep.context())


def put(world, name: str, x: float, y: float, z: float | None = None, settle: float = 0.3) -> None:
    """Move a body the way a test does: teleport it upright, then let physics settle."""
    body = world.bodies[name]
    z = body.size[2] / 2 + 0.001 if z is None else z
    world.put(name, [x, y, z])
    world.settle(settle)


def load_error(text: str) -> str:
    with pytest.raises(TaskFileError) as e:
        parse_task(text, "ask.toml")
    return str(e.value)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# -- 1. start states ----------------------------------------------------------
def test_an_object_starts_inside_a_bowl_and_the_check_sees_it_leave(world):
    spec = parse_task(task("on(block, plate)", BLOCK_BOWL_PLATE), "ask.toml")
    for seed in range(3):
        ep = make_episode(spec, seed, world=world)
        assert holds(ep, "in(block, bowl)") and not holds(ep, "on(block, plate)")
    plate = world.pose(ep.scene.bindings["plate"][0])[0]
    put(world, ep.scene.bindings["block"][0], plate[0], plate[1], 0.04)
    assert not holds(ep, "in(block, bowl)") and ep.evaluate()["success"]


def test_a_group_starts_inside_a_tray_and_a_block_inside_a_zone(world):
    objs = """
[[objects]]
id = "tray"
kind = "tray"
color = "white"
region = { x = [0.45, 0.55], y = [-0.1, 0.1] }

[[objects]]
id = "zone"
kind = "zone"
color = "green"

[[objects]]
id = "blocks"
kind = "block"
count = 2
color = ["red", "blue", "yellow"]
inside = "tray"

[[objects]]
id = "ball"
kind = "ball"
color = "orange"
inside = "zone"
"""
    spec = parse_task(task("in(ball, tray)", objs), "ask.toml")
    for seed in range(3):
        ep = make_episode(spec, seed, world=world)
        assert holds(ep, "in(blocks, tray)") and holds(ep, "in(ball, zone)")
    put(world, ep.scene.bindings["blocks"][0], 0.35, 0.25)
    assert not holds(ep, "in(blocks, tray)") and holds(ep, "at_least(1, in(blocks, tray))")


def test_a_chain_of_on_makes_a_stack_that_stays_up(world):
    objs = """
[[objects]]
id = "top"
kind = "block"
color = "red"
on = "middle"

[[objects]]
id = "middle"
kind = "block"
color = "blue"
on = "bottom"

[[objects]]
id = "bottom"
kind = "block"
color = "yellow"
region = { x = [0.4, 0.6], y = [-0.2, 0.2] }

[[objects]]
id = "plate"
kind = "plate"
color = "white"
"""
    spec = parse_task(task("on(top, plate)", objs), "ask.toml")
    for seed in range(4):
        ep = make_episode(spec, seed, world=world)
        world.settle(1.0)
        assert holds(ep, "stacked(top, middle, bottom)"), seed
    put(world, ep.scene.bindings["top"][0], 0.35, -0.25)
    assert not holds(ep, "stacked(top, middle, bottom)") and holds(ep, "on(middle, bottom)")


STARTS = task("in(block, bowl)", """
[[objects]]
id = "bowl"
kind = "bowl"
color = "green"

[[objects]]
id = "blocks"
kind = "block"
count = [2, 3]

[[objects]]
id = "block"
kind = "block"
color = "red"
""")


@pytest.mark.parametrize("add, field, message", [
    ('inside = "cup"', "inside", "'cup' names no other object"),
    ('on = "blocks"', "on", "'blocks' is a group"),
    ('inside = "blocks"', "inside", "'blocks' is a group"),
    ('on = "bowl"', "on", 'use inside = "..."'),
    ('inside = "block"', "inside", "names no other object"),
    ('size = [0.2, 0.2, 0.04]\ninside = "bowl"', "inside", "does not fit inside the bowl 'bowl'"),
    ('inside = "bowl"\non = "blocks"', "on", "either inside or on"),
    ('inside = "bowl"\nat = [0.4, 0.1]', "at", "is placed by it"),
])
def test_bad_start_states_name_the_field_and_line(add, field, message):
    text = STARTS + add + "\n"
    error = load_error(text)
    line = len(text[:text.rindex(f"{field} =")].splitlines()) + 1
    assert error.startswith(f"ask.toml:{line}: objects[2].{field}:"), error
    assert message in error, error


def test_a_region_beside_a_start_state_is_ignored():
    """A file that keeps a family's region for an object it starts inside a bowl still loads."""
    spec = parse_task(STARTS + 'inside = "bowl"\nregion = { x = [0.4, 0.5], y = [0, 0.1] }\n', "ask.toml")
    assert spec.objects[2].inside == "bowl"


def test_a_cycle_of_start_states_is_refused():
    text = STARTS.replace('color = "red"\n', 'color = "red"\non = "other"\n') + """
[[objects]]
id = "other"
kind = "block"
on = "block"
"""
    error = load_error(text)
    assert "a cycle: block in/on other in/on block" in error
    line = line_of(text, 'on = "other"')
    assert error.startswith(f"ask.toml:{line}: objects[2].on:"), error


# -- 2. referents the scene makes clear -------------------------------------------
CHOSEN = """
[[objects]]
id = "bowl"
kind = "bowl"
color = "green"
region = {{ x = [0.35, 0.65], y = [-0.25, 0.25] }}

[[objects]]
id = "target"
kind = "block"
chosen = {chosen}
region = {{ x = [0.35, 0.65], y = [-0.25, 0.25] }}

[[objects]]
id = "others"
kind = "block"
count = [2, 3]
region = {{ x = [0.35, 0.65], y = [-0.25, 0.25] }}

[distractors]
count = [2, 2]
kinds = ["block", "ball"]
"""


def score(world, ep, name: str, rule: str, anchor: str | None) -> float:
    x, y = world.pose(name)[0][:2]
    if rule in ("nearest", "farthest"):
        ax, ay = (ep.embodiment.base[:2] if anchor == "robot"
                  else world.pose(ep.scene.bindings[anchor][0])[0][:2])
        d = math.hypot(x - ax, y - ay)
        return -d if rule == "nearest" else d
    if rule in ("largest", "smallest"):
        s = float(np.cbrt(np.prod(world.bodies[name].size)))
        return s if rule == "largest" else -s
    return {"leftmost": y, "rightmost": -y, "frontmost": x, "backmost": -x}[rule]


@pytest.mark.parametrize("chosen", [
    '{ rule = "nearest", among = "others", anchor = "bowl" }',
    '{ rule = "farthest", among = "others", anchor = "robot" }',
    '{ rule = "leftmost", among = "others" }',
    '{ rule = "rightmost", among = "others", rank = 2 }',
    '{ rule = "frontmost", among = "others" }',
    '{ rule = "backmost", among = "others" }',
    '{ rule = "largest", among = "others" }',
    '{ rule = "smallest", among = "others", rank = 2 }',
])
def test_the_chosen_object_is_the_rules_clear_pick(chosen, world):
    spec = parse_task(task("in(target, bowl)", CHOSEN.format(chosen=chosen)), "ask.toml")
    c = spec.objects[1].chosen
    for seed in range(4):
        ep = make_episode(spec, seed, world=world)
        names = [ep.scene.bindings["target"][0]] + ep.scene.bindings["others"]
        ranked = sorted(names, key=lambda n: score(world, ep, n, c.rule, c.anchor), reverse=True)
        assert ranked[c.rank - 1] == names[0], (seed, c)
        mine = score(world, ep, names[0], c.rule, c.anchor)
        for k in (c.rank - 2, c.rank):
            if 0 <= k < len(ranked):
                gap = abs(score(world, ep, ranked[k], c.rule, c.anchor) - mine)
                if c.rule in ("largest", "smallest"):
                    small, big = sorted([abs(mine), abs(score(world, ep, ranked[k], c.rule, c.anchor))])
                    assert big >= 1.2 * small, (seed, big, small)
                else:
                    assert gap >= 0.025, (seed, gap)  # 3 cm when drawn, a few mm of settling since
        kinds = {world.bodies[n].kind for n in ep.scene.bindings["distractors"]}
        assert "block" not in kinds, "a distractor block would make 'the nearest block' ambiguous"


@pytest.mark.parametrize("chosen, message", [
    ('{ rule = "nearest", among = "others" }', "nearest needs an anchor"),
    ('{ rule = "leftmost", among = "others", anchor = "bowl" }', "only nearest and farthest take an anchor"),
    ('{ rule = "nearest", among = "bowl", anchor = "robot" }', "is a group of bowls"),
    ('{ rule = "nearest", among = "others", anchor = "others" }', "names no other object"),
    ('{ rule = "biggest", among = "others" }', "'biggest' is not one of"),
    ('{ rule = "leftmost", among = "others", rank = 5 }', "rank 5 is more than the 4 objects"),
    ('{ rule = "leftmost", among = "others", by = "x" }', "chosen.by: is no field here"),
])
def test_bad_chosen_tables_name_the_field_and_line(chosen, message):
    text = task("in(target, bowl)", CHOSEN.format(chosen=chosen))
    error = load_error(text)
    assert message in error, error
    assert error.startswith(f"ask.toml:{line_of(text, 'chosen =')}: objects[1].chosen"), error


def test_a_size_pick_that_waits_on_itself_is_refused():
    """The group sits on the chosen block, whose size waits on the group's: no order places them."""
    objects = CHOSEN.format(chosen='{ rule = "largest", among = "others" }')
    objects = objects.replace("count = [2, 3]\nregion = { x = [0.35, 0.65], y = [-0.25, 0.25] }",
                              'count = [2, 3]\non = "target"')
    text = task("in(target, bowl)", objects)
    error = load_error(text)
    assert "target, others wait on each other" in error
    assert error.startswith(f"ask.toml:{line_of(text, 'chosen =')}: objects[1].chosen:"), error


# -- 3. distractors that avoid the named words ------------------------------------
def test_distractors_avoid_the_named_pairs_and_kinds(world):
    objs = """
[[objects]]
id = "block"
kind = "block"
color = "blue"
"""
    extra = """
[distractors]
count = [4, 4]
kinds = ["block", "bowl", "ball"]
avoid = ["red block", "bowls", "grey sphere"]
"""
    spec = parse_task(task("lifted(block)", objs, extra), "ask.toml")
    assert spec.avoid == [("red", "block"), (None, "bowl"), ("gray", "ball")]
    seen = set()
    for seed in range(12):
        ep = make_episode(spec, seed, world=world)
        for n in ep.scene.bindings["distractors"]:
            b = world.bodies[n]
            seen.add((b.color, b.kind))
    assert seen and not {k for _, k in seen} & {"bowl"}
    assert ("red", "block") not in seen and ("gray", "ball") not in seen
    assert {k for _, k in seen} == {"block", "ball"}
    error = load_error(task("lifted(block)", objs, extra.replace('"bowls"', '"gold block"')))
    assert error.startswith("ask.toml:") and "distractors.avoid: 'gold block' is not a colour and a kind" in error


# -- 4. the success vocabulary -----------------------------------------------------
PLAYGROUND = """
[[objects]]
id = "plate"
kind = "plate"
color = "white"
at = [0.5, -0.2]
yaw = 0

[[objects]]
id = "zone"
kind = "zone"
color = "green"
at = [0.62, 0.2]
yaw = 0

[[objects]]
id = "bowl"
kind = "bowl"
color = "pink"
at = [0.38, 0.22]
yaw = 0

[[objects]]
id = "block"
kind = "block"
color = "red"
at = [0.5, 0.0]
yaw = 0

[[objects]]
id = "blocks"
kind = "block"
count = 3
color = ["orange", "blue", "yellow"]
region = { x = [0.35, 0.45], y = [-0.28, -0.05] }
"""


@pytest.fixture
def play(world):
    return make_episode(parse_task(task("lifted(block)", PLAYGROUND), "ask.toml"), 0, world=world)


def test_a_group_with_listed_colours_keeps_their_order(play, world):
    assert [world.bodies[n].color for n in play.scene.bindings["blocks"]] == ["orange", "blue", "yellow"]


def test_moved_reads_direction_and_amount(play, world):
    block = play.scene.bindings["block"][0]
    put(world, block, 0.5, 0.1)
    assert holds(play, "moved(block, left, 0.1)")
    assert not holds(play, "moved(block, right, 0.1)") and not holds(play, "moved(block, left, 0.2)")
    assert holds(play, "moved(block, left, 0.12)")          # within max(0.03, 0.3 * 0.12)
    assert not holds(play, "moved(block, left, 0.12, 0.01)")
    x0, y0 = play.scene.initial[block][:2]
    put(world, block, x0, y0)   # back where it started: a short move is not done by not moving
    assert not holds(play, "moved(block, left, 0.03)") and not holds(play, "moved(block, left, 0.01)")
    put(world, block, x0, y0 + 0.03)
    assert holds(play, "moved(block, left, 0.03)") and not holds(play, "moved(block, left, 0.08)")
    put(world, block, 0.58, 0.0)
    assert holds(play, "moved(block, front, 0.08)") and not holds(play, "moved(block, back, 0.08)")
    put(world, block, 0.58, 0.0, z=0.3, settle=0.0)       # in the air: not "moved" yet
    assert not holds(play, "moved(block, front, 0.08)")


def test_sides_take_a_least_distance(play, world):
    put(world, play.scene.bindings["block"][0], 0.5, -0.08)
    assert holds(play, "left_of(block, plate)") and holds(play, "left_of(block, plate, 0.1)")
    assert not holds(play, "left_of(block, plate, 0.2)")
    assert holds(play, "relation(block, plate, left_of, 0.1)")
    assert not holds(play, "relation(block, plate, left_of, 0.2)")
    put(world, play.scene.bindings["block"][0], 0.3, -0.2)
    assert holds(play, "behind(block, plate, 0.15)") and not holds(play, "behind(block, plate, 0.25)")


def test_tolerances_of_next_to_and_places(play, world):
    block = play.scene.bindings["block"][0]
    put(world, block, 0.5, -0.06)                          # edges 3.5 cm apart: beside the plate
    assert holds(play, "next_to(block, plate)") and not holds(play, "next_to(block, plate, 0.12)")
    put(world, block, 0.5 - 0.2, -0.2)         # edges 6.5 cm apart: near it, no longer beside it
    assert not holds(play, "next_to(block, plate)") and holds(play, "next_to(block, plate, 0.21)")
    put(world, block, 0.62, 0.22)
    assert not holds(play, "in_corner(block, front_left)") and holds(play, "in_corner(block, front_left, 0.12)")
    assert holds(play, "at_place(block, front_left, 0.12)") and not holds(play, "at_place(block, front_left)")
    put(world, block, 0.58, 0.0)
    assert not holds(play, "in_middle(block)") and holds(play, "in_middle(block, 0.1)")
    assert holds(play, "at_place(block, middle, 0.1)")


def test_in_or_on_the_other_is_not_beside_or_near_it(play, world):
    block = play.scene.bindings["block"][0]
    put(world, block, 0.5, -0.2, z=0.035)                   # on the plate
    assert holds(play, "on(block, plate)")
    assert not holds(play, "next_to(block, plate)") and not holds(play, "near(block, plate)")
    put(world, block, 0.38, 0.22, z=0.03)                   # in the bowl
    assert holds(play, "in(block, bowl)")
    assert not holds(play, "next_to(block, bowl)") and not holds(play, "near(block, bowl)")
    put(world, block, 0.62, 0.2)                            # over the zone
    assert not holds(play, "next_to(block, zone)") and not holds(play, "near(block, zone)")
    put(world, block, 0.5, -0.2 + 0.12)                     # on the table beside the plate
    assert holds(play, "next_to(block, plate)") and holds(play, "near(block, plate)")
    put(world, block, 0.5 + 0.078, -0.2 + 0.078)            # beside the round rim, inside its square box
    assert not holds(play, "on(block, plate)")


def test_fully_in_needs_the_whole_footprint(play, world):
    block = play.scene.bindings["block"][0]
    put(world, block, 0.62 + 0.06, 0.2)                     # centre over the zone, one side hanging off
    assert holds(play, "in_zone(block, zone)") and not holds(play, "fully_in(block, zone)")
    put(world, block, 0.62, 0.2)
    assert holds(play, "fully_in(block, zone)")
    put(world, block, 0.38, 0.22, z=0.03)
    assert holds(play, "fully_in(block, bowl)") and holds(play, "in(block, bowl)")
    put(world, block, 0.38 + 0.055, 0.22, z=0.027, settle=0.0)  # over the floor's edge, a corner over the rim
    assert holds(play, "in(block, bowl)") and not holds(play, "fully_in(block, bowl)")


def test_stacked_group_in_any_order(play, world):
    a, b, c = play.scene.bindings["blocks"]
    put(world, b, 0.45, 0.0, 0.021, settle=0.05)
    put(world, c, 0.45, 0.0, 0.062, settle=0.05)
    put(world, a, 0.45, 0.0, 0.103, settle=0.6)
    assert holds(play, "stacked(blocks)") and not holds(play, "stacked(block)")
    assert holds(play, f"stacked({a}, {c}, {b})")
    put(world, a, 0.35, 0.2)
    assert not holds(play, "stacked(blocks)")


def test_in_line_in_the_listed_order(play, world):
    a, b, c = play.scene.bindings["blocks"]   # orange, blue, yellow
    for name, y in ((a, 0.1), (b, 0.0), (c, -0.1)):
        put(world, name, 0.42, y, settle=0.05)
    world.settle(0.3)
    assert holds(play, "in_line(blocks, left_to_right)") and holds(play, "in_line(blocks)")
    assert holds(play, "in_line(blocks, 0.03)")
    assert not holds(play, "in_line(blocks, right_to_left)") and not holds(play, "in_line(blocks, front_to_back)")
    put(world, a, 0.42, -0.2)
    assert holds(play, "in_line(blocks)") and not holds(play, "in_line(blocks, left_to_right)")
    for name, x in ((a, 0.6), (b, 0.5), (c, 0.4)):
        put(world, name, x, 0.05, settle=0.05)
    world.settle(0.3)
    assert holds(play, "in_line(blocks, front_to_back)") and not holds(play, "in_line(blocks, back_to_front)")


def test_at_least_counts_members(play, world):
    a, b, c = play.scene.bindings["blocks"]
    put(world, a, 0.38, 0.22, z=0.03)
    assert holds(play, "at_least(1, in(blocks, bowl))") and not holds(play, "at_least(2, in(blocks, bowl))")
    assert holds(play, "at_least(0, in(blocks, bowl))") and not holds(play, "in(blocks, bowl)")
    assert holds(play, "at_least(3, unmoved(blocks, 0.5))")


def test_then_is_judged_as_all_and_named(play, world):
    spec = parse_task(task("then(on(block, plate), at_least(1, in(blocks, bowl)))", PLAYGROUND), "ask.toml")
    ep = make_episode(spec, 0, world=world)
    put(world, ep.scene.bindings["block"][0], 0.5, -0.2, 0.04)
    checks = ep.evaluate()
    assert checks["1:on(block, plate)"] and not checks["2:at_least(1.0, in(blocks, bowl))"] and not checks["success"]
    put(world, ep.scene.bindings["blocks"][0], 0.38, 0.22, z=0.03)
    assert ep.evaluate()["success"]


def test_a_place_a_later_part_moves_the_same_thing_from_is_judged_on_the_way(world):
    """"Put the block in the bowl, then take it out and put it on the plate": the first part held on the way,
    before the second; judged as `all` at the end it could never hold."""
    spec = parse_task(task("then(in(block, bowl), on(block, plate))", PLAYGROUND), "ask.toml")
    ep = make_episode(spec, 0, world=world)
    block = ep.scene.bindings["block"][0]
    put(world, block, 0.5, -0.2, 0.04)
    assert not ep.evaluate()["success"]  # on the plate, but never in the bowl
    put(world, block, 0.38, 0.22, z=0.03)
    put(world, block, 0.5, -0.2, 0.04)
    checks = ep.evaluate()
    assert checks["success"] and checks["1:in(block, bowl)"] and checks["2:on(block, plate)"]


def test_a_sequence_out_of_order_does_not_hold(world):
    spec = parse_task(task("then(on(block, plate), in(block, bowl))", PLAYGROUND), "ask.toml")
    ep = make_episode(spec, 0, world=world)
    block = ep.scene.bindings["block"][0]
    put(world, block, 0.38, 0.22, z=0.03)
    put(world, block, 0.5, -0.2, 0.04)
    assert not ep.evaluate()["success"]  # in the bowl first, then on the plate: the other way round


def test_no_contact_and_never_grasped_remember_the_whole_motion(world):
    spec = parse_task(task("lifted(block)", PLAYGROUND), "ask.toml")
    ep = make_episode(spec, 0, world=world)
    robot = ep.robot
    x, y, _ = world.pose(ep.scene.bindings["block"][0])[0]
    assert holds(ep, "all(never_grasped(block), no_contact(block), no_contact(plate))")
    robot.move_to(x, y, 0.15)
    robot.move_to(x, y, 0.018, speed=0.15, allow_contact=ep.scene.bindings["block"][0])
    assert robot.grasp()
    robot.move_to(x, y, 0.1)
    robot.release()
    world.settle(0.5)
    assert not holds(ep, "never_grasped(block)") and not holds(ep, "no_contact(block)")
    assert holds(ep, "never_grasped(plate)") and holds(ep, "no_contact(plate)")
    assert holds(ep, "never_grasped(blocks)") and holds(ep, "unmoved(blocks)")
    put(world, ep.scene.bindings["block"][0], x, y)   # set back: judged at the end alone, it never happened
    assert not holds(ep, "never_grasped(block)")


# -- 5. distractors by name ----------------------------------------------------------
README_EXAMPLE = """\
[task]
name = "block_in_tray"
category = "pick_place"
instructions = ["put the {block} in the {tray}", "drop the {block} into the {tray}"]
success = "all(in(block, tray), unmoved(distractors))"

[[objects]]
id = "block"
kind = "block"
color = ["red", "blue"]
region = { x = [0.35, 0.6], y = [-0.25, 0.0] }

[[objects]]
id = "tray"
kind = "tray"
color = "white"
region = { x = [0.4, 0.6], y = [0.05, 0.25] }

[distractors]
count = [0, 2]

[perturb]
friction = [0.6, 1.0]
camera_jitter = 0.005
"""


def test_the_readme_example_loads_and_binds_its_distractors(world):
    """`unmoved(distractors)` was refused: "distractors" was no object id."""
    spec = parse_task(README_EXAMPLE, "block_in_tray.toml")
    counts = set()
    for seed in range(6):
        ep = make_episode(spec, seed, world=world)
        counts.add(len(ep.scene.bindings["distractors"]))
        put(world, ep.scene.bindings["block"][0], *world.pose(ep.scene.bindings["tray"][0])[0][:2], z=0.04)
        assert ep.evaluate()["success"], seed
        if ep.scene.bindings["distractors"]:
            put(world, ep.scene.bindings["distractors"][0], 0.35, -0.28)
            assert not ep.evaluate()["success"]
    assert 0 in counts and len(counts) > 1


@pytest.mark.parametrize("extra", ["", "\n[distractors]\ncount = [0, 0]\n"])
def test_an_empty_distractor_group_holds_constraints_but_not_places(extra, world):
    objs = PLAYGROUND.split("[[objects]]\nid = \"blocks\"")[0]
    spec = parse_task(task("lifted(block)", objs, extra), "ask.toml")
    ep = make_episode(spec, 0, world=world)
    assert ep.scene.bindings.get("distractors", []) == []
    for constraint in ("unmoved", "never_grasped", "no_contact", "never_lifted"):
        assert holds(ep, f"{constraint}(distractors)"), constraint
    assert not holds(ep, "in(distractors, bowl)") and not holds(ep, "on(distractors, plate)")
    assert not holds(ep, "at_least(1, in(distractors, bowl))") and holds(ep, "at_least(0, in(distractors, bowl))")


# -- loading the new vocabulary --------------------------------------------------------
@pytest.mark.parametrize("success, message", [
    ("moved(block, up, 0.1)", "moved(...) cannot use 'up'"),
    ("in_line(blocks, diagonal)", "in_line(...) cannot use 'diagonal'"),
    ("at_least(1.5, in(blocks, bowl))", "needs a whole number"),
    ("at_least(2, all(in(blocks, bowl)))", "whose first argument is a group"),
    ("then(in(block, bowl), plate)", "combines conditions; 'plate' is not one"),
    ("no_contact(cup)", "names 'cup', which is no object id"),
])
def test_bad_new_predicates_fail_at_load(success, message):
    error = load_error(task(success, PLAYGROUND))
    assert error.startswith(f"ask.toml:5: task.success:"), error
    assert message in error, error


def test_new_predicates_load():
    for success in ("moved(block, left, 0.1)", "moved(block, back, 0.1, 0.02)", "in_line(blocks, 0.03)",
                    "in_line(blocks, back_to_front, 0.03)", "stacked(blocks)", "fully_in(block, zone)",
                    "at_least(2, in(blocks, bowl))", "then(on(block, plate), in(blocks, bowl))",
                    "all(never_grasped(plate), no_contact(distractors))", "next_to(block, plate, 0.2)",
                    "in_corner(block, back_left, 0.1)", "at_place(block, middle, 0.1)", "in_middle(block, 0.1)",
                    "left_of(block, plate, 0.2)", "relation(block, plate, behind, 0.1)"):
        parse_task(task(success, PLAYGROUND), "ask.toml")


def test_an_unknown_field_is_refused_with_a_suggestion():
    """A typo such as `colour` was ignored, and the scene silently drew every colour."""
    text = task("lifted(block)", PLAYGROUND.replace('color = "red"', 'colour = "red"'))
    error = load_error(text)
    assert error.startswith(f"ask.toml:{line_of(text, 'colour =')}: objects[3].colour: is no field here; "
                            "did you mean 'color'?"), error
    error = load_error(task("lifted(block)", PLAYGROUND, "\n[distractor]\ncount = 1\n"))
    assert "is no table of a task file; did you mean 'distractors'?" in error
    for reserved in ("robot", "distractors", "count"):
        error = load_error(task("lifted(block)", PLAYGROUND.replace('id = "plate"', f'id = "{reserved}"')))
        assert "is reserved" in error


# -- 6. the README documents every field and predicate ---------------------------------
def test_every_field_and_predicate_is_in_the_readme():
    """The loader's fields and the success vocabulary, each named in the README's "Tasks are data"."""
    from pathlib import Path

    from sim.predicates import PREDICATES
    from sim.taskspec import FIELDS, TABLES

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = re.search(r"(?ms)^## Tasks are data\n(.*?)(?=^## )", readme).group(1)
    named = set(re.findall(r"`\[*([a-z_]+)", section))
    missing = [f"[{t}]" for t in TABLES if t not in named]
    missing += [f"{t}.{f}" for t, fields in FIELDS.items() for f in fields if f not in named]
    missing += [name for name in PREDICATES if name not in named]
    assert not missing, f"README's 'Tasks are data' does not mention: {', '.join(missing)}"
