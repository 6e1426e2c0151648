"""Example and scene instructions read as English: every template, every family, many seeds.

`aspire tasks` shows template k filled with seed k's scene words; a scene's
own instruction fills a template drawn from the same list. Both must have no
empty slot, no doubled word and nouns that agree with their number.
"""

from __future__ import annotations

import re

import pytest

from sim.episode import make_episode
from sim.tasks import fill_template, list_tasks, sample_instructions

SEEDS = range(12)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}


def english_problems(text: str, slots: dict) -> list[str]:
    """What reads wrong in one instruction filled from ``slots``."""
    problems = []
    if "{" in text or "}" in text:
        problems.append("an unfilled slot")
    if re.search(r"\s{2,}|\s[,.:;]|^\s|\s$|,,", text):
        problems.append("an empty slot (stray space or comma)")
    doubled = re.search(r"\b(\w+) \1\b", text)
    if doubled:
        problems.append(f"doubled word {doubled.group(1)!r}")
    twice = re.search(r"\b(\w{3,}s), [a-z ,]*\b\1\b", text)  # "3 blocks, red and blue blocks"
    if twice:
        problems.append(f"{twice.group(1)!r} said twice of one group")
    for m in re.finditer(r"\b(\d+|two|three|four|five) (?:of the )?(?:[a-z]+, )*(?:[a-z]+ and )?[a-z]+ (\w+)", text):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        if n > 1 and not m.group(2).endswith("s"):
            problems.append(f"{m.group(0)!r}: a number above one with a singular noun")
    for m in re.finditer(r"\beach of the ((?:\w+,? )*?\w+)\b(?= (?:to|into|in|on)\b)", text):
        if not m.group(1).endswith("s"):
            problems.append(f"'each of the {m.group(1)}': needs a plural")
    for key, value in slots.items():
        colors = getattr(value, "colors", None)
        words = str(value)
        if colors and len(colors) > 1 and not words.endswith("s"):
            problems.append(f"group {{{key}}} = {words!r} is not plural")
        if colors and len(colors) == 1 and words.endswith("s") and not words.endswith("ss"):
            problems.append(f"one object {{{key}}} = {words!r} reads as plural")
    for bad in ("side the", "the place of", "edge edge"):  # what the old examples said
        if re.search(rf"(?<!near )(?<!far )\b{bad}\b", text):
            problems.append(f"{bad!r}: a slot name where its words belong")
    return problems


@pytest.mark.parametrize("spec", list_tasks(), ids=lambda s: s.name)
def test_every_template_reads_as_english_on_many_scenes(spec, world):
    seen = []
    for seed in SEEDS:
        episode = make_episode(spec, seed, world=world)
        slots = episode.scene.slots
        for template in spec.instructions:
            for key in re.findall(r"{(\w+)}", template):
                assert key in slots, f"{spec.name}: {template!r} names {{{key}}}, which its scenes do not fill"
            text = fill_template(template, slots)
            seen.append(text)
            assert not english_problems(text, slots), (spec.name, seed, text, english_problems(text, slots))
        assert episode.instruction in [fill_template(t, slots) for t in spec.instructions]
    assert len(set(seen)) > len(spec.instructions)  # the words vary with the seed


def test_tasks_examples_are_templates_filled_with_their_seeds_scene_words(world):
    from click.testing import CliRunner
    import json

    from aspire_tui.cli import cli

    result = CliRunner().invoke(cli, ["tasks", "--json", "--examples", "3"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert set(rows) == {s.name for s in list_tasks()}
    for spec in list_tasks():
        examples = rows[spec.name]["examples"]
        assert len(examples) == 3
        for k, text in enumerate(examples):
            slots = make_episode(spec, k, world=world).scene.slots
            assert text == fill_template(spec.instructions[k % len(spec.instructions)], slots)
            assert not english_problems(text, slots), (spec.name, text)
    assert sample_instructions(list_tasks()[0], 0) == []


@pytest.mark.parametrize("text", [
    "put the blue block side the green bowl", "put the red block in the place of the table",
    "along the edge edge of the table", "move each of the red block to its own corner",
    "place the 3 blocks, red, blue and green blocks, in a line", "put the  block in the bowl",
])
def test_the_checks_catch_what_the_old_examples_said(text):
    assert english_problems(text, {})
