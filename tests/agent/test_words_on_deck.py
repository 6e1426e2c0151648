""""in play" and "on deck" after objects only say they are there: a later bare noun that could be either of them
is ambiguous."""

from __future__ import annotations

from .readings import refusal, tree, want


def test_objects_on_deck_are_named_as_there():
    assert refusal("white bowl and black bowl on deck, toss the cyan ball in the bowl") == "ambiguous"


def test_objects_in_play_then_a_task_naming_one():
    assert tree("orange tray and pink tray in play. put the gray cube in the pink tray") == \
        want("in(gray block, pink tray)")
