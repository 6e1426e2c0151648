"""A terse command that names an object and then a holder with nothing between ("cubes crate") puts the object in
or on the holder; a shape word or a tool's verb is never read as a holder pair."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("cubes crate", "in(all blocks, crate)"),
    ("ball plate", "on(ball, plate)"),
    ("pink ball yellow bowl", "in(pink ball, yellow bowl)"),
    ("smallest cube tray", "in(smallest(block), tray)"),
    ("green ball bowl then white ball bowl", "then(in(green ball, bowl), in(white ball, bowl))"),
    ("slide ball zone", "all(in(ball, zone), never_lifted(ball))"),
])
def test_an_object_then_a_holder_goes_into_it(text, goal):
    assert tree(text) == want(goal)


def test_a_shape_after_an_object_is_no_holder():
    assert refusal("turn the green block square") == "impossible"


def test_hook_opening_the_words_is_the_verb():
    assert tree("hook the pink crate and drag it over") == want("in_reach(pink crate)")
