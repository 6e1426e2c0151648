"""A tower's levels written as headings, one a sentence ("Top: X. Middle: Y. Base: Z."): "middle:" there is the
tower's middle level, not the middle of the table."""

from __future__ import annotations

from .readings import tree, want


def test_levels_as_headings_with_full_stops_make_one_tower():
    assert tree("Top: pink cube. Middle: cyan cube. Base: black cube.") == \
        want("stacked(pink block, cyan block, black block)")


def test_a_middle_heading_alone_is_still_the_middle_of_the_table():
    assert tree("middle: the orange bowl") == want("at_place(orange bowl, middle)")
