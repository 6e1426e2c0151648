"""An object said to crown, cap or top a tower is its top level ("the green one crowning the tower"), the one at
its foot the bottom; objects standing "one upon another" are a tower."""

from __future__ import annotations

from .readings import tree, want


def test_the_object_crowning_the_tower_is_on_top():
    assert tree("build it with the white cube at the bottom, the black cube above it and the brown cube "
                "capping the stack") == want("stacked(brown block, black block, white block)")


def test_objects_that_stand_one_upon_another_are_a_tower_with_its_foot_at_the_bottom():
    assert tree("the green, pink and gray blocks should stand one on top of another, the gray one at the foot "
                "and the green one at the top") == want("stacked(green block, pink block, gray block)")
