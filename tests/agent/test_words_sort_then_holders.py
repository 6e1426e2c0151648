"""A sort said first with no holder ("sort the cubes.") and its holders said after it ("cubes into the plates")
is one sort into those holders; said alone, a sort with no holder sorts into bowls."""

from __future__ import annotations

from .readings import refusal, tree, want


def test_holders_said_after_a_sort_are_its_holders():
    assert tree("Sort the cubes. Cubes onto the plates, by colour.") == want("sorted_into(all blocks, all plates)")


def test_a_sort_with_no_holder_said_is_into_bowls():
    assert tree("sort the balls, then put the red cube in the crate") == want(
        "then(sorted_into(all balls, all bowls), in(red block, crate))")


def test_objects_said_only_to_be_in_play_are_named():
    assert refusal("the red ball and the blue ball are in play; the ball goes in the bowl") == "ambiguous"
