"""A group with one member singled out for order ("all the blocks into the bowl, the red one last", "every ball
in the tray, starting with the blue one"): the rest of the group, then the member, or the member first."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("every cube onto the plate, the yellow one last",
     "then(on(except(all blocks, yellow block), plate), on(yellow block, plate))"),
    ("load all the balls into the crate with the green one going in last",
     "then(in(except(all balls, green ball), crate), in(green ball, crate))"),
    ("put all the blocks in the tray, but the white cube at the end",
     "then(in(except(all blocks, white block), tray), in(white block, tray))"),
    ("drop the balls in the bowl, the purple one first",
     "then(in(purple ball, bowl), in(except(all balls, purple ball), bowl))"),
    ("move every ball to the tray - the cyan one last",
     "then(in(except(all balls, cyan ball), tray), in(cyan ball, tray))"),
    ("put each block in the crate, starting with the orange one",
     "then(in(orange block, crate), in(except(all blocks, orange block), crate))"),
])
def test_one_member_goes_last_or_first(text, goal):
    assert tree(text) == want(goal)


def test_a_list_with_a_step_said_last_keeps_its_reading():
    assert tree("put the blue cube in the bowl, the red cube on the plate last") == \
        want("then(in(blue block, bowl), on(red block, plate))")
