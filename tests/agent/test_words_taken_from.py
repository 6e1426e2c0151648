"""Where an object is taken from, said with its relation ("from on top of the plate", "from inside the bowl",
"from underneath the block"), is where it starts, never where it goes."""

from __future__ import annotations

import pytest

from .readings import start_states, tree


@pytest.mark.parametrize("text, goal, start", [
    ("lift the green cube from on top of the yellow cube and put it in the tray", "in(green block, tray)",
     ["on(green block, yellow block)"]),
    ("take the ball from inside the red bowl and set it on the plate", "on(ball, plate)", ["in(ball, red bowl)"]),
    ("pick the white block up from on the plate and drop it into the bowl", "in(white block, bowl)",
     ["on(white block, plate)"]),
])
def test_reads(text, goal, start):
    assert tree(text) == goal
    assert start_states(text) == start
