"""Shifts of a group, a distance on each side of one object, a push across the table, and a crate: from
the words through the whole loop, the goal shown the one validated (development set, dev14)."""

from __future__ import annotations

import pytest

from aspire_tui.agent.loop import AgentError, understand

from .word_runs import validated_as


@pytest.mark.parametrize("words, goal", [
    # each member that far from its own start; what the group leaves out may stand where one goes
    ("move every block 10 cm to the left except the black one", "moved(except(all blocks, black block), left, 0.1)"),
    ("move all the blocks 10 cm to the left", "moved(all blocks, left, 0.1)"),
    # the ball kept where it is stood right beside the plate, where the block was to go
    ("place the blue block 12 cm to the right of the plate and do not move the red ball",
     "all(right_of(blue block, plate, 0.12), unmoved(red ball))"),
    # room on both sides of the plate: it stands halfway between the two
    ("put the white block 15 cm behind the plate and the black block 15 cm in front of it",
     "all(behind(white block, plate, 0.15), in_front_of(black block, plate, 0.15))"),
    # pushed to the right from where the arm can rise after the push with the fingers turned across
    ("slide grn blk 10 cm R", "all(moved(green block, right, 0.1), never_lifted(green block))"),
])
def test_words_validate_on_the_goal_they_were_read_as(words, goal, lib, events):
    validated_as(words, goal, lib, events)


def test_a_crate_to_be_pushed_is_refused_in_one_line():
    """The mobile base stops at what it touches and has no arm; the arm's table has no room for a crate."""
    for words in ("drag the brown crate 30 cm to the right without lifting it while keeping the black barrel "
                  "in place", "push the crate 10 cm left"):
        with pytest.raises(AgentError) as e:
            understand(words)
        assert "cannot move the" in str(e.value) and "crate" in str(e.value) and "\n" not in str(e.value)
    goal, _ = understand("go to the brown crate")  # driving up to one is what the base does
    assert goal.tree.condition.name == "near"


@pytest.mark.parametrize("words, says", [
    # pushed, the block shoved the plate along; the ball met the tray's wall (runs, seeds 0 and 1)
    ("move the green cube onto the plate without lifting it",
     "a pushed block shoves the plate along instead of climbing onto it; say 'put it on the plate'"),
    ("move the ball into the tray without lifting it",
     "the tray's 3 cm wall is higher than a push may lift the ball (1.5 cm); say 'put it in the tray'"),
])
def test_a_push_onto_what_it_cannot_climb_is_refused_in_one_line(words, says):
    with pytest.raises(AgentError) as e:
        understand(words)
    assert says in str(e.value) and "\n" not in str(e.value)


def test_a_push_into_a_painted_zone_still_validates(lib, events):
    validated_as("push the red block into the green zone", "all(in(red block, green zone), never_lifted(red block))",
                 lib, events)
