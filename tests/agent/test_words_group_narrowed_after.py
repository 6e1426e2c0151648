"""A group less some of it said alone after a task about the whole group ("line up the cubes: every cube but the
white one") says which of the group the task moves."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("line up the cubes: every cube but the white one", "in_line(except(all blocks, white block))"),
    ("drop the balls in the crate - all the balls except the orange one.", "in(except(all balls, orange ball), crate)"),
    ("move the blocks to the back left corner, every block apart from the black one",
     "at_place(except(all blocks, black block), back_left)"),
])
def test_a_group_narrowed_after_the_task_is_the_one_moved(text, goal):
    assert tree(text) == want(goal)


def test_a_narrowed_group_with_its_own_verb_is_a_task_of_its_own():
    assert tree("put the blocks in the tray. every block except the red one goes in the bowl") == want(
        "all(in(all blocks, tray), in(except(all blocks, red block), bowl))")
