"""A tester's report around the task: a title ("Scenario: stacking basics."), "pass if" for what must hold, an
expected outcome said with the holder first ("the tray contains the ball"), a check that the steps ran, the
order expected, and a tower's ends said again ("tower with X at the top, Y at the bottom")."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Title: sorting smoke test. Sort the balls into the bowls by colour.", "sorted_into(all balls, all bowls)"),
    ("Check 3: the cyan ball should go in the tray. Passes if the cyan ball is in the tray.", "in(cyan ball, tray)"),
    ("Move the green ball into the crate. Expected: the crate contains the green ball.", "in(green ball, crate)"),
    ("Step 1: put the cone on the plate. Step 2: put the barrel in the zone. Expected result: all steps completed "
     "successfully.", "then(on(cone, plate), in(barrel, zone))"),
    ("Arrange the yellow, pink and gray blocks in a row from right to left. Expected order: yellow, pink, gray.",
     "in_line([yellow block, pink block, gray block], right_to_left)"),
    ("Stack yellow on pink on gray. Expected: a tower with yellow at the top and gray at the bottom.",
     "stacked(yellow block, pink block, gray block)"),
])
def test_a_report_around_the_task_asks_only_the_task(text, goal):
    assert tree(text) == want(goal)


def test_a_test_titled_with_its_task_is_read():
    assert tree("Test: put the red block in the bowl.") == want("in(red block, bowl)")


def test_what_a_bug_report_saw_asks_nothing():
    assert tree("Repro: put the ball in the crate. Actual: the arm stalls. Expected: ball in crate.") == \
        want("in(ball, crate)")


def test_a_greeting_to_the_robot_before_a_story_is_set_aside():
    assert tree("Hello my clever robot! We went walking by the river on Tuesday. Now, put the ball in the tray.") == \
        want("in(ball, tray)")
