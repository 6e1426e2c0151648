"""How things are said first ("the red block is in the bowl", "I see a ball in the tray"), then the object sent
to the table ("put it on the table", "tip it out onto the table"): it is taken out of what it is in. "it" tipped
out after one object named stands for that object; after a group, for what holds them (emptied)."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("the cyan block is in the tray, tip it out onto the table", "not(in(cyan block, tray))",
     ["in(cyan block, tray)"]),
    ("the orange ball is inside the bowl; dump it out on the table", "not(in(orange ball, bowl))",
     ["in(orange ball, bowl)"]),
    ("i can see the purple cube in the crate, set it down on the table", "not(in(purple block, crate))",
     ["in(purple block, crate)"]),
    ("we noticed a white ball on the plate; put it on the tray", "in(white ball, tray)", ["on(white ball, plate)"]),
    ("the cubes are in the crate; tip it out", "not(in(all blocks, crate))", ["in(all blocks, crate)"]),
])
def test_the_object_said_first_goes_to_the_table(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == sorted(want(s) for s in start)
