"""A lesson's steps said as a teacher says them: lettered ("a) ... b) ..."), or the next one opened with "when
that's done"; each is a step in turn."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("a) set the gray ball in the crate b) set the pink ball on the plate",
     "then(in(gray ball, crate), on(pink ball, plate))"),
    ("Start by putting the ball in the tray; when that's done, stack the red block on the blue block.",
     "then(in(ball, tray), on(red block, blue block))"),
])
def test_steps_said_in_turn(text, goal):
    assert tree(text) == want(goal)
