"""Objects named on their own before a colon or a semicolon, then acted on as "them" or "it": the objects named."""

from __future__ import annotations

from .readings import refusal, tree, want


def test_objects_named_before_a_colon_then_acted_on_as_them():
    assert tree("the pink ball and the cyan ball: drop them in the crate") == \
        want("in([pink ball, cyan ball], crate)")


def test_it_after_two_objects_named_before_a_semicolon_is_ambiguous():
    assert refusal("the pink ball and the cyan ball; drop it in the crate") == "ambiguous"
