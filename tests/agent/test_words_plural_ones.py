""""The blue ones" is every object of that colour of the kind said before it, as "the blue blocks" is; "the
blue one" stays one object."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("drop the yellow balls into the tray and the pink ones into the bowl",
     "all(in(all yellow balls, tray), in(all pink balls, bowl))"),
    ("every orange cube goes on the plate, all the purple ones in the white bowl",
     "all(on(all orange blocks, plate), in(all purple blocks, white bowl))"),
    ("the white blocks belong in the white zone; the black ones in the black zone",
     "all(in(all white blocks, white zone), in(all black blocks, black zone))"),
    # one, said in the singular: a single object
    ("put the cyan ball in the tray and the gray one on the plate", "all(in(cyan ball, tray), on(gray ball, plate))"),
])
def test_reads(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    # "go" after objects in the plural says where they are to be; the robot is not asked to drive anywhere
    ("the green balls go on the plate and the brown balls go in the bowl",
     "all(on(all green balls, plate), in(all brown balls, bowl))"),
    ("both cubes go into the tray", "in(2 blocks, tray)"),
])
def test_objects_that_go(text, goal):
    assert tree(text) == want(goal)
