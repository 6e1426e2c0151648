"""A colour an object is to be, said with no place ("the cube should be green", "ensure that the ball is pink"),
asks it to change colour, and is refused as impossible; a colour that says which object stays a colour."""

from __future__ import annotations

import pytest

from .readings import refusal, tree


@pytest.mark.parametrize("text", [
    "the white cube should be orange",
    "Ensure that the yellow ball is purple.",
    "I'd like the gray bowl to be pink please",
])
def test_refused(text):
    assert refusal(text) == "impossible"


def test_colour_that_picks_the_object_stays():
    assert tree("the cube that is brown should be on the plate") == "on(brown block, plate)"
