"""A librarian's words for putting things where they are kept ("shelve", "file", "reshelve") are putting them
there; a thing said to have been misfiled or left somewhere is there at the start."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("shelve the cyan ball on the black plate", "on(cyan ball, black plate)"),
    ("file the green cube in the crate", "in(green block, crate)"),
    ("reshelve every ball into the tray of its own colour", "sorted_into(all balls, all trays)"),
    ("refile the pink block next to the bowl", "next_to(pink block, bowl)"),
])
def test_shelving_and_filing_put_the_thing_there(text, goal):
    assert tree(text) == want(goal)


def test_a_thing_misfiled_somewhere_starts_there():
    text = "the blue ball was misshelved on the red plate; put it on the gray plate"
    assert tree(text) == want("on(blue ball, gray plate)")
    assert start_states(text) == [want("on(blue ball, red plate)")]


def test_things_left_somewhere_start_there():
    text = "the cubes have been left in the tray. move them to the crate"
    assert tree(text) == want("in(all blocks, crate)")
    assert start_states(text) == [want("in(all blocks, tray)")]
