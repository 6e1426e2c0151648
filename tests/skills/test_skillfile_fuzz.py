"""Fuzz the skill-file reader: whatever bytes a person saves, `parse_bytes` never raises.

Every example either parses (a program skill or a lesson) or comes back as a
`ParseProblem` whose message is one line. The library's own seed files,
mutated, are most of the input, so the fuzz reaches past the first check.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aspire_tui.skills.skillfile import Lesson, ParseProblem, ProgramSkill, parse_bytes

from ..fuzz_text import assert_one_line, mutated

SEEDS = Path(__file__).resolve().parents[2] / "skills_repo"
PROGRAMS = {p.stem: p.read_text(encoding="utf-8") for p in sorted((SEEDS / "skills").glob("*.py"))}
LESSONS = [p.read_text(encoding="utf-8") for p in sorted((SEEDS / "lessons").glob("*.md"))]

# What a hand edit or a hostile file puts into a skill: the shapes the reader checks, and the
# shapes the safety policy rejects.
PYTHON_FRAGMENTS = [
    '"""', "'''", "ASPIRE = {", "ASPIRE = {'version': 'x'}\n", "ASPIRE = {'depends_on': [1]}\n",
    "ASPIRE = [1, 2]\n", "ASPIRE = {**x}\n", "ASPIRE = {'tags': " + "[" * 200 + "]" * 200 + "}\n",
    "def f(robot):\n    pass\n", "def _g():\n    pass\n", "class C:\n    pass\n", "class _C:\n    pass\n",
    "@decorator\n", "async def run(robot):\n    pass\n", "lambda: 0", "import os\n", "import numpy.linalg\n",
    "from skills.x import y\n", "from skills.pick import pick\n", "from . import x\n", "from numpy import *\n",
    "from __future__ import braces\n", "import skills.pick\n", "__class__", "().__class__", "ｅｘｅｃ('1')",
    "'{0.__class__}'.format(robot)", "math.pi = 3\n", "del math.e\n", "# -*- coding: utf-7 -*-\n",
    "robot, *args, **kw", "*, speed=1", "x: int = 1", "-> None", "    ", "\t", "(", ")", ":", "\\\n",
    "f'{x!r:>{w}}'", "b'\\xff'", "0x", "1e999", "yield", "return", "global x\n", "match x:\n    case 1: pass\n",
    "print 'x'\n", "type X = int\n", "exec 'x'\n", "\"\"\"\n\nWhen to use:\n    always\n\"\"\"\n",
    "Postconditions:\n    - done\n", "When to use:", "\n\n\n",
]
MARKDOWN_FRAGMENTS = [
    "---\n", "key: value\n", "not front matter\n", "# Title\n", "## Failure signature\n", "- error: X\n",
    "- call: move_to\n", "- evidence: y\n", "## When it applies\n", "## Repair strategy\n", "## Code sketch\n",
    "```python\n", "```\n", "def f(:\n", "## Evidence\n", "category: {a: 1}\n", "version: 12\n",
    "tags: [a, b]\n", "# ", "## ", "- ", "`",
]

NAMES = st.sampled_from(sorted(PROGRAMS) + ["thing", "a", "x" * 80, "x" * 81, "Bad", "bad-name", "_private",
                                            "9lives", "ｐｉｃｋ", "café", "", "a\nb", "x\u2028y"])
SUFFIXES = st.sampled_from([".py", ".py", ".py", ".md", ".md", ".txt", ""])

program_text = st.one_of(
    mutated(list(PROGRAMS.values()), PYTHON_FRAGMENTS),
    mutated(list(PROGRAMS.values()), PYTHON_FRAGMENTS, max_edits=1),
    st.text(max_size=400),
    st.lists(st.sampled_from(PYTHON_FRAGMENTS), max_size=12).map("".join),
)
lesson_text = st.one_of(
    mutated(LESSONS, MARKDOWN_FRAGMENTS),
    st.lists(st.sampled_from(MARKDOWN_FRAGMENTS), max_size=20).map("".join),
    st.text(max_size=300),
)


def _check(data: bytes, path: str) -> None:
    result = parse_bytes(data, path)
    assert isinstance(result, (ProgramSkill, Lesson, ParseProblem)), type(result)
    if isinstance(result, ParseProblem):
        assert_one_line(result.reason)
        assert_one_line(str(result))
        assert result.line >= 0 and result.column >= 0


FUZZ = settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])


@FUZZ
@given(text=program_text, name=NAMES, encode=st.sampled_from(["utf-8", "utf-8", "utf-16", "latin-1"]))
def test_any_python_skill_file_parses_or_is_one_line_problem(text, name, encode):
    """A mutated seed skill (or noise) as ``skills/<name>.py``: a skill or a one-line problem."""
    _check(text.encode(encode, "surrogatepass" if encode == "utf-8" else "replace"), f"skills/{name}.py")


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=lesson_text, name=NAMES, suffix=SUFFIXES)
def test_any_lesson_or_other_file_parses_or_is_one_line_problem(text, name, suffix):
    """Mutated lessons, and any file name the watcher may hand over."""
    _check(text.encode("utf-8", "surrogatepass"), f"lessons/{name}{suffix}")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600))
def test_any_bytes_parse_or_are_one_line_problem(data):
    """Bytes that are not text at all (a binary saved over a skill)."""
    _check(data, "skills/thing.py")


def test_a_file_name_with_a_newline_is_reported_on_one_line():
    """The watcher hands over any file name; one with a newline made the problem two lines."""
    problem = parse_bytes(b"x = 1\n", "skills/a\nb.py")
    assert isinstance(problem, ParseProblem) and "bad skill name" in problem.reason
    assert_one_line(str(problem))
