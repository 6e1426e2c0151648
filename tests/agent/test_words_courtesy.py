"""A polite speaker's apologies, hedged frames, courtesy conditions and thanks say how a task is asked, never
what: the task inside them is read as if said plainly."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words import InstructionError, read

from .readings import refusal, start_states, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Sorry to trouble you, but could the green cube go on the plate?", "on(green block, plate)"),
    ("I was wondering whether you could put the red ball in the tray", "in(red ball, tray)"),
    ("i was just hoping, if it's no bother, that you could line up the balls", "in_line(all balls)"),
    ("It'd be lovely if you could move the cyan block to the middle of the table. Many thanks!",
     "at_place(cyan block, middle)"),
    ("we would really appreciate it if the blue ball went into the pink bowl", "in(blue ball, pink bowl)"),
    ("If you get a moment, drive over to the blue marker. No hurry at all.", "near(robot, blue marker)"),
    ("put the black cube, if it is convenient, behind the bowl. thanks a lot", "behind(black block, bowl)"),
    ("I'd be so grateful if you'd stack the red block on the white block, take your time",
     "on(red block, white block)"),
])
def test_reads_the_task_inside_the_courtesy(text, goal):
    assert tree(text) == want(goal)


def test_courtesy_alone_is_no_task():
    assert refusal("Sorry to bother you, no rush at all. Thanks so much!") == "unreadable"


@pytest.mark.parametrize("text, goal", [
    ("We've been sorting parts all afternoon and now the pink ball needs to go in the tray", "in(pink ball, tray)"),
    ("i have been meaning to ask, could you put the gray cube on the plate?", "on(gray block, plate)"),
])
def test_what_the_speaker_has_been_doing_asks_nothing(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("roger that, cyan cube to the back right corner, over", "at_place(cyan block, back_right)"),
    ("Copy that. Drive to the yellow marker. Over and out.", "near(robot, yellow marker)"),
])
def test_radio_words_ask_nothing(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal, start", [
    ("I'm not sure this will work, but could you push the gray ball into the pink zone?",
     "all(in(gray ball, pink zone), never_lifted(gray ball))", []),
    ("This may seem strange, but if you'd be so kind, set the cone in the back left corner",
     "at_place(cone, back_left)", []),
    # what the speaker knows about an object is how things are
    ("i understand the white cube is on the plate, but please put it in the tray instead",
     "in(white block, tray)", ["on(white block, plate)"]),
])
def test_a_doubt_before_the_request_asks_nothing(text, goal, start):
    assert tree(text) == want(goal)
    assert start_states(text) == start


@pytest.mark.parametrize("text, goal", [
    ("Pardon me, would it be at all possible to set the red ball on the gray plate?", "on(red ball, gray plate)"),
    ("My apologies, but I was wondering if you might be able to line up the cones", "in_line(all cones)"),
    ("It would mean the world to us if you stacked the black cube on the green cube", "on(black block, green block)"),
    ("I'd appreciate some help moving the tray to the front right corner, when you have a minute",
     "at_place(tray, front_right)"),
    ("could you, if it's not too much to ask, drop the ball into the dish", "in(ball, bowl)"),
])
def test_more_ways_of_asking_politely(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, goal", [
    ("Would you do me a quick favor and drop the orange ball in the tray?", "in(orange ball, tray)"),
    ("do you think you could maybe slide the cone to the middle", "all(at_place(cone, middle), never_lifted(cone))"),
    ("I don't suppose you could set the pink cube next to the plate?", "next_to(pink block, plate)"),
    ("any chance you could stack the gray block on the brown block? please and thank you",
     "on(gray block, brown block)"),
    ("sorry if this is a bother, but the ball should go in the tray", "in(ball, tray)"),
    ("Hey! Hope your week is off to a good start :) could you put the cyan cube in the dish?",
     "in(cyan block, bowl)"),
    ("ok so what has to happen is that the yellow cube ends up on the plate", "on(yellow block, plate)"),
])
def test_still_more_ways_of_asking_politely(text, goal):
    assert tree(text) == want(goal)


def test_a_thing_the_simulator_lacks_is_named_however_politely_asked():
    with pytest.raises(InstructionError) as e:
        read("Sorry to trouble you, but could you set the onion on the plate? Thanks a lot")
    assert e.value.reason == "unknown_kind" and "an onion" in str(e.value)


@pytest.mark.parametrize("text, goal", [
    ("okay, this is going to seem odd, but the cone should go in the front left corner",
     "at_place(cone, front_left)"),
    ("Could you set the purple block behind the tray? We'd do it ourselves but we're busy.",
     "behind(purple block, tray)"),
    ("It's not pressing at all, so when you're ready, put the brown ball on the plate",
     "on(brown ball, plate)"),
    ("We're tidying the lab for an inspection, and the barrels need to be along the back edge",
     "along_edge(all barrels, back)"),
    ("we are going to want the green ball in the tray", "in(green ball, tray)"),
])
def test_reasons_and_busy_speakers_ask_nothing(text, goal):
    assert tree(text) == want(goal)
