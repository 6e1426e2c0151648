"""What "tops", "caps" or "crowns" another object is on it; "stack the cubes" followed by the order of a tower of
three or more is that tower, not every block besides."""

from __future__ import annotations

from .readings import tree, want


def test_tops_is_on():
    assert tree("the cyan cube tops the white cube") == want("on(cyan block, white block)")
    assert tree("the red block caps the green block, which caps the yellow block") == \
        want("stacked(red block, green block, yellow block)")


def test_stacking_the_cubes_in_a_named_order_is_the_named_tower():
    assert tree("stack the cubes! black at the bottom, gray on the black, white on top") == \
        want("stacked(white block, gray block, black block)")
    assert tree("stack all the blocks") == want("stacked(all blocks)")
