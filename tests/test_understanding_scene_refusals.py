"""The understanding bench counts a refusal that `aspire run` gives before anything runs: of the words, or of the
scene made from words that read but ask what no scene can hold."""

from __future__ import annotations

from bench.understanding import Case, read_case


def test_an_ask_no_scene_can_hold_is_counted_as_its_refusal():
    wider = Case("put the plate in the tray", "refuse", refuse="impossible")
    reading = read_case(wider)
    assert reading.right and reading.got == "refuse:impossible"


def test_the_same_words_labelled_as_a_goal_are_still_read_as_one():
    # the scene is only asked where a refusal was labelled: a goal case keeps the words' own reading
    reading = read_case(Case("put the plate in the tray", "place", goal="in(plate, tray)"))
    assert reading.got == "in(plate, tray)"


def test_a_goal_a_scene_can_hold_is_no_refusal():
    reading = read_case(Case("put the red block in the green bowl", "refuse", refuse="impossible"))
    assert not reading.right and not reading.got.startswith("refuse:")
