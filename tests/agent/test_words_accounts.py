"""An account of how things came to be ("somebody dropped the ball in the tray earlier") says how they are now:
a start state, not a step; the same words after "after", "if" or "once" stay a step or a condition."""

from __future__ import annotations

import pytest

from .readings import start_states, tree, want


@pytest.mark.parametrize("text, goal, start", [
    ("somebody dropped the white ball in the green bowl a while ago. put it on the plate instead",
     "on(white ball, plate)", ["in(white ball, green bowl)"]),
    ("we mistakenly set the brown cube on top of the gray cube, so move it next to the tray",
     "next_to(brown block, tray)", ["on(brown block, gray block)"]),
    ("i left both balls in the tray yesterday; line them up", "in_line(2 balls)", ["in(2 balls, tray)"]),
])
def test_account_is_how_things_start(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == start


def test_after_an_account_word_it_stays_a_step():
    text = "once I put the red cube in the bowl, slide the bowl to the middle"
    assert tree(text) == want("then(in(red block, bowl), all(at_place(bowl, middle), never_lifted(bowl)))")
    assert start_states(text) == []
