"""A field notebook's shorthand: samples named by brackets, tag numbers and stations, purposes, a cairn told by
its levels."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("put the black cube (sample 7) on the white plate", "on(black block, white plate)"),
    ("specimens (balls) -> front left corner for photography", "at_place(all balls, front_left)"),
    ("move specimen (brown cube) next to the crate (station 12)", "next_to(brown block, crate)"),
    ("sample (cyan ball) out of reach; retrieve w/ hook", "in_reach(cyan ball)"),
    ("lay the finds out left to right: gray cube, red cube, white cube",
     "in_line([gray block, red block, white block], left_to_right)"),
    ("cairn - green cube base, blue cube mid, pink cube cap", "stacked(pink block, blue block, green block)"),
    ("orange ball to the middle of the lab bench", "at_place(orange ball, middle)"),
    ("specimen B (gray cube) onto plate", "on(gray block, plate)"),
])
def test_field_notes_read_plainly(text, goal):
    assert tree(text) == want(goal)


def test_a_side_said_again_in_brackets():
    assert tree("set the pink ball behind the tray (robot side)") == want("behind(pink ball, tray)")
