"""`robot.detect` knows an object by every word the instruction reader knows for its kind and colour."""

from __future__ import annotations

import pytest

from sim import make_episode
from sim.errors import ObjectNotFound


@pytest.mark.parametrize("word_for", [
    lambda color: f"{color} cube",      # another noun for a block
    lambda color: f"the {color} cubes",  # its plural, with a filler
    lambda color: "grey block" if color == "gray" else f"{color} brick",
])
def test_a_block_is_found_by_the_readers_words_for_it(world, word_for):
    ep = make_episode("pick_place_bowl", 3, world=world)
    block = ep.scene.bindings["block"][0]
    color = ep.world.bodies[block].color
    found = [d.name for d in ep.robot.detect(word_for(color))]
    assert block in found


def test_a_dish_is_a_bowl_as_the_reader_says_never_a_plate(world):
    ep = make_episode("pick_place_bowl", 3, world=world)
    bowl = ep.scene.bindings["bowl"][0]
    found = [d.name for d in ep.robot.detect("dish")]
    assert bowl in found
    assert all(ep.world.bodies[n].kind == "bowl" for n in found)


def test_a_word_for_a_kind_not_in_the_scene_finds_nothing(world):
    ep = make_episode("pick_place_bowl", 3, world=world)
    assert not any(b.kind == "ball" for b in ep.world.bodies.values())
    with pytest.raises(ObjectNotFound):
        ep.robot.detect("sphere")  # a ball's word: never a block or a bowl
