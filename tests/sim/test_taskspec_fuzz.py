"""Fuzz the task-file loader: whatever TOML a person writes, `parse_task` never raises anything
but a `TaskFileError` whose message is one line.

Two kinds of input: the built-in task files with text edits (most stop at the
TOML parser or the first field), and the same files parsed, with values swapped
for other TOML values, keys dropped or added, then written back (these reach
every field's own check).
"""

from __future__ import annotations

import copy
import json
import math
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.errors import TaskFileError
from sim.predicates import PREDICATES
from sim.taskspec import FIELDS, TABLES, TaskSpec, parse_task

from ..fuzz_text import assert_one_line, mutated

TASKS = Path(__file__).resolve().parents[2] / "sim" / "tasks"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(TASKS.glob("*.toml"))]
DOCS = [tomllib.loads(t) for t in TEXTS]
IDS = sorted({o["id"] for d in DOCS for o in d.get("objects", [])})
FIELD_NAMES = sorted({f for fs in FIELDS.values() for f in fs} | set(TABLES))

TOML_FRAGMENTS = ["[task]\n", "[[objects]]\n", "[objects]\n", "[choices]\n", "= ", " = [", "]\n", "{ ", " }",
                  '"', "'''", '"""', "\n", "inf", "nan", "-0.0", "1e999", "9" * 30, "true", "[[", "]]",
                  'kind = "block"\n', 'id = "robot"\n', 'success = "in(block, bowl)"\n', "count = [3, 1]\n",
                  'inside = "bowl"\n', 'on = "plate"\n', 'chosen = { rule = "nearest", among = "block" }\n',
                  "pose = [0.5, 0.0, 0.1, 1, 0, 0, 0]\n", "held = true\n", "joints = [0, 0, 0, 0, 0, 0, 0]\n"]


def _expression() -> st.SearchStrategy[str]:
    """Success conditions: predicate calls over ids and numbers, nested, sometimes broken."""
    atom = st.one_of(st.sampled_from(IDS + ["robot", "distractors", "front_left", "x"]),
                     st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers(-5, 10**20).map(str))
    call = st.recursive(atom, lambda inner: st.builds(
        lambda name, args: f"{name}({', '.join(args)})", st.sampled_from(sorted(PREDICATES) + ["nope"]),
        st.lists(inner, max_size=4)), max_leaves=6)
    return st.one_of(call, mutated(["in(block, bowl)", "all(on(a, b), not(near(a, c)))"], ["(", ")", ",", " "]))


LEAF = st.one_of(
    st.integers(-3, 12), st.integers(-(2**63), 2**63 - 1), st.just(10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.floats(-2.0, 2.0), st.booleans(),
    st.text(max_size=30), st.sampled_from(IDS + ["red", "block", "bowl", "nearest", "panda", "husky", "stack",
                                                 "red block", "", "a\nb"]),
    _expression(),
)
KEYS = st.sampled_from(FIELD_NAMES + ["a\nb", "x\u2028y"]) | st.text(max_size=8)
VALUE = st.recursive(LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=3)), max_leaves=5)


