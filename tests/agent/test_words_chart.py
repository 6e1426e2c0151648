"""The chart parser reads each run of tags as lark's Earley parser does, and a new run costs a millisecond."""

from __future__ import annotations

import itertools
import time

import pytest
from lark import Tree

from aspire_tui.agent.words import grammar, tag
from aspire_tui.agent.words.chart import Chart
from aspire_tui.agent.words.lexicon import Word


def shape(tree) -> tuple:
    """A parse without its words: rule names and tag names, nested."""
    if isinstance(tree, Tree):
        return (str(tree.data), tuple(shape(c) for c in tree.children))
    return tree.type


def earley(tags: tuple[str, ...]) -> tuple:
    return shape(grammar.grammar().parse([Word(t, "") for t in tags]))


def runs(text: str) -> list[tuple[str, ...]]:
    """The runs of phrase tags in an instruction, as `grammar.phrases` cuts them."""
    out, piece = [], []
    for w in tag(text) + [Word("STOP", "")]:
        if w.tag in grammar.PHRASE_TAGS:
            piece.append(w.tag)
        elif piece:
            out.append(tuple(piece))
            piece = []
    return out


@pytest.fixture(scope="module")
def chart() -> Chart:
    return grammar._chart()  # the reader's own chart, built without lark's parser


def test_every_run_of_one_or_two_tags_reads_as_earley_reads_it(chart):
    tags = sorted(grammar.PHRASE_TAGS)
    for run in itertools.chain(((t,) for t in tags), itertools.product(tags, repeat=2)):
        assert shape(chart.parse(run)) == earley(run), run


@pytest.mark.parametrize("text", [
    "put the red, blue and green blocks in the bowl closest to the yellow plate",
    "move the second cube from the left two centimetres to the right",
    "stack the three blocks, all of them, with the smallest one on the top",
    "put the block nearest you in the corner farthest from the red bowl",
    "place both of the balls on the other plate, then any two blocks in the leftmost tray",
    "the ball that is closest to the robot goes into the same bowl as the green one",
])
def test_runs_of_long_instructions_read_as_earley_reads_them(chart, text):
    for run in runs(text):
        assert shape(chart.parse(run)) == earley(run), run


def test_a_run_of_a_new_shape_is_read_in_about_a_millisecond_not_earleys_ten(chart):
    """Regression: every run of a shape not read before went through lark's Earley parser, 2-15 ms each and
    ten times that on a busy machine, which set the bench's parse time p95 (88-156 ms)."""
    tags = sorted(grammar.PHRASE_TAGS)
    shapes = [tuple(tags[(i * k + k) % len(tags)] for k in range(6)) for i in range(40)]
    t0 = time.perf_counter()
    for run in shapes:
        chart.parse(run)
    assert (time.perf_counter() - t0) / len(shapes) < 0.005


def test_a_run_no_rule_reads_has_no_reading(chart):
    assert chart.parse(("STOP",)) is None and chart.parse(()) is None
