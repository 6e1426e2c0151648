"""A place given as coordinates is none a goal can name: refused, and the message says how to say the place."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read


@pytest.mark.parametrize("text", [
    "slide the green ball to x = 0.25 y = -0.15",
    "drive to (1.2, 0.5)",
    "set the cube down at co-ordinates 0.2 0.3",
    "send the yellow ball to x equals 0.5, y equals 0.1",  # said aloud
])
def test_coordinates_are_refused_with_what_to_say(text):
    with pytest.raises(InstructionError) as err:
        read(text)
    assert err.value.reason == "unreadable"
    assert "coordinates" in str(err.value) and "back left corner" in str(err.value)


def test_a_bracketed_distance_is_no_coordinate():
    assert str(read("move the red block 10 cm left (about 4 in)").condition) == "moved(red block, left, 0.1)"


def test_the_message_names_the_numbers_after_the_word_coordinates():
    with pytest.raises(InstructionError) as err:
        read("place the blue ball at coordinates x=0.4, y=0.2")
    assert "'x=0.4, y=0.2'" in str(err.value)
