"""A holder's noun used as the verb of putting there, as cooks and packers say it: "plate up the ball" puts it
on the plate, "crate the cubes" puts them in the crate."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("plate the green ball", "on(green ball, plate)"),
    ("now plate up both blocks", "on(2 blocks, plate)"),
    ("crate every red cube", "in(all red blocks, crate)"),
    ("box up the yellow ball", "in(yellow ball, tray)"),
])
def test_a_holder_said_as_the_verb_puts_the_object_there(text, goal):
    assert tree(text) == want(goal)


def test_a_holder_verb_opens_a_later_step():
    assert tree("put the cube in the bowl, then plate the pink ball") == \
        want("then(in(block, bowl), on(pink ball, plate))")


def test_the_holder_as_the_object_moved_stays_a_noun():
    assert tree("put the plate in the crate") == want("in(plate, crate)")
