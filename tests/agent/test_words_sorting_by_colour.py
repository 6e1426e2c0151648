"""A sort said first with nothing named ("sort by colour:", "group by colour -") is a heading: the words after it
say which objects go into which containers, and the goal is that one sort. A container that "shares" an object's
colour is the one that matches it; objects named one by one are the ones sorted."""

from __future__ import annotations

import pytest

from .readings import tree


@pytest.mark.parametrize("text, goal", [
    ("Group by colour: put the balls into the plates that match them", "sorted_into(all balls, all plates)"),
    ("sort by colour. every cube goes into the zone of the same colour", "sorted_into(all blocks, all zones)"),
    ("organise by colour - each ball in its own tray", "sorted_into(all balls, all trays)"),
    # nothing said after it: the blocks into the bowls, as before
    ("sort everything by colour", "sorted_into(all blocks, all bowls)"),
])
def test_reads(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    ("drop each cube into the bowl that shares its colour", "sorted_into(all blocks, all bowls)"),
    ("the balls go in the trays that share their colour", "sorted_into(all balls, all trays)"),
])
def test_sharing_a_colour_is_matching_it(text, goal):
    assert tree(text) == goal


@pytest.mark.parametrize("text, goal", [
    # objects named one by one are the ones sorted, not every block
    ("drop the yellow ball and the pink ball into the bowls that match them", "sorted_into([yellow ball, pink ball], all bowls)"),
    ("sort the cyan cube, the brown cube and the gray cube into the zones by colour",
     "sorted_into([cyan block, brown block, gray block], all zones)"),
])
def test_sorts_the_objects_named(text, goal):
    assert tree(text) == goal
