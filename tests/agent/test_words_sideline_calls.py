"""A coach's cries and a commentator's verdicts beside a task cheer it or judge it and ask nothing more; a cry
that says a verb of a thing named ("push it!") is still read as asking."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.sideline_calls import sideline_calls

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Orange cube onto the white plate! Focus! Hustle, hustle!", "on(orange block, white plate)"),
    ("Purple ball into the crate, quick feet, go go go!", "in(purple ball, crate)"),
    ("Gray block 10 cm to the right. Precision! Three reps!", "moved(gray block, right, 0.1)"),
    ("Drive to the white marker! Sprint, robot!", "near(robot, white marker)"),
    ("Jog over to the cyan marker, let's go!", "near(robot, cyan marker)"),
])
def test_a_coachs_cries_ask_nothing(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("The pink cube settles beside the tray, a solid little move.", "next_to(pink block, tray)"),
    ("What a moment -- the brown ball drops into the yellow bowl. Stunning.", "in(brown ball, yellow bowl)"),
])
def test_a_commentators_verdict_asks_nothing(text, goal):
    assert tree(text) == want(goal)


def test_a_cry_that_names_a_verb_of_a_thing_still_asks():
    text = "the red ball is in the tray. push it!"
    assert sideline_calls(text) == text
    assert "never_lifted" in tree("Push the blue cube into the red zone! Push it!")


def test_an_amount_set_off_by_a_comma_is_no_verdict():
    assert tree("Move the green ball to the left, a little.") == want("moved(green ball, left, 0.05)")


def test_a_cry_beside_a_thing_the_simulator_lacks_is_still_refused():
    assert refusal("Banana into the bowl! Hustle!") == "unknown_kind"
    assert refusal("Golden block on the plate, champ! Precision!") == "unknown_color"


def test_the_tasks_own_verb_cried_alone_is_how_to_move():
    assert tree("Gray cube into the white zone. Push!") == want("all(in(gray block, white zone), never_lifted(gray block))")
    assert tree("Shove the gray cube into the white zone! Shove!") == \
        want("all(in(gray block, white zone), never_lifted(gray block))")


def test_a_drills_name_in_a_heading_leaves_its_verb():
    assert tree("Tower drill: pink on cyan on orange! Go!") == want("stacked(pink block, cyan block, orange block)")
    assert tree("Sorting practice: every ball into the bowl of its colour!") == want("sorted_into(all balls, all bowls)")
