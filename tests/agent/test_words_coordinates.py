"""A place given as coordinates is none a goal can name: refused, and the message says how to say the place."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read


@pytest.mark.parametrize("text", [
    "slide the green ball to x = 0.25 y = -0.15",
    "drive to (1.2, 0.5)",
    "set the cube down at co-ordinates 0.2 0.3",
])
def test_coordinates_are_refused_with_what_to_say(text):
    with pytest.raises(InstructionError) as err:
        read(text)
    assert err.value.reason == "unreadable"
    assert "coordinates" in str(err.value) and "back left corner" in str(err.value)


def test_a_bracketed_distance_is_no_coordinate():
    assert str(read("move the red block 10 cm left (about 4 in)").condition) == "moved(red block, left, 0.1)"
