"""An impatient "why can't you just ...?" or "why won't you ...?" asks what follows, as "why not ..." does; it
never forbids it."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("why can't you just drop the pink cube in the tray?", "in(pink block, tray)"),
    ("why won't you put the blue ball next to the crate", "next_to(blue ball, crate)"),
    ("why cannot you stack the black block on the white block", "on(black block, white block)"),
])
def test_an_impatient_why_asks_the_task(text, goal):
    assert tree(text) == want(goal)
