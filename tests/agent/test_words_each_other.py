"""Two objects placed by each other ("side by side", "next to each other", "beside one another"): the first
beside the second."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("set the pink ball and the cyan ball side by side", "next_to(pink ball, cyan ball)"),
    ("the tray and the white bowl should be right next to each other", "next_to(tray, white bowl)"),
    ("place the orange cube and the plate beside one another", "next_to(orange block, plate)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # a whole group side by side is a row of them
    ("put all the bowls side by side", "in_line(all bowls)"),
    ("set the four cubes side-by-side", "in_line(4 blocks)"),
])
def test_a_group_side_by_side_is_a_row(text, goal):
    assert tree(text) == goal
