"""A wish that an object be on the table, after words saying what it is in or on, asks it out of that; said
of nothing it is in or on, it asks nothing (every object lies on the table)."""

from __future__ import annotations

from .readings import refusal, start_states, tree, want


def test_wished_on_the_table_takes_it_out_of_its_holder():
    text = "The pink ball is on the gray plate at the moment. I'd like it on the table."
    assert tree(text) == want("not(on(pink ball, gray plate))")
    assert start_states(text) == [want("on(pink ball, gray plate)")]


def test_wished_on_the_table_with_no_holder_is_refused():
    assert refusal("the cyan cube should be on the table") == "unreadable"
