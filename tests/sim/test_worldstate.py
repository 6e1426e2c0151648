"""A world as data: captured from an episode, written as a task file with exact poses, built again within a
millimetre; perturbed copies keep what rests in or on what; a held object stays in the hand; bad files are one
line naming the field."""

from __future__ import annotations

import json
import re

import pytest

from sim.episode import make_episode
from sim.errors import TaskFileError
from sim.taskspec import parse_task
from sim.worldstate import WorldFileError, WorldState, task_text

TABLE = """
[task]
name = "worldstate_table"
category = "pick_place"
instructions = ["look"]
success = "in(top, bowl)"

[[objects]]
id = "bowl"
kind = "bowl"
color = "green"

[[objects]]
id = "inside"
kind = "block"
color = "red"
inside = "bowl"

[[objects]]
id = "base"
kind = "block"
color = "blue"

[[objects]]
id = "top"
kind = "block"
color = "yellow"
on = "base"

[[objects]]
id = "zone"
kind = "zone"
color = "pink"
"""


@pytest.fixture(scope="module")
def world() -> WorldState:
    episode = make_episode(parse_task(TABLE), 0)
    try:
        return episode.snapshot()
    finally:
        episode.close()


def rebuilt(text: str, seed: int = 0) -> WorldState:
    episode = make_episode(parse_task(text), seed)
    try:
        return episode.snapshot()
    finally:
        episode.close()


def test_a_world_records_what_rests_in_and_on_what(world):
    rests = {o.name: (o.rests, o.host) for o in world.objects}
    assert rests["red_block"] == ("in", "green_bowl")
    assert rests["yellow_block"] == ("on", "blue_block")
    assert rests["blue_block"] == ("", "")


def test_the_task_file_of_a_world_builds_it_again_within_a_millimetre(world):
    again = rebuilt(task_text(world, "in(yellow_block, green_bowl)", name="again"))
    assert again.shift(world) < 0.001
    assert {(o.name, o.rests, o.host) for o in again.objects} == {(o.name, o.rests, o.host) for o in world.objects}


def test_a_world_reads_back_from_json_unchanged(world, tmp_path):
    path = world.save(tmp_path / "world.json")
    assert WorldState.load(path) == world
    assert WorldState.from_dict(json.loads(path.read_text())) == world


def test_perturbed_copies_move_objects_but_keep_them_in_and_on_their_hosts(world):
    """A place jitter that moved a bowl without its block would put the block in the bowl's wall."""
    text = task_text(world, "in(yellow_block, green_bowl)", name="copies", jitter=0.015)
    shifts = []
    for seed in (1, 2, 3):
        copy = rebuilt(text, seed)
        shifts.append(copy.shift(world))
        assert copy.get("red_block").host == "green_bowl"
        assert copy.get("yellow_block").host == "blue_block"
    assert max(shifts) > 0.003   # they are copies, not the world itself
    assert len({round(s, 5) for s in shifts}) == 3


def test_an_object_held_by_the_arm_is_held_again_where_it_was():
    episode = make_episode("pick_place_bowl", 3)
    try:
        robot = episode.robot
        block = robot.detect(episode.scene.slots["block"].name.replace("_", " "))[0].position
        robot.move_to(block[0], block[1], block[2] + 0.1)
        robot.move_to(block[0], block[1], block[2])
        robot.grasp()
        robot.move_to(block[0], block[1], block[2] + 0.12)
        held = episode.snapshot()
    finally:
        episode.close()
    assert held.held and held.get(held.held).position[2] > 0.1
    again = rebuilt(task_text(held, f"lifted({held.held}, 5)", name="held"))
    assert again.held == held.held
    assert again.get(held.held).position[2] > 0.1          # in the hand, not dropped on the table
    assert again.shift(held) < 0.005


@pytest.mark.parametrize("change, message", [
    (lambda d: d["objects"][0].update(kind="teapot"), "objects[0].kind: 'teapot' is no kind"),
    (lambda d: d["objects"][1].update(name=d["objects"][0]["name"]), "must be unique"),
    (lambda d: d.update(held="nothing_here"), "held: 'nothing_here' is no object"),
    (lambda d: d["objects"][0].pop("position"), "missing field 'position'"),
])
def test_a_bad_world_is_one_line_naming_the_field(world, change, message):
    data = world.to_dict()
    change(data)
    with pytest.raises(WorldFileError, match=re.escape(message)) as e:
        WorldState.from_dict(data, "w.json")
    assert "\n" not in str(e.value) and str(e.value).startswith("w.json")


@pytest.mark.parametrize("field, message", [
    ('pose = [0.5, 0.0, 0.02]\nat = [0.5, 0.0]', "objects[0].at: an object with an exact pose"),
    ('count = 2\ncolor = ["red", "blue"]\npose = [0.5, 0.0, 0.02]', "gives 1 poses for a count of 2"),
    ('pose = [0.5, 0.0]', "must be [x, y, z]"),
    ('pose = [0.5, 0.0, 0.02, 0, 0, 0, 2]', "is not of length 1"),
    ('pose = [0.5, 0.0, 0.02]\nheld = true', "the arm holds one object"),
])
def test_bad_exact_placement_in_a_task_file_names_the_field(field, message):
    text = ('[task]\nname = "t"\ncategory = "pick_place"\ninstructions = ["x"]\nsuccess = "lifted(a, 5)"\n\n'
            f'[[objects]]\nid = "a"\nkind = "block"\n{field}\n')
    if "color" not in field:
        text += 'color = "red"\n'
    with pytest.raises(TaskFileError, match=re.escape(message)):
        parse_task(text, "t.toml")
