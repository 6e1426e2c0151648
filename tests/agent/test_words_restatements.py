"""Words that say the ask again ("i.e. nearer the robot", "in other words ...") or only say the objects end up
gathered at the place named ("together in the corner") add nothing to what is asked."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("set the cone in front of the barrel, i.e. farther from the robot", "in_front_of(cone, barrel)"),
    ("put the plate right of the tray (in other words on the robot's right of it)", "right_of(plate, tray)"),
])
def test_a_restatement_adds_nothing(text, goal):
    assert tree(text) == want(goal)


def test_objects_put_together_at_a_corner_are_clustered_there():
    assert tree("move the cubes together into the front right corner") == want("at_place(all blocks, front_right)")
