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


@pytest.mark.parametrize("text, goal, aside", [
    ("put the glossy red block in the green bowl", "in(red block, green bowl)", "glossy"),
    ("set the scuffed old blue cube on the white plate", "on(blue block, white plate)", "scuffed old"),
    ("take the plastic yellow ball and drop it into the tray", "in(yellow ball, tray)", "plastic"),
])
def test_a_word_describing_an_object_whose_colour_is_said_is_set_aside_and_named(text: str, goal: str,
                                                                                aside: str) -> None:
    assert tree(text) == want(goal)
    notes = [n for n in read(text).notes if n.startswith("set aside")]
    assert len(notes) == 1 and f"'{aside}'" in notes[0]


@pytest.mark.parametrize("text", [
    "put the glossy block in the bowl",                  # no colour said: the word may be the colour
    "rotate the gray cube, then put it on the plate",    # where a verb goes
    "put the red glossy block in the bowl",              # after the colour: perhaps a kind
])
def test_a_word_not_read_that_may_be_the_objects_colour_or_kind_stays_refused(text: str) -> None:
    assert refusal(text) == "unreadable"


@pytest.mark.parametrize("text, goal, aside", [
    ("put the red block in the green bowl, capisce?", "in(red block, green bowl)", "capisce"),
    ("put the blue ball on the plate. ciao.", "on(blue ball, plate)", "ciao"),
    ("stack the yellow cube on the green cube, arrivederci", "on(yellow block, green block)", "arrivederci"),
])
def test_a_sign_off_after_the_task_is_set_aside_and_named(text: str, goal: str, aside: str) -> None:
    assert tree(text) == want(goal)
    notes = [n for n in read(text).notes if n.startswith("set aside")]
    assert len(notes) == 1 and f"'{aside}'" in notes[0]


@pytest.mark.parametrize("text", [
    "put the red block in the bowl, lengthwise",         # how it ends up: never a sign-off
    "put the blue ball on the plate. flipped.",
    "put the red block in the bowl, zorgle blorp snerk wibble",  # more than a sign-off
])
def test_words_after_the_task_that_may_say_how_it_ends_up_stay_refused(text: str) -> None:
    assert refusal(text) == "unreadable"
