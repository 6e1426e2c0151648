"""What a moved object does on the way, said as its own clause ("...; it stays on the table the whole way"), and one
block on the next said beside the tower they are in: read as never lifted, and as the tower alone."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("nudge the yellow cube into the green zone; it stays on the table the whole way",
     "all(in(yellow block, green zone), never_lifted(yellow block))"),
    ("get the pink ball over to the red zone, and it remains on the table the entire time",
     "all(in(pink ball, red zone), never_lifted(pink ball))"),
])
def test_an_object_said_to_stay_on_the_table_is_never_lifted(text: str, goal: str) -> None:
    assert tree(text) == want(goal)


def test_one_block_on_the_next_beside_their_tower_is_the_tower_alone() -> None:
    assert tree("a tower of three: the gray block at the bottom, the white block on the gray block, "
                "the black block on top") == want("stacked(black block, white block, gray block)")
