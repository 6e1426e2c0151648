"""Informal words for an object ("the red guy", "the blue thingy") after a colour mean what "the red one" means: the
object of that colour the words name; alone they name nothing the simulator can make. A box holds things as a tray."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("the yellow ball is by the plate. drop the yellow guy into the tray", "in(yellow ball, tray)"),
    ("set the purple thingy on the plate", "on(purple block, plate)"),
    ("move the green cube next to the orange thing", "next_to(green block, orange block)"),
    ("put the white ball in the box", "in(white ball, tray)"),
])
def test_informal_words_after_a_colour(text, goal):
    assert tree(text) == want(goal)


def test_alone_they_name_no_kind():
    assert refusal("put the guy on the plate") == "unknown_kind"
