"""Groups set down side by side on a plate or in one corner, and a bowl carried onto a plate: read, given a
scene, run and validated on the goal shown, through the whole loop with the offline coder."""

from __future__ import annotations

import math

import pytest

from aspire_tui.agent.goal import Goal, read_condition
from aspire_tui.agent.plan import plan_goal
from aspire_tui.agent.program import HELPERS

from .tree_goals import seed_skills
from .word_runs import Seen, Table, first_program_run, validated_as


@pytest.mark.parametrize("words, goal", [
    # the second ball went down beside the first with the fingers spread towards it, and met it
    ("put two of the balls on the plate", "on(2 of balls, plate)"),
    # a group to one corner: packed into it from its point, each whole inside the work area
    ("move all the blocks to the back left corner", "at_place(all blocks, back_left)"),
    # a bowl, with the ball in it, gripped by its wall and carried onto the plate
    ("put the ball in the bowl, then put the bowl on the plate", "then(in(ball, bowl), on(bowl, plate))"),
])
def test_words_validate_on_the_goal_they_were_read_as(words, goal, lib, events):
    validated_as(words, goal, lib, events)


@pytest.mark.parametrize("words, seed", [
    ("put two of the balls on the plate", 533),   # four balls: the second one's set-down hit the first
    ("put all the balls on the plate", 524),      # a ball on the rim of a plate seen narrow was left out
    ("put the three blocks on the plate", 552),   # a block seen 5.4 cm wide made the plate "narrow"
    ("move the four blocks to the front right corner", 504),  # the last one between two: a finger hit
])
def test_the_first_program_succeeds_where_it_failed(words, seed, tmp_path):
    trace = first_program_run(words, seed, tmp_path / "runs")
    assert trace.outcome == "succeeded", trace.failure_reason


@pytest.mark.parametrize("goal, form, skill", [
    ("at_place(all blocks, back_left)", "slots", "set_down_at"),
    ("on(bowl, plate)", "call", "carry_bowl"),
])
def test_the_plan_has_a_step_for_it(goal, form, skill):
    step = plan_goal(Goal(goal, read_condition(goal)), seed_skills()).steps[0]
    assert (step.form, step.skill) == (form, skill)


@pytest.mark.parametrize("n", [2, 3, 4])
def test_the_spots_in_a_corner_stay_whole_inside_and_never_between_two(n):
    space = {"math": math}
    exec(HELPERS["_slots"], space)
    seen = [Seen(f"b{k}", 0.45 + 0.05 * k, -0.1 + 0.07 * k) for k in range(n)]
    spots = space["_slots"](Table(seen), [s.name for s in seen], "back_left")
    points = [(x, y) for _, x, y in spots]
    assert len(points) == n
    assert all(0.3 + 0.022 <= x and y <= 0.3 - 0.022 for x, y in points), points  # whole inside
    # clustered: within what sim.predicates.at_place allows a group of n in one corner
    assert all(math.dist(p, (0.3, 0.3)) < 0.08 + 0.12 * (math.sqrt(n) - 1) - 0.02 for p in points), points
    assert min(math.dist(p, q) for p in points for q in points if p != q) >= 0.044 + 0.02, points
    for k, (x, y) in enumerate(points):  # set down in this order: one axis always clear for the fingers
        near = [q for q in points[:k] if math.dist(q, (x, y)) < 0.08]
        assert not (any(abs(q[0] - x) > 0.03 for q in near) and any(abs(q[1] - y) > 0.03 for q in near)), points
