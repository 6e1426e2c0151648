"""Loading a crate: things put into a crate make an arm's scene with the crate on its table, within reach, and
the seed skills put a block or a ball into it and take one out; driving to a crate still makes the mobile
base's scene."""

from __future__ import annotations

import pytest

from aspire_tui.agent.scene import REACH, spec_for
from aspire_tui.agent.words import read
from sim.episode import make_episode

from .word_runs import first_program_run, validated_as


@pytest.mark.parametrize("text", ["pack the yellow cube into the crate", "the green ball goes in the crate",
                                  "load all the cubes into the crate"])
def test_a_crate_things_go_into_stands_on_the_arms_table_within_reach(text):
    spec, _, _ = spec_for(read(text))
    assert spec.embodiment == "panda"
    crate = next(o for o in spec.objects if o.kind == "crate")
    assert crate.region == {k: tuple(v) for k, v in REACH.items()}
    make_episode(spec, 0).close()


@pytest.mark.parametrize("text", ["head over to the purple crate", "drive the robot up to the gray crate"])
def test_driving_to_a_crate_still_makes_the_mobile_bases_scene(text):
    spec, _, _ = spec_for(read(text))
    assert spec.embodiment == "husky"
    assert spec.success_text.startswith("near(robot, ")
    make_episode(spec, 0).close()


@pytest.mark.parametrize("words, seed", [
    ("pack the yellow cube into the crate", 511),
    ("pack the yellow cube into the crate", 512),
    ("the green ball goes in the crate", 511),
    ("the green ball goes in the crate", 512),
    ("load all the cubes into the crate", 513),
    # taken out of a crate: the fingers keep off its walls as off a tray's
    ("the pink cube is in the crate; lift it out and set it on the plate", 514),
    ("the pink cube is in the crate; lift it out and set it on the plate", 515),
])
def test_the_first_program_loads_and_unloads_a_crate(words, seed, tmp_path):
    trace = first_program_run(words, seed, tmp_path / "runs")
    assert trace.outcome == "succeeded", trace.failure_reason


@pytest.mark.slow
@pytest.mark.parametrize("words, goal", [
    ("pack the yellow cube into the crate", "in(yellow block, crate)"),
    ("the green ball goes in the crate", "in(green ball, crate)"),
])
def test_a_block_or_a_ball_put_into_a_crate_validates(words, goal, lib, events):
    validated_as(words, goal, lib, events)
