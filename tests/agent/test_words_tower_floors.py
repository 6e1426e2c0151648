"""A tower's levels said as a building's or a mountain's: the ground floor is the bottom, the crown, summit,
peak or penthouse the top."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("white cube on the ground floor, black cube in the middle, pink cube at the summit",
     "stacked(pink block, black block, white block)"),
    ("tower time: orange block as the base, then green, then purple at the crown",
     "stacked(purple block, green block, orange block)"),
    ("stack three cubes, the gray one on the top floor, the red one in the middle, the blue one at ground level",
     "stacked(gray block, red block, blue block)"),
])
def test_floors_and_peaks_are_levels(text, goal):
    assert tree(text) == want(goal)
