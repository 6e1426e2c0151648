"""A ward nurse's handover note: counts written as times ("x2"), a state with its "is" left out after "after",
a holder emptied with no article, a tower listed colour before level, and a colour said bare that names the
object of that colour said before."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("green balls x2 -> crate", "in(2 green balls, crate)"),
    ("stack x3: white base, black mid, gray top", "stacked(gray block, black block, white block)"),
])
def test_a_count_written_as_times(text, goal):
    assert tree(text) == want(goal)


def test_a_state_after_after_with_its_is_left_out_comes_first():
    assert tree("after pink blk on plate, move cyan blk to tray") == \
        want("then(on(pink block, plate), in(cyan block, tray))")
    assert tree("once blue ball in bowl, push red ball into zone") == \
        want("then(in(blue ball, bowl), all(in(red ball, zone), never_lifted(red ball)))")


def test_a_holder_emptied_without_its_article():
    assert tree("empty crate") == want("not(in(all blocks, crate))")
    assert start_states("empty crate") == [want("in(all blocks, crate)")]
    assert tree("clear black tray") == want("not(in(all blocks, black tray))")


@pytest.mark.parametrize("text, goal", [
    ("tower: blue base, cyan top", "on(cyan block, blue block)"),
    ("pink bottom, orange middle, brown top", "stacked(brown block, orange block, pink block)"),
])
def test_a_tower_listed_colour_before_its_level(text, goal):
    assert tree(text) == want(goal)


def test_a_bare_colour_names_the_object_of_that_colour_said_before():
    assert tree("all balls into bowl except the green; keep green still") == \
        want("all(in(except(all balls, green ball), bowl), unmoved(green ball))")
    # with "one" it stays one of the kind said last
    assert tree("put the yellow block in the green zone, not in the yellow one") == \
        want("all(in(yellow block, green zone), not(in(yellow block, yellow zone)))")


@pytest.mark.parametrize("text, goal, start", [
    ("obs: green ball in crate. plan: move to tray", "in(green ball, tray)", ["in(green ball, crate)"]),
    ("status: pink blk on plate. action: blk into bowl", "in(pink block, bowl)", ["on(pink block, plate)"]),
])
def test_a_heading_of_what_is_seen_says_how_things_are(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == [want(s) for s in start]


@pytest.mark.parametrize("text, goal", [
    ("keep black bowl still, white blk to plate", "all(on(white block, plate), unmoved(black bowl))"),
    ("the crate stays put, both balls into the tray", "all(in(2 balls, tray), unmoved(crate))"),
    ("hold the gray tray in place, slide the blue ball into the red zone",
     "all(in(blue ball, red zone), never_lifted(blue ball), unmoved(gray tray))"),
])
def test_an_object_with_where_it_goes_after_a_keeping_is_put_there(text, goal):
    assert tree(text) == want(goal)


def test_a_verbless_step_after_a_state_to_reach_comes_next():
    assert tree("once the cube is on the plate, the ball into the bowl") == \
        want("then(on(block, plate), in(ball, bowl))")


def test_a_heading_after_the_time_of_the_note():
    text = "1930 obs: gray ball on plate. plan: gray ball to crate"
    assert tree(text) == want("in(gray ball, crate)")
    assert start_states(text) == [want("on(gray ball, plate)")]
