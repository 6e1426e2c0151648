""""The green one" after a green cube and a green ball were both named could be either, and is asked about;
after objects of one kind it is the one of that colour."""

from __future__ import annotations

from .readings import refusal, tree, want


def test_a_colour_shared_by_two_kinds_named_before_is_ambiguous():
    assert refusal("I have a green cube and a green ball here; drop the green one in the crate") == "ambiguous"


def test_a_colour_of_one_kind_named_before_is_that_object():
    assert tree("there are a green cube and a yellow cube; drop the green one in the crate") == \
        want("in(green block, crate)")
