"""Corrections that say more than one word again: the objects and relation of the clause said over ("red on
blue, or rather blue on red"), an object denied and another named in its place ("not the plate, the tray"), a
place or amount said again after "make it" or "change that to", or a whole step after "scrap that"."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("stack white on black on gray, or rather gray on black on white",
     "stacked(gray block, black block, white block)"),
    ("build a tower, pink on cyan, no, cyan on pink", "on(cyan block, pink block)"),
    ("put the yellow ball in the crate, sorry, the purple ball on the plate", "on(purple ball, plate)"),
])
def test_the_clause_said_over_replaces_what_it_said(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("set the brown cube in the bowl. wait, not the bowl, the crate", "in(brown block, crate)"),
    ("place the ball in the tray, sorry, not the ball, the cube", "in(block, tray)"),
])
def test_an_object_denied_is_replaced_by_the_one_named(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("set the cube beside the tray. Actually, make it in front of the tray.", "in_front_of(block, tray)"),
    ("move the ball 4 cm right, sorry, change that to 9 cm", "moved(ball, right, 0.09)"),
    ("drop the cube in the crate -- scrap that -- on the plate", "on(block, plate)"),
    ("put the white ball in the bowl, argh, I meant the tray", "in(white ball, tray)"),
])
def test_a_correction_that_says_make_it_or_scrap_that(text, goal):
    assert tree(text) == want(goal)


def test_a_new_step_after_a_correction_takes_back_a_tower_said_before():
    assert tree("stack the pink on the cyan. Wait, no, put the pink on the gray.") == \
        want("on(pink block, gray block)")
