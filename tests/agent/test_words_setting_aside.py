"""Words not read before a whole task: a lead-in the person says before it ("listen up, ...") is set aside,
the goal carries a note naming it, and words not read anywhere they may say something of the task stay
a refusal."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import read

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal, aside", [
    ("okay robot listen up, put the red block in the bowl", "in(red block, bowl)", "listen up"),
    ("blargh, stack the yellow cube on the green cube", "on(yellow block, green block)", "blargh"),
    ("Mission briefing. Zorgle, put the blue ball on the white plate.", "on(blue ball, white plate)", "zorgle"),
])
def test_a_lead_in_before_the_task_is_set_aside_and_named(text: str, goal: str, aside: str) -> None:
    assert tree(text) == want(goal)
    notes = [n for n in read(text).notes if n.startswith("set aside")]
    assert len(notes) == 1 and aside in notes[0].lower()


@pytest.mark.parametrize("text", [
    "put the red block in the bowl, upside down",       # how it ends up: after the task
    "put the red block in the bowl sideways",
    "zorgle and put the red block in the bowl",          # maybe another thing to do
    "zorgle, then put the red block in the bowl",
    "listen up, put the zorgle block on the plate",     # inside an object's description
    "listen up, put the red block in the back zorgle corner",  # where the place goes
    "gripper, put the red block in the bowl",            # a part of the robot
])
def test_words_not_read_that_may_say_something_of_the_task_stay_refused(text: str) -> None:
    assert refusal(text) == "unreadable"


def test_a_lead_in_naming_a_thing_the_simulator_lacks_is_refused_as_that() -> None:
    assert refusal("spoons, put the red block in the bowl") == "unknown_kind"
    assert refusal("listen up, put the red block in the beige bowl") == "unknown_color"


def test_a_lead_in_before_words_that_read_to_no_task_leaves_the_refusal() -> None:
    assert refusal("listen up, put the red block") == "unreadable"
