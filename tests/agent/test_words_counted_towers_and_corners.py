"""A count of things followed by their colours in order names those things ("the three cubes, pink on cyan on
brown"), and a corner said side first, then end ("the right corner at the back")."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("pile the three cubes up, pink on cyan on brown", "stacked(pink block, cyan block, brown block)"),
    ("stack the two balls orange on purple", "on(orange ball, purple ball)"),
])
def test_a_count_then_as_many_colours_names_the_things_counted(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("set the white plate in the right corner at the back", "at_place(white plate, back_right)"),
    ("drag the crate to the left corner at the front end", "at_place(crate, front_left)"),
])
def test_a_corner_said_side_first_then_end(text: str, goal: str) -> None:
    assert tree(text) == want(goal)
