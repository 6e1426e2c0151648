"""A hesitation ("um", "uh") right after a verb or a relation is a pause before the object still to come, not
a correction of what was said; after part of an object ("the red uh the blue block") it still corrects."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the pink cube onto uh the white plate", "on(pink block, white plate)"),
    ("drop erm the cyan ball into the crate", "in(cyan ball, crate)"),
    ("slide the black block next to um the gray block",
     "all(next_to(black block, gray block), never_lifted(black block))"),
])
def test_a_pause_after_a_verb_or_relation_keeps_what_was_said(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_a_hesitation_inside_an_object_still_corrects_it() -> None:
    assert tree("put the orange uh the purple ball in the tray") == want("in(purple ball, tray)")
