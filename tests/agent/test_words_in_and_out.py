"""One object asked both in a holder and out of it ("in the crate and also outside the crate") contradicts
itself; out of another holder is where it comes from."""

from __future__ import annotations

import pytest

from .readings import refusal, tree, want


@pytest.mark.parametrize("text", [
    "set the white ball in the crate and also outside the crate",
    "keep the black cube on the plate but off the plate",
])
def test_in_and_out_of_one_holder_contradicts(text):
    assert refusal(text) == "contradiction"


def test_out_of_another_holder_is_no_contradiction():
    assert tree("set the white ball in the crate and out of the tray") == want("in(white ball, crate)")
