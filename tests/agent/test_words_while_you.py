"""Two things asked at once, joined by "while you" or "as you" ("keep the tray where it is while you push the
ball"): each is asked, as "and" would join them; and an object made sure to stay "where it is" stays put."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("slide the cone to the right while you keep the barrel where it is",
     "all(moved(cone, right, 0.1), never_lifted(cone), unmoved(barrel))"),
    ("the plate stays where it is as you drop the orange cube into the crate",
     "all(in(orange block, crate), unmoved(plate))"),
    ("don't touch the tray while you move the ball behind the bowl", "all(behind(ball, bowl), unmoved(tray))"),
])
def test_a_task_said_while_another_holds_asks_both(text, goal):
    assert tree(text) == want(goal)


def test_making_sure_an_object_stays_where_it_is_keeps_it_still():
    assert tree("make sure the green bowl remains where it is and put the pink ball on the plate") == want(
        "all(on(pink ball, plate), unmoved(green bowl))")
