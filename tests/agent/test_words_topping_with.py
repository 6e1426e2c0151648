"""A cook's verbs of putting: topping or garnishing one object with another puts the object after "with" on top
of the one before it; nesting or scooping one thing into another puts it inside; layering objects stacks them."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("top the pink cube with the gray cube", "on(gray block, pink block)"),
    ("now cap the white block with the black ball", "on(black ball, white block)"),
    ("crown the yellow block with the red block, please", "on(red block, yellow block)"),
    ("garnish the white plate with the pink ball", "on(pink ball, white plate)"),
])
def test_the_object_after_with_goes_on_top(text, goal):
    assert tree(text) == want(goal)


def test_topping_what_a_step_before_moved():
    assert tree("set the cube in the middle and then top it off with the green ball") == \
        want("then(at_place(block, middle), on(green ball, block))")


def test_nesting_one_thing_in_another_puts_it_inside():
    assert tree("nest the small cube inside the tray") == want("in(smallest(block), tray)")


def test_scooping_into_a_holder_puts_it_inside():
    assert tree("scoop the brown ball into the crate") == want("in(brown ball, crate)")


def test_layering_objects_stacks_them():
    assert tree("layer the pink, cyan and gray cubes, pink at the bottom") == \
        want("stacked(gray block, cyan block, pink block)")
