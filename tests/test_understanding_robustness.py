"""`python -m bench.understanding robustness`: small changes of wording that leave a task the same (a lead-in, a
manner adverb, shouting, a typing slip, a synonym, a contraction), each on its own, on the goal cases the reader
reads right; per change, the fraction still read to the same goal tree."""

from __future__ import annotations

import json
import re

import pytest

from bench import understanding
from bench.perturbations import PERTURBATIONS, perturb
from sim import vocabulary as vocab

# a small set in FORMAT.md's form, in words of this test's own
CASES = [
    {"text": "Put the red block in the yellow bowl.", "category": "place", "goal": "in(red block, yellow bowl)"},
    {"text": "Don't lift the blue cube; slide it 12 cm to the left", "category": "push",
     "goal": "all(moved(blue block, left, 0.12), never_lifted(blue block))"},
    {"text": "then stack the two cubes", "category": "stack", "goal": "on(red block, blue block)"},  # read wrong
    {"text": "put the banana in the bowl", "category": "refuse", "refuse": "unknown_object"},
]


@pytest.fixture
def tiny_set(tmp_path, monkeypatch):
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in CASES) + "\n", encoding="utf-8")
    monkeypatch.setitem(understanding.SETS, "tiny", path)
    return path


def test_robustness_reports_each_perturbation_of_the_cases_read_right(tiny_set, tmp_path, capsys):
    out = tmp_path / "results"
    understanding.main(["robustness", "--set", "tiny", "--out", str(out)])
    figures = json.loads((out / "robustness_tiny.json").read_text(encoding="utf-8"))
    # the case read wrong and the refusal are never perturbed
    assert figures["cases_read_right"] == 2
    assert set(figures["per_perturbation"]) == set(PERTURBATIONS)
    for c in figures["per_perturbation"].values():
        assert 0 <= c["same"] <= c["tried"] <= 2
        assert c["fraction"] == round(c["same"] / max(1, c["tried"]), 3)
    assert figures["per_perturbation"]["upper_case"]["tried"] == 2
    assert figures["per_perturbation"]["contraction"]["tried"] == 1  # only "Don't" has one
    tried = sum(c["tried"] for c in figures["per_perturbation"].values())
    same = sum(c["same"] for c in figures["per_perturbation"].values())
    assert figures["perturbed"] == tried and len(figures["changed"]) == tried - same
    assert all(not m["perturbed"].lower().count("banana") for m in figures["changed"])
    assert "robustness_tiny" in capsys.readouterr().out


def test_robustness_never_reads_the_held_out_sets(tiny_set, tmp_path):
    with pytest.raises(SystemExit):
        understanding.main(["robustness", "--out", str(tmp_path)])  # neither --dev nor --set


def test_perturbations_are_the_same_every_run_and_keep_numbers_colours_and_kinds():
    text = "Please put the 3 grey cubes 15 cm behind the yellow bowl, without lifting them."
    for name in PERTURBATIONS:
        once, again = perturb(text, name, seed=3), perturb(text, name, seed=3)
        assert once == again
        if once is None or name == "synonym":
            continue
        # a colour by the simulator's name for it: "grey" spelt "gray" is the same colour
        said = [vocab.color_of(w) or w for w in re.findall(r"[a-z]+|\d+", once.lower())
                if w.isdigit() or vocab.color_of(w) or vocab.kind_of(w)]
        assert said == ["3", "gray", "cubes", "15", "yellow", "bowl"], name


@pytest.mark.parametrize("name, text, changed", [
    ("contraction", "do not touch the ball", "don't touch the ball"),
    ("synonym", "put the cube on the cube", None),  # checked below: one name for one thing
])
def test_a_perturbation_changes_what_it_says(name, text, changed):
    got = perturb(text, name)
    if changed is not None:
        assert got == changed
    else:
        words = got.split()
        assert words[2] == words[5] and words[2] != "cube" and vocab.kind_of(words[2]) == "block"


@pytest.mark.parametrize("name, text, changed", [
    ("other_spelling", "slide the tray to the centre", "slide the tray to the center"),
    ("other_spelling", "sort the balls by Color", "sort the balls by Colour"),
    ("trailing_laugh", "drop the ball in the crate", None),
    ("repeated_article", "drop a ball in a crate", None),
    ("spacing_slip", "take the plate, then the tray", None),
    ("filler_word", "Push the cube to the left", None),
])
def test_each_new_slip_of_a_real_typist_changes_only_what_it_says(name, text, changed):
    got = perturb(text, name, seed=1)
    assert got is not None and got != text
    if changed is not None:
        assert got == changed
    # the words of the task are all still there, in their order
    kept = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("the", "a", "centre", "color")]
    got_words = iter(re.findall(r"[a-z]+", got.lower()))
    assert all(any(g == w for g in got_words) for w in kept), got
