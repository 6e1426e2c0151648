"""A tower counted in tiers ("a three-tier tower") is a tower of that many blocks, as "a three-block tower" is."""

from __future__ import annotations

from .readings import tree, want


def test_a_tower_counted_in_tiers_is_a_tower_of_that_many_blocks():
    assert tree("build a two-tier tower with the pink cube over the gray cube") == want("on(pink block, gray block)")


def test_tiers_said_level_by_level_make_the_tower():
    assert tree("make a three-tier stack: bottom yellow, middle cyan, top black") == want(
        "stacked(black block, cyan block, yellow block)")
