"""A heading that ends with the noun of the object named after its colon ("drive to marker: the green flag",
"move block: the red cube ..."): one object, said twice, not two."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("go to waypoint: the orange marker", "near(robot, orange marker)"),
    ("relocate cube: the pink block onto the plate", "on(pink block, plate)"),
])
def test_the_heading_noun_and_the_object_after_it_are_one(text, goal):
    assert tree(text) == want(goal)


def test_a_heading_kind_with_colours_after_it_still_names_their_kind():
    assert tree("stack cubes: gray on white on black") == want("stacked(gray block, white block, black block)")
