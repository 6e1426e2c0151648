"""A protocol's checks of its own work: a check of named objects asks the state it checks, as "make sure" does;
a check that names no object only looks at the work, and asks nothing more."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("1. Place the green ball on the plate. 2. Confirm that the crate has not moved.",
     "all(on(green ball, plate), unmoved(crate))"),
    ("Put the orange cube into the tray; then verify it is in the tray.", "in(orange block, tray)"),
    ("Set the barrel behind the crate, then double-check it's there.", "behind(barrel, crate)"),
    ("Move the pink ball behind the bowl. Check that the white block is still where it was.",
     "all(behind(pink ball, bowl), unmoved(white block))"),
])
def test_a_check_of_named_objects_asks_what_it_checks(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "Stack the cyan block on the brown block. Verify the result is stable.",
    "1. Stack the cyan block on the brown block. 2. Confirm the stacking.",
])
def test_a_check_that_names_no_object_asks_nothing(text):
    assert tree(text) == want("on(cyan block, brown block)")
