"""A bare noun ("the cube") is read as the one coloured object of its kind the words name, except where the words
set the two against each other ("the cube on top of the orange cube"): then they are two objects."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the cube on top of the orange cube", "on(block, orange block)"),
    ("put the ball on the plate next to the yellow ball", "all(next_to(ball, yellow ball), on(ball, plate))"),
])
def test_a_bare_noun_related_to_a_coloured_one_is_another_object(text, goal):
    assert tree(text) == want(goal)


def test_a_bare_noun_said_again_is_the_coloured_one_named():
    assert tree("grab the white cube and drop the cube in the tray") == want("in(white block, tray)")
