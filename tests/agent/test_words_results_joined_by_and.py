"""States asked for after "so that" or "make sure" and joined by "and" are all asked for: none of them is read
as how things are now."""

from __future__ import annotations

from .readings import start_states, tree, want


def test_a_tower_said_as_states_after_so_that():
    text = "pile the blocks up so that the white block is on the pink block and the pink block is on the gray block"
    assert tree(text) == want("stacked(white block, pink block, gray block)")
    assert start_states(text) == []


def test_two_places_asked_for_after_make_sure():
    text = "make sure the cyan ball is in the crate and the yellow ball is behind the crate"
    assert tree(text) == want("all(in(cyan ball, crate), behind(yellow ball, crate))")
    assert start_states(text) == []


def test_a_stack_made_is_said_by_the_state_in_it():
    assert tree("make a pile in which the cyan cube sits right on the orange cube") == \
        want("on(cyan block, orange block)")


def test_an_aside_before_the_place_is_read_after_it():
    assert tree("nudge the gray ball, without lifting it, into the pink zone") == \
        want("all(in(gray ball, pink zone), never_lifted(gray ball))")
