"""A correction that turns the relation just said around ("..., no, the other way round", "vice versa"): the
two objects swap places in it."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("put the yellow cube on the white cube, sorry, the other way around", "on(white block, yellow block)"),
    ("stack the green on the black, no wait, vice versa", "on(black block, green block)"),
])
def test_the_other_way_round_swaps_the_objects(text, goal):
    assert tree(text) == want(goal)


def test_without_the_correction_the_order_said_stands():
    assert tree("put the yellow cube on the white cube") == want("on(yellow block, white block)")
