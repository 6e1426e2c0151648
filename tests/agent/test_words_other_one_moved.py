""""The other one" as the next object moved is another of the kind just moved ("put the red block in the bowl and
the other one on the plate"), also after an object chosen by a rule ("the leftmost block")."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the white ball in the crate and the other one in the tray",
     "all(in(white ball, crate), in(other(ball, white ball), tray))"),
    ("set the rightmost cube on the plate, then the other one in the bowl",
     "then(on(rightmost(block), plate), in(other(block, rightmost(block)), bowl))"),
])
def test_the_other_one_moved_next_is_of_the_kind_moved(text, goal):
    assert tree(text) == want(goal)


def test_the_other_one_as_a_place_is_still_of_the_place_kind():
    assert tree("put the cube in the blue tray, then move it to the other one") == \
        want("then(in(block, blue tray), in(block, other(tray, blue tray)))")
