"""A trader's cries around the task ("pears, juicy pears, a pound a bag!") sell goods and ask nothing: dropped
where another sentence names objects to act on; goods in the task itself, or cried with nothing else, are still
refused."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text, goal", [
    ("Lemons, four for a pound! Drop the cyan ball in the bowl!", "in(cyan ball, bowl)"),
    ("get your apples here! the white cube on the gray cube, love", "on(white block, gray block)"),
    ("Potatoes, lovely potatoes, the red plate to the back right corner! no wait. "
     "Potatoes, lovely potatoes! the red plate to the back right corner!", "at_place(red plate, back_right)"),
    ("Eggs 20p each. move the blue block to the middle, pronto", "at_place(blue block, middle)"),
])
def test_a_cry_beside_the_task_asks_nothing(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text, reason", [
    ("Cherries! Sweet cherries! Three pound a punnet!", "unreadable"),
    ("the apples in the crate, two for a pound!", "unknown_kind"),
    ("Bananas. Pop them in the bowl.", "unknown_kind"),
])
def test_goods_asked_for_are_still_refused(text, reason):
    assert refusal(text) == reason


def test_words_said_twice_that_are_known_are_no_cry():
    assert tree("The balls are in the crate. Take them out and line them up.") == want("in_line(all balls)")


def test_goods_priced_after_the_task_in_its_sentence_ask_nothing():
    assert tree("the blue ball behind the crate, and two pound of onions for the gentleman!") == want(
        "behind(blue ball, crate)")
