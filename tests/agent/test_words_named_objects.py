"""An object given a name before it is described ("object B, the green ball", "the destination container (the
red tray)"): the name stands for the object the description says, and a later use of the name means it too."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("Object B, the green ball, should be placed in the red tray.", "in(green ball, red tray)"),
    ("pick up item C (the yellow cube) and set it on the plate", "on(yellow block, plate)"),
    ("move the orange block into the destination container, the gray bowl", "in(orange block, gray bowl)"),
    ("transfer the white ball to the receptacle (the black bowl)", "in(white ball, black bowl)"),
    # a name used again later means the object it was given to
    ("object A is the blue block and object B is the pink bowl; place object A in object B",
     "in(blue block, pink bowl)"),
    ("Object 1, the red cube, goes on object 2, the green cube.", "on(red block, green block)"),
    ("item B (white ball) goes into the black tray", "in(white ball, black tray)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


def test_article_after_object_is_not_a_name():
    # "a" after "object" is an article when no description follows it
    assert tree("move the block a bit to the left") == "moved(block, left, 0.05)"
