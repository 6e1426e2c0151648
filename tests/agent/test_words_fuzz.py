"""Fuzz the words reader: whatever a person types, `words.read` gives a goal or an
`InstructionError` whose message is one line, never a traceback.

Inputs are real instructions with words swapped, dropped, repeated and
inserted from the reader's own vocabulary (so the grammar is reached, not
only the lexicon's first refusal), sentences strung from that vocabulary, and
plain noise.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aspire_tui.agent.scene import SceneError, spec_for
from aspire_tui.agent.words import InstructionError, lexicon, read
from aspire_tui.agent.goal import Goal
from sim import vocabulary
from sim.errors import TaskError

from ..fuzz_text import assert_one_line, mutated, words_of

TASKS = Path(__file__).resolve().parents[2] / "sim" / "tasks"

VOCABULARY = words_of(vocabulary.COLORS, vocabulary.KINDS, vocabulary.RELATIONS, vocabulary.CORNERS,
                      vocabulary.DIRECTIONS, vocabulary.EDGES, list(vocabulary.AMOUNTS), list(vocabulary.UNITS),
                      vocabulary.MISSING_COLORS, vocabulary.UNKNOWN_THINGS, vocabulary.MOBILE_GOALS,
                      lexicon.VERBS, sorted(lexicon.FILLER), lexicon.FIRST, lexicon.GERUNDS, lexicon.NUMBERS,
                      lexicon.ORDINALS, lexicon.SEQUENCE, lexicon.COPULA, lexicon.CARDINALS, lexicon.TENS)
EXTRA = ["the", "a", "all", "every", "each", "it", "them", "one", "ones", "s", "and", ",", ".", ";", "!", "?",
         "then", "not", "no", "without", "closest to", "from the left", "of its colour", "in that order",
         "undo that", "how many", "10", "-3", "0", "1e9", "3.5", "%", "cm", "twenty-one", "'", '"', "(", ")",
         "\n", "\t", "  ", "é", "ｒｅｄ", "😀", "\x00", "\u2028", "blocks", "bowls", "balls", "trays"]
TOKENS = VOCABULARY + EXTRA

SENTENCES = [
    "put the red block in the green bowl", "drop the blue cube into the yellow bowl",
    "put all the cubes on the plate", "move the second brick from the left into the tray",
    "take the ball nearest to the green dish and set it on the saucer",
    "stack the grey block on the white one, then put the red block in the bowl",
    "shift the blue bowl 15 cm to the right", "line up the green, red and blue blocks from left to right",
    "place each ball in the tray of its colour", "put the red block in the tray without touching the white bowl",
    "nudge the pink ball fourteen centimetres forwards",
    "head for the blue cone, the red crate and the white barrel, in that order",
    "place the cyan cube on the black saucer. the brown ball has to stay put",
    "set the green cube in the back left corner and the gray ball in the front right corner",
    "the white ball sits in the tray and the black ball is on the plate; switch them around",
    "get the orange ball out of the tray", "make sure the orange ball is not in the tray",
    "the red block is in the blue bowl. put the cube closest to the green plate in it",
]
for _path in sorted(TASKS.glob("*.toml")):  # the built-in templates, slots filled with their objects' words
    _doc = tomllib.loads(_path.read_text(encoding="utf-8"))
    for _template in _doc["task"]["instructions"]:
        _words = {o["id"]: f"{o['color'][0] if isinstance(o.get('color'), list) else o.get('color', '')} {o['kind']}"
                  for o in _doc.get("objects", [])}
        try:
            SENTENCES.append(" ".join(_template.format_map(_words | {"count": "two"}).split()))
        except (KeyError, ValueError, IndexError):
            pass  # a template with a [choices] slot


def _swap_words(sentence: str, edits: list[tuple[str, int, int]]) -> str:
    """Word-level edits: replace, insert, drop, repeat."""
    words = sentence.split(" ")
    for kind, at, pick in edits:
        i = at % (len(words) + 1)
        if kind == "replace" and words:
            words[i % len(words)] = TOKENS[pick % len(TOKENS)]
        elif kind == "insert":
            words.insert(i, TOKENS[pick % len(TOKENS)])
        elif kind == "drop" and words:
            del words[i % len(words)]
        elif kind == "repeat" and words:
            words.insert(i, words[i % len(words)])
    return " ".join(words)


_WORD_EDITS = st.lists(st.tuples(st.sampled_from(["replace", "insert", "drop", "repeat"]),
                                 st.integers(0, 200), st.integers(0, 10_000)), min_size=1, max_size=5)

instructions = st.one_of(
    st.builds(_swap_words, st.sampled_from(SENTENCES), _WORD_EDITS),
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=16).map(" ".join),
    mutated(SENTENCES, TOKENS, max_edits=3),
    st.text(max_size=120),
    st.sampled_from(SENTENCES).map(str.upper),
)


def _read(text: str) -> Goal | None:
    try:
        goal = read(text)
    except InstructionError as e:
        assert_one_line(str(e))
        assert e.reason in ("empty", "unreadable", "impossible", "unknown_kind", "unknown_color",
                            "contradiction", "ambiguous"), e.reason
        return None
    assert isinstance(goal, Goal)
    return goal


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz(2000)
@given(text=instructions)
def test_any_instruction_reads_or_is_refused_in_one_line(text):
    """Edited instructions, vocabulary soup and noise: a goal, or one line saying what is wrong."""
    _read(text)


@fuzz(100)
@given(text=st.builds(_swap_words, st.sampled_from(SENTENCES), _WORD_EDITS))
def test_a_goal_the_words_give_makes_a_scene_or_says_why_not(text):
    """Past the reader, the goal makes its own task file (`spec_for`), or refuses in one line."""
    goal = _read(text)
    if goal is None:
        return
    try:
        spec_for(goal)
    except (SceneError, TaskError) as e:
        assert_one_line(str(e))
