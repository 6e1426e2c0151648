"""Sentences run together with their marks left out: a capital opening a sentence after an unmarked word, steps
numbered one to a line with no point after the number, and an object said to stay put right after where another
goes ("... on the red block the green block must stay put")."""

from __future__ import annotations

import pytest

from aspire_tui.agent.words.run_ons import with_breaks

from .readings import tree, want


@pytest.mark.parametrize("text, goal", [
    ("Have a look at the table Your task is to get the purple ball into the gray bowl",
     "in(purple ball, gray bowl)"),
    ("1 drop the white ball in the tray\n2 set the black cube on the plate",
     "then(in(white ball, tray), on(black block, plate))"),
    ("slide the cyan block into the blue zone the other cubes should stay where they are",
     "all(in(cyan block, blue zone), never_lifted(cyan block), unmoved(except(all blocks, cyan block)))"),
    ("put the cyan ball in the front right corner the bowls should stay where they are",
     "all(at_place(cyan ball, front_right), unmoved(all bowls))"),
    ("yellow ball on the plate gray cube stays put", "all(on(yellow ball, plate), unmoved(gray block))"),
])
def test_a_run_on_sentence_reads_as_if_marked(text, goal):
    assert tree(text) == want(goal)


@pytest.mark.parametrize("text", [
    "so I'm sure the Robot can put the cube in the bowl",  # "I", a name after "the"
    "PUT THE RED CUBE IN The BOWL",  # one case throughout: no capital says where a sentence starts
    "Put The Red Cube In The Bowl",
    "2 cubes go in the bowl\n3 balls go on the plate",  # counts, not step numbers
])
def test_capitals_and_numbers_that_open_no_sentence_are_kept(text):
    assert with_breaks(text) == text


def test_a_capital_after_a_word_opens_a_sentence():
    assert with_breaks("the cube is in the bowl Take it out") == "the cube is in the bowl. Take it out"
