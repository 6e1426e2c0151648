"""A ledger's headings: what follows "opening balance:" is how things are now, what follows "closing balance:"
is the task; "unchanged" says an object stays where it is."""

from __future__ import annotations

from .readings import start_states, tree, want


def test_opening_and_closing_balances_are_start_and_goal():
    text = "Opening balance: green cube in the bowl. Closing balance: green cube on the plate."
    assert tree(text) == want("on(green block, plate)")
    assert start_states(text) == [want("in(green block, bowl)")]


def test_short_opening_and_closing_headings():
    text = "opening: the red ball on the plate. closing: the red ball in the crate"
    assert tree(text) == want("in(red ball, crate)")
    assert start_states(text) == [want("on(red ball, plate)")]


def test_an_object_left_unchanged_stays_put():
    assert tree("move the pink cube into the tray; the white cube unchanged") == \
        want("all(in(pink block, tray), unmoved(white block))")
