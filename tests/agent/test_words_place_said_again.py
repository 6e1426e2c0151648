"""A place said again after the task ("..., that's where it belongs!") asks nothing more than the place said; a
table place said first, then what it is for ("back left corner for the red cube"), is where that goes."""

from __future__ import annotations

from .readings import tree, want


def test_that_is_where_it_belongs_restates_the_place():
    assert tree("the red cube must end up right of the crate, that's where it goes!") == want(
        "right_of(red block, crate)")


def test_a_place_said_first_with_is_where_still_reads():
    assert tree("in front of the plate is where the ball should go") == want("in_front_of(ball, plate)")


def test_a_table_place_said_first_for_an_object_is_where_it_goes():
    assert tree("Front left corner for the orange ball, thanks.") == want("at_place(orange ball, front_left)")
    assert tree("the middle of the table for both cubes") == want("at_place(2 blocks, middle)")
