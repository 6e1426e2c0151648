"""A spec's passive ways of asking ("is required to be placed", "it shall be ensured that ...") and a shift
measured "from its current position", which is where every shift is measured from."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("The orange cube is expected to be placed on the plate.", "on(orange block, plate)"),
    ("It shall be ensured that the barrel is never lifted while it is moved behind the cone.",
     "all(behind(barrel, cone), never_lifted(barrel))"),
])
def test_a_spec_passive_asks_the_task(text, goal):
    assert tree(text) == want(goal)


def test_a_shift_from_the_current_position():
    assert tree("The gray ball shall be displaced 4 cm to the right of its present position.") == \
        want("moved(gray ball, right, 0.04)")
