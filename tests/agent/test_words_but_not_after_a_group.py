""""but not" right after a whole group leaves some of it out, as "except" does ("every ball but not the red
one"); said after the place it still adds that the one left out must not end there."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop all the balls but not the orange one into the crate", "in(except(all balls, orange ball), crate)"),
    ("every cube but not the white or the black one goes in the tray",
     "in(except(all blocks, white block, black block), tray)"),
    ("all the cubes but not pink, set them on the plate", "on(except(all blocks, pink block), plate)"),
])
def test_but_not_right_after_a_group_leaves_out(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_but_not_after_the_place_also_keeps_it_from_there() -> None:
    assert tree("put all the balls in the tray, but not the cyan one") == \
        want("all(in(except(all balls, cyan ball), tray), not(in(cyan ball, tray)))")
