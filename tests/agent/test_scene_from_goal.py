"""The scene a goal makes for itself (`aspire_tui.agent.scene`): its check asks what the words ask, and
its objects stand where the goal can be done."""

from __future__ import annotations

import math

import pytest

from aspire_tui.agent.scene import NEAR_REACH, spec_for
from aspire_tui.agent.words import read


def _region(text: str, oid: str) -> dict:
    return next(o.region for o in spec_for(read(text))[0].objects if o.id == oid)


def test_n_of_a_group_is_checked_as_at_least_n():
    """"two of the cubes in the red bowl" made a scene of 3-4 cubes and checked that every one was in the
    bowl: no program could pass it (development set, groups)."""
    spec, _, _ = spec_for(read("Place two of the cubes in the red bowl."))
    assert spec.success_text == "at_least(2, in(blocks, red_bowl))"
    assert spec_for(read("put all the blocks in the tray"))[0].success_text == "in(blocks, tray)"


def test_a_marker_chosen_by_a_rule_stands_on_the_ground_a_mobile_base_drives():
    """"go to whichever marker is nearer" put 0.6 m markers in the arm's table region: no scene had room."""
    from sim.episode import make_episode

    spec, _, _ = spec_for(read("go to whichever marker is nearer"))
    assert all(o.region is None or o.region != {"x": (0.36, 0.62), "y": (-0.22, 0.22)} for o in spec.objects)
    make_episode(spec, 0).close()


def test_an_object_to_move_a_long_way_starts_where_the_arm_can_take_it_that_far():
    """"a lot forward" (20 cm) left the cube anywhere in the arm's region, and the spot 20 cm on was
    out of reach (MotionTimeout at x = 0.76; development set, amounts)."""
    region = _region("move the green cube a lot forward, away from the robot", "green_block")
    assert region["x"][1] + 0.2 <= 0.62


def test_what_a_pulled_object_goes_into_stands_within_reach():
    """"pull the pink block within reach, then put it in the bowl": a bowl 0.62 m out took the block back
    out of reach (the check holds both parts at the end; development set, tool use)."""
    region = _region("With the hook, pull the pink block within reach, then put it in the bowl.", "bowl")
    assert math.hypot(region["x"][1], region["y"][1]) < 0.62 - 0.07
    assert {k: list(v) for k, v in region.items()} == NEAR_REACH


@pytest.mark.parametrize("text", ["Slide the green cube to the left of the plate.", "put the red block in the bowl"])
def test_a_goal_without_a_pull_keeps_the_arms_whole_region(text):
    assert all(o.region != {k: tuple(v) for k, v in NEAR_REACH.items()} for o in spec_for(read(text))[0].objects)
