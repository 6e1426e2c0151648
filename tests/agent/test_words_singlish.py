"""Singapore English ("don't anyhow move", "can or not", "wah", "... ah") read plainly."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("put the pink ball in the tray, don't anyhow touch the red ball",
     "all(in(pink ball, tray), unmoved(red ball))"),
    ("wah the blue cube put on the plate can or not", "on(blue block, plate)"),
    ("help me put the green ball inside the crate lah, thanks ah", "in(green ball, crate)"),
])
def test_singapore_english_read_plainly(text, goal):
    assert tree(text) == want(goal)


def test_object_named_first_and_left_out_after_its_verb():
    assert tree("the cyan ball on the plate, shift to the crate") == want("in(cyan ball, crate)")


def test_dun_forbids():
    assert tree("drop the pink cube in the tray, dun touch the gray cube") == \
        want("all(in(pink block, tray), unmoved(gray block))")
