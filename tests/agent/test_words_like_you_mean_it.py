"""Swagger after a task ("like you own the place", "like you mean it", "like a boss") says how, never where:
read past. A comparison with a shape ("like a smiley") still stays to be read or refused."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("cruise over to the pink marker like you own the place", "near(robot, pink marker)"),
    ("drop the black ball in the crate like you mean it", "in(black ball, crate)"),
    ("set the orange cube onto the plate like a champ", "on(orange block, plate)"),
])
def test_swagger_is_read_past(text, goal):
    assert tree(text) == want(goal)


def test_a_shape_to_copy_still_refuses():
    assert refusal("put the balls on the plate like a smiley") == "unreadable"
