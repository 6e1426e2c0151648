"""A task written as a spec's fields, one "key: value" a line: the task's verb, its objects and where they go
read as one sentence, and any other line (a constraint) as a sentence of its own."""

from __future__ import annotations

import pytest

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("action: slide\nobj: the white ball\ndestination: the pink zone",
     "all(in(white ball, pink zone), never_lifted(white ball))"),
    ("operation = place; item = brown cube; where = behind the crate", "behind(brown block, crate)"),
    ("* task: sorting\n* objects: every block\n* targets: the trays, by colour", "sorted_into(all blocks, all trays)"),
])
def test_a_task_said_as_fields(text, goal):
    assert tree(text) == want(goal)


def test_a_constraint_line_among_the_fields_is_kept():
    assert tree("task: put\nobject: the cyan cube\ntarget: the tray\nconstraint: leave the bowl where it is") == \
        want("all(in(cyan block, tray), unmoved(bowl))")


def test_fields_without_a_task_are_read_as_they_are():
    assert tree("object: white block; target: front left corner") == want("at_place(white block, front_left)")
