"""The passive of "keep" ("is to be kept beside the plate") says where the object is to be, or that it stays
where it is; "the others" after a verb that forbids disturbing them are the other objects, which no goal names."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("the orange ball is to be kept behind the crate", "behind(orange ball, crate)"),
    ("the tray must be kept where it is while the cube goes in the bowl", "all(in(block, bowl), unmoved(tray))"),
])
def test_the_passive_of_keep(text, goal):
    assert tree(text) == want(goal)


def test_not_disturbing_the_others_asks_nothing_more():
    assert tree("slide the pink cube beside the bowl and don't bump into the others") == \
        want("all(next_to(pink block, bowl), never_lifted(pink block))")
