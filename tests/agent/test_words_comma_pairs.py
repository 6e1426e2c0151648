"""A request of only an object and a holder, a comma between them ("robot, please: white ball, green tray."): the
object goes in or on the holder. Under a heading of which objects there are, the same words are only a list."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Robot, please: orange cube, gray crate.", "in(orange block, gray crate)"),
    ("please - the pink marble, the black plate", "on(pink ball, black plate)"),
    ("all the bricks, the tray please", "in(all blocks, tray)"),
])
def test_an_object_then_a_holder_after_a_comma_goes_into_it(text, goal):
    assert tree(text) == want(goal)


def test_under_a_heading_of_objects_it_is_a_list():
    assert tree("Objects: purple cube, white bowl. Put the cube left of the bowl.") == want(
        "left_of(purple block, white bowl)")
