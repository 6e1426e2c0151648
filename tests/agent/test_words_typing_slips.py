"""Slips of typing between words: a space typed twice, none after a comma, a small word typed twice; and the robot's face typed after the last word, which signs off and names nothing."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.typing_slips import tidied

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the cyan ball  into the  gray bowl", "in(cyan ball, gray bowl)"),
    ("stack the pink cube on the white cube,then push the plate to the back edge",
     "then(on(pink block, white block), all(along_edge(plate, back), never_lifted(plate)))"),
    ("move the the orange ball to the back left corner", "at_place(orange ball, back_left)"),
    ("Slide the brown cube 4 cm to the right. 🤖", "all(moved(brown block, right, 0.04), never_lifted(brown block))"),
])
def test_a_slip_between_words_reads_as_if_typed_well(text, goal):
    assert tree(text) == want(goal)


def test_words_said_twice_on_purpose_and_decimal_commas_are_kept():
    assert tidied("he said that that cube had had enough") == "he said that that cube had had enough"
    assert tidied("slide it 2,5 cm") == "slide it 2,5 cm"
    assert tidied("well, um, put it there") == "well, um, put it there"


def test_the_robots_face_after_a_word_that_wants_a_noun_is_the_robot():
    assert "robot" in str(tree("place the blue ball next to the 🤖"))
