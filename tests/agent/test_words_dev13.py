"""General rules of the reader: verb forms, reasons, topics, listed objects, wishes, and what they leave alone."""

from __future__ import annotations

import pytest

from aspire_tui.agent.goal import canonical, read_condition
from aspire_tui.agent.words import tag

from .readings import refusal, start_states, tree


def same(text: str, goal: str) -> bool:
    """The words read as ``goal``, both compared in canonical form (the parts of ``all`` in any order)."""
    return tree(text) == str(canonical(read_condition(goal)))


# -- a form of a known verb is that verb: passive, past, gerund, action noun
@pytest.mark.parametrize("text, goal", [
    ("the yellow cube should be shoved into the red zone", "all(in(yellow block, red zone), never_lifted(yellow block))"),
    ("the orange ball is to be dragged closer with the hook", "in_reach(orange ball)"),
    ("the blue block has to be shifted 10 cm to the left", "moved(blue block, left, 0.1)"),
    ("the insertion of the green ball into the white bowl", "in(green ball, white bowl)"),
    ("relocation of the pink cube to the front right corner", "at_place(pink block, front_right)"),
    ("stacking of the red block on the blue block", "on(red block, blue block)"),
    ("the husky must be driven over to the green marker", "near(robot, green marker)"),
])
def test_verb_forms_read_as_their_verb(text, goal):
    assert same(text, goal)


def test_word_that_only_ends_like_a_verb_form_stays_unread():
    # "speed" ends in "ed" but "spe" is no verb: still a word not read, so refused rather than guessed
    assert [w.tag for w in tag("speed")] == ["UNKNOWN"]
    assert refusal("speed the red block into the bowl") == "unreadable"


# -- a reason or purpose asks nothing of its own
@pytest.mark.parametrize("text, goal", [
    ("because the tray is wobbly, push the blue block into the yellow zone",
     "all(in(blue block, yellow zone), never_lifted(blue block))"),
    ("in order to tidy up, place the red ball on the plate", "on(red ball, plate)"),
    ("put the green block right of the bowl so that they are side by side", "right_of(green block, bowl)"),
    ("since the plate is clean, set the cyan ball on it", "on(cyan ball, plate)"),
])
def test_reasons_are_dropped(text, goal):
    assert same(text, goal)


def test_reason_that_says_where_an_object_is_stays_a_start_state():
    text = "since the red ball is in the tray, take it out and put it on the plate"
    assert tree(text) == "on(red ball, plate)"
    assert start_states(text) == ["in(red ball, tray)"]


def test_so_that_with_no_place_before_it_gives_the_place():
    assert tree("move the white block so that it is behind the bowl") == "behind(white block, bowl)"


# -- an object asked about, then acted on as "it"
@pytest.mark.parametrize("text, goal", [
    ("the purple block? stack it on the gray one", "on(purple block, gray block)"),
    ("the yellow marker? send the husky to it", "near(robot, yellow marker)"),
    ("the leftmost ball, put it in the tray", "in(leftmost(ball), tray)"),
])
def test_topic_stands_in_for_its_pronoun(text, goal):
    assert same(text, goal)


def test_singular_it_after_two_topics_is_ambiguous():
    assert refusal("the blue block and the blue ball? drop it on the plate") == "ambiguous"


def test_topic_of_unknown_thing_is_named():
    assert refusal("the spoon? put it in the bowl") == "unknown_kind"


def test_plural_pronoun_after_two_topics_takes_both():
    assert same("the red block and the green block? put them in the tray", "in([red block, green block], tray)")


# -- "the first" / "the other" / "the former" / "the latter" after a list
@pytest.mark.parametrize("text, goal", [
    ("grab the yellow ball and the pink ball, put the first in the tray and the other on the plate",
     "all(in(yellow ball, tray), on(pink ball, plate))"),
    ("take the gray block and the white block; set the latter on the blue block and the former in the bowl",
     "all(on(white block, blue block), in(gray block, bowl))"),
])
def test_listed_objects_by_place(text, goal):
    assert same(text, goal)


def test_first_as_a_sequence_word_is_left_alone():
    assert tree("first put the red block in the bowl, then put the blue block on the plate") == \
        "then(in(red block, bowl), on(blue block, plate))"


def test_other_with_a_noun_is_left_alone():
    text = "there are two trays, the green one and another. move the cube from the green tray to the other tray"
    assert same(text, "in(block, other(tray, green tray))")
    assert start_states(text) == ["in(block, green tray)"]


def test_former_without_a_list_is_not_guessed():
    # no list before it: a word not read, refused rather than taken for some object
    assert refusal("put the former in the bowl") in ("unreadable", "unknown_kind")


# -- wishes and frames around the state to reach
@pytest.mark.parametrize("text, goal", [
    ("it is important that the blue ball be got onto the plate", "on(blue ball, plate)"),
    ("preferably the red cube ends up behind the tray", "behind(red block, tray)"),
    ("the green block gets put in the yellow bowl", "in(green block, yellow bowl)"),
    ("the orange block ought to be in the tray once you are finished", "in(orange block, tray)"),
    ("the cyan ball should wind up in the middle of the table", "at_place(cyan ball, middle)"),
    ("make it so that the plate is left of the bowl", "left_of(plate, bowl)"),
    ("I want the red block 5 cm further back than it is now", "moved(red block, back, 0.05)"),
])
def test_wishes(text, goal):
    assert same(text, goal)


def test_passive_of_changing_the_object_is_impossible():
    assert refusal("the red ball is to be painted blue") == "impossible"
    assert refusal("the tray should be made smaller") == "impossible"
    assert refusal("preferably the cube ends up in the kitchen") == "impossible"


def test_made_into_a_line_is_no_change():
    assert tree("the blocks should be made into a line") == "in_line(all blocks)"


# -- how things are said inside a sentence
def test_relative_clause_is_a_start_state():
    text = "the blue ball, which is in the bowl, should go on the plate"
    assert tree(text) == "on(blue ball, plate)"
    assert start_states(text) == ["in(blue ball, bowl)"]


def test_while_with_a_passive_is_asked_too():
    text = "leave the tray where it is while the yellow block is put in the bowl"
    assert tree(text) == "all(in(yellow block, bowl), unmoved(tray))"
    assert start_states(text) == []


def test_contrasted_way_of_moving_is_dropped():
    assert tree("the green cube must be slid, not lifted, onto the blue zone") == \
        "all(in(green block, blue zone), never_lifted(green block))"


def test_objects_listed_before_a_task_only_name_them():
    assert tree("the bowl and the plate: put the red block in the bowl and the ball on the plate") == \
        "all(in(red block, bowl), on(ball, plate))"


def test_object_colon_container_is_put_there():
    assert same("the green ball: tray. the blue ball: bowl.", "all(in(green ball, tray), in(blue ball, bowl))")
    # a colon before a list of colours says which objects there are, not where one goes
    assert tree("bowls: red and blue. put the block in the red bowl") == "in(block, red bowl)"
