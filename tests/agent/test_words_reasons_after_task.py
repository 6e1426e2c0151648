""""So he cannot see it", "so nobody can reach it": "so" before someone who can or cannot do something says
why the task is asked, never a goal (and its "not" is no "not" of the goal); hiding an object is putting it."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("Conceal the blue cube behind the white bowl so she can't spot it.", "behind(blue block, white bowl)"),
    ("put the orange block in the tray so nobody can knock it over", "in(orange block, tray)"),
    ("stash the green ball next to the crate so they will not see it", "next_to(green ball, crate)"),
])
def test_reads(text, goal):
    assert tree(text) == goal

