"""A holder named by whose colour it has ("its own colour's bowl", "their colour's trays"): the holder of that
colour, as "the bowl of its colour" says."""

from __future__ import annotations

from .readings import tree, want


def test_the_holder_of_an_objects_colour_said_with_an_apostrophe():
    assert tree("drop each ball into its own colour's crate") == want("sorted_into(all balls, all crates)")
