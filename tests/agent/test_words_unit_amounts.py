"""A unit said with "a" or "an" ("an inch", "a foot", "a centimetre") is one of that unit; "three and a half" is
3.5, "a quarter of a metre" 0.25 m, "1/2 inch" half an inch, "a foot and a half" 1.5 feet, "a couple of inches" two."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("shift the red ball an inch to the right", "moved(red ball, right, 0.0254)"),
    ("move the plate a foot towards the robot", "moved(plate, back, 0.3048)"),
    ("slide the blue cube a centimetre to the left", "all(moved(blue block, left, 0.01), never_lifted(blue block))"),
    ("move the tray back a metre", "moved(tray, back, 1)"),
    # "half a metre" stays half of one
    ("move the yellow cube half a metre to the left", "moved(yellow block, left, 0.5)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    ("nudge the white ball three and a half centimetres forward",
     "all(moved(white ball, front, 0.035), never_lifted(white ball))"),
    ("move the pink cube one and a half inches to the left", "moved(pink block, left, 0.0381)"),
])
def test_and_a_half(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # fractions of a unit, and a unit and a half
    ("move the blue ball 1/2 inch forward", "moved(blue ball, front, 0.0127)"),
    ("put the green cube a quarter of a metre behind the tray", "behind(green block, tray, 0.25)"),
    ("shift the red plate three quarters of a metre to the right", "moved(red plate, right, 0.75)"),
    ("move the gray cube a foot and a half to the left", "moved(gray block, left, 0.4572)"),
    ("slide the tray a couple of centimetres towards the robot",
     "all(moved(tray, back, 0.02), never_lifted(tray))"),
])
def test_parts_of_a_unit(text, goal):
    assert tree(text) == goal
