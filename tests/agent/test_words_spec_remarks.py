"""An engineer's terse notes: a need ("necessary to ...", "it is required to ...") is the task, "lifting is
forbidden" keeps the object on the table, a tolerance remark asks nothing, "with its help" is with the tool,
"at distance 10 cm" is how far, and "near X, not inside" is not inside X."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Necessary to put yellow ball on white plate.", "on(yellow ball, white plate)"),
    ("It is required to slide gray cube into red zone. Lifting of cube is prohibited.",
     "all(in(gray block, red zone), never_lifted(gray block))"),
    ("Move pink ball to front left corner. Accuracy is not important.", "at_place(pink ball, front_left)"),
    ("Take hook, with its help pull brown cube closer.", "in_reach(brown block)"),
    ("Place green ball at distance 10 cm right of crate.", "right_of(green ball, crate, 0.1)"),
    ("Purple cube is in tray. Extract it.", "not(in(purple block, tray))"),
])
def test_engineer_notes(text, goal):
    assert tree(text) == want(goal)


def test_not_inside_the_place_named_beside():
    assert tree("White ball close to the black bowl, not inside.") == want(
        "all(near(white ball, black bowl), not(in(white ball, black bowl)))")
    assert tree("put the blue cube in the bowl, not on") == want("in(blue block, bowl)")


@pytest.mark.parametrize("text, goal", [
    ("Green cube into crate. Tolerance 2 cm.", "in(green block, crate)"),
    ("yellow ball — red bowl. white cube — plate.", "all(in(yellow ball, red bowl), on(white block, plate))"),
])
def test_a_terse_spec_line(text, goal):
    assert tree(text) == want(goal)
