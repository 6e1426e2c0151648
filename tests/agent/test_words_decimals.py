"""Decimals written short (".05 m") or the continental way ("0,1 m", "2,5 cm") are the numbers they say; a
distance said "10cm-ish" is 10 cm."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("translate the white cube .08 m to the right", "moved(white block, right, 0.08)"),
    ("shift the pink ball 0,15 m towards the back", "moved(pink ball, back, 0.15)"),
    ("move the green plate 7,5 cm left", "moved(green plate, left, 0.075)"),
    ("move the tray 20cm-ish forward", "moved(tray, front, 0.2)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


def test_numbered_steps_stay_steps():
    assert tree("1. put the red block in the bowl\n2. put the blue block on the plate") == \
        "then(in(red block, bowl), on(blue block, plate))"
