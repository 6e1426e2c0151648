"""Rough amounts said in other words are the amounts the goal notation names: "a touch" is a bit (5 cm),
"a fair bit" and "well to the left" a lot (20 cm), and "two hand widths" twice a hand's width."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("shift the orange cube a touch to the right", "moved(orange block, right, 0.05)"),
    ("move the plate just a hair forward", "moved(plate, front, 0.05)"),
    ("move the cyan ball a fair bit back", "moved(cyan ball, back, 0.2)"),
    ("shift the green block quite a bit to the left", "moved(green block, left, 0.2)"),
    ("move the brown block well over to the left", "moved(brown block, left, 0.2)"),
    ("move the white ball three finger widths to the right", "moved(white ball, right, 0.06)"),
    ("move the black cube two hand widths back", "moved(black block, back, 0.2)"),
])
def test_rough_amounts_said_otherwise(text, goal):
    assert tree(text) == want(goal)


def test_a_measure_said_with_well_is_still_the_measure():
    assert tree("put the pink ball well in front of the tray, at least 30 cm") == want(
        "in_front_of(pink ball, tray, 0.3)")
