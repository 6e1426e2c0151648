""""them" right before things of a kind, as it is said aloud ("grab them balls"), is "the"; "them" alone stays
the pronoun."""

from __future__ import annotations

from .readings import tree, want


def test_them_before_a_plural_kind_reads_as_the():
    assert tree("drop them green cubes in the tray") == want("in(all green blocks, tray)")
    assert tree("put dem balls on the plate") == want("on(all balls, plate)")


def test_them_as_a_pronoun_is_unchanged():
    assert tree("gather the cubes and put them in the crate") == want("in(all blocks, crate)")