def _toml_string(s: str) -> str:
    # JSON escapes are TOML escapes, except that TOML wants DEL escaped too.
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def _inline(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    if isinstance(v, str):
        return _toml_string(v)
    if isinstance(v, list):
        return "[" + ", ".join(_inline(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_string(str(k))} = {_inline(x)}" for k, x in v.items()) + " }"
    return _toml_string(str(v))


def to_toml(doc: dict) -> str:
    """A document back to TOML: plain keys first, then tables, then arrays of tables."""
    head, tables = [], []
    for key, value in doc.items():
        name = _toml_string(str(key))
        if isinstance(value, dict):
            tables.append(f"[{name}]\n" + "".join(f"{_toml_string(str(k))} = {_inline(v)}\n" for k, v in value.items()))
        elif isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
            for item in value:
                tables.append(f"[[{name}]]\n" + "".join(f"{_toml_string(str(k))} = {_inline(v)}\n"
                                                       for k, v in item.items()))
        else:
            head.append(f"{name} = {_inline(value)}\n")
    return "".join(head) + "\n".join(tables)


def _slots(node, out: list) -> list:
    """Every (container, key) in a document, tables and arrays included."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in items:
        out.append((node, key))
        _slots(value, out)
    return out


@st.composite
def edited_documents(draw) -> str:
    doc = copy.deepcopy(DOCS[draw(st.integers(0, len(DOCS) - 1))])
    for _ in range(draw(st.integers(1, 4))):
        slots = _slots(doc, [])
        action = draw(st.sampled_from(["replace", "replace", "drop", "add", "copy"]))
        if not slots:
            break
        container, key = slots[draw(st.integers(0, len(slots) - 1))]  # an index: cheap to draw and shrink
        if action == "replace":
            container[key] = draw(VALUE)
        elif action == "drop":
            del container[key]
        elif action == "copy":  # another slot's value here: the right shape in the wrong place
            other, other_key = slots[draw(st.integers(0, len(slots) - 1))]
            container[key] = copy.deepcopy(other[other_key])
        elif isinstance(container, dict):
            container[draw(KEYS)] = draw(VALUE)
        elif isinstance(container, list):
            container.append(draw(VALUE))
    return to_toml(doc)


def _check(text: str) -> None:
    try:
        spec = parse_task(text, "fuzz.toml")
    except TaskFileError as e:
        assert_one_line(str(e))
        assert str(e).startswith("fuzz.toml"), str(e)  # it names the file
    else:
        assert isinstance(spec, TaskSpec)


def test_the_serialiser_round_trips_every_built_in_task():
    """The structured fuzz writes TOML that reads back as the document it came from."""
    for doc in DOCS:
        assert tomllib.loads(to_toml(doc)) == doc
        parse_task(to_toml(doc), "fuzz.toml")


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@fuzz(1200)
@given(text=edited_documents())
def test_edited_task_documents_load_or_fail_in_one_line(text):
    """Values swapped for other TOML values, keys dropped and added: a task or one line."""
    _check(text)


@fuzz(1000)
@given(text=st.one_of(mutated(TEXTS, TOML_FRAGMENTS), st.text(max_size=300)))
def test_edited_task_text_loads_or_fails_in_one_line(text):
    """Text edits of the built-in files, and noise: a task or one line."""
    _check(text)


# -- what the fuzz found: each raised a bare TypeError, ValueError or OverflowError, or two lines ---------
BOWL = TEXTS[[p.stem for p in sorted(TASKS.glob("*.toml"))].index("pick_place_bowl")]


def _error(text: str) -> str:
    try:
        parse_task(text, "fuzz.toml")
    except TaskFileError as e:
        assert_one_line(str(e))
        return str(e)
    raise AssertionError("the file loaded")


def test_a_colour_list_holding_a_table_is_a_task_file_error():
    """`color = [{...}, "blue"]` made `c not in COLORS` raise TypeError (unhashable dict)."""
    assert "colours must be among" in _error(BOWL.replace('color = ["red"', 'color = [{ a = 1 }, "red"', 1))


def test_distractor_kinds_holding_a_table_is_a_task_file_error():
    """`kinds = [{...}]` raised TypeError the same way."""
    assert "kinds must be among" in _error(BOWL.replace('kinds = ["block"]', 'kinds = [{ a = 1 }]'))


def test_a_table_given_as_a_number_is_a_task_file_error():
    """`perturb = 0.5` (or `workspace = 1`) was iterated as a table: TypeError."""
    head, _, _ = BOWL.partition("[perturb]")
    assert "must be a table" in _error("perturb = 0.5\n" + head)
    assert "must be a table" in _error("workspace = 1\n" + head)


def test_an_infinite_or_huge_count_is_a_task_file_error():
    """`count = inf`, `nan` or an integer past float's range raised OverflowError/ValueError."""
    for bad in ("inf", "nan", "[1, inf]", "1" + "0" * 400):
        assert "finite" in _error(BOWL.replace('id = "block"', f'id = "block"\ncount = {bad}', 1))


def test_a_key_with_a_newline_is_named_on_one_line():
    """A quoted key holding a newline made the error two lines."""
    assert "\\n" in _error(BOWL.replace('[task]\n', '[task]\n"a\\nb" = 1\n', 1))


def test_a_spot_that_is_not_two_numbers_is_a_task_file_error():
    """`at = [1e40, []]` reached float() with a list: TypeError (found by the fuzz test above)."""
    for bad in ("[1" + "0" * 40 + ", []]", '["a", 0.1]', "[0.5, inf]", "[true, 0.1]"):
        assert "must be [x, y] in metres" in _error(BOWL.replace('id = "block"', f'id = "block"\nat = {bad}', 1))
