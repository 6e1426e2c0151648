"""A thing named by a compound noun, as a translator from German writes it split, hyphened or joined: the word
before the noun says what it is for ("building-block", "play cubes", "colour-block red"), never which one."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Put the green building block onto the plate.", "on(green block, plate)"),
    ("The toy-balls all into the crate load.", "in(all balls, crate)"),
    ("The colour-cube blue next to the bowl set.", "next_to(blue block, bowl)"),
    ("The play cubes each in a corner distribute.", "in_corners(all blocks)"),
])
def test_a_compound_is_its_noun(text, goal):
    assert tree(text) == want(goal)
