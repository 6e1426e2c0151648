"""Parsing skill files without executing them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from aspire_tui.skills.skillfile import (Lesson, ParseProblem, ProgramSkill, blob_hash, parse_bytes,
                                         parse_file)

from .conftest import skill_source

SEEDS = Path(__file__).resolve().parents[2] / "skills_repo"


@pytest.mark.parametrize("path", sorted((SEEDS / "skills").glob("*.py")), ids=lambda p: p.stem)
def test_every_seed_skill_parses(path):
    skill = parse_file(path, f"skills/{path.name}")
    assert isinstance(skill, ProgramSkill), skill
    assert skill.name == path.stem
    assert skill.description and not skill.description.endswith(":")
    assert skill.params[0].name == "robot"
    assert {"when_to_use", "preconditions", "postconditions", "evidence"} <= set(skill.sections)
    assert {"task_type", "depends_on", "version", "embodiment"} <= set(skill.metadata)
    assert set(skill.calls) <= set(skill.metadata["depends_on"]), "imports must be declared"
    assert not skill.warnings


@pytest.mark.parametrize("path", sorted((SEEDS / "lessons").glob("*.md")), ids=lambda p: p.stem)
def test_every_seed_lesson_parses(path):
    lesson = parse_file(path, f"lessons/{path.name}")
    assert isinstance(lesson, Lesson), lesson
    assert lesson.failure["error"] and lesson.failure["call"] and lesson.failure["evidence"]
    assert lesson.sections["repair_strategy"] and lesson.sections["when_it_applies"]
    assert lesson.sections.get("evidence")


def test_program_skill_fields():
    src = skill_source("place_twice", "Put a block in a bowl twice.", deps=["pick"])
    skill = parse_bytes(src.encode(), "skills/place_twice.py")
    assert isinstance(skill, ProgramSkill)
    assert skill.description == "Put a block in a bowl twice."
    assert skill.signature == 'place_twice(robot, obj="red block")'
    assert skill.calls == ["pick"] and skill.depends_on == ["pick"]
    assert skill.imports == ["skills.pick"]
    assert skill.sections["when_to_use"] == "when a test needs it"
    assert skill.metadata["version"] == 1


def test_blob_hash_matches_git(tmp_path):
    f = tmp_path / "x.py"
    f.write_bytes(b"print('hi')\n\xc3\xa9")
    out = subprocess.run(["git", "hash-object", str(f)], capture_output=True, text=True, check=True)
    assert blob_hash(f.read_bytes()) == out.stdout.strip()


def problem(src: str | bytes, path: str = "skills/thing.py") -> ParseProblem:
    result = parse_bytes(src if isinstance(src, bytes) else src.encode(), path)
    assert isinstance(result, ParseProblem), result
    return result


def test_syntax_error_names_line_and_reason():
    src = skill_source("thing").replace('def thing(robot, obj="red block"):', "def thing(robot, obj=:")
    p = problem(src)
    assert p.line == src.splitlines().index("def thing(robot, obj=:") + 1
    assert "syntax" in p.reason
    assert str(p).startswith("skills/thing.py:")


def test_non_utf8_bytes_named_with_line():
    src = skill_source("thing").encode().replace(b"written for a test", b"written \xff\xfe test")
    p = problem(src)
    assert "UTF-8" in p.reason and "0xff" in p.reason
    assert p.line == src.split(b"\n").index(b"    written \xff\xfe test") + 1


def test_ten_megabyte_file_refused_without_reading(tmp_path):
    f = tmp_path / "huge.py"
    with open(f, "wb") as fh:
        fh.truncate(10 * 1024 * 1024)
    p = parse_file(f, "skills/huge.py")
    assert isinstance(p, ParseProblem) and "10.0 MB" in p.reason


@pytest.mark.parametrize("bad, words", [
    ("import os\n", "not allowed"),
    ("from subprocess import run\n", "not allowed"),
    ("x = (1).__class__\n", "dunder"),
    ("y = open('f')\n", "open"),
])
def test_forbidden_code_is_a_problem(bad, words):
    src = skill_source("thing").replace("ASPIRE =", bad + "ASPIRE =")
    p = problem(src)
    assert words in p.reason
    assert p.line == src.splitlines().index(bad.strip()) + 1


def test_structure_problems():
    base = skill_source("thing")
    assert "match" in problem(base, "skills/other.py").reason
    assert "docstring" in problem(base.split('"""\n\n', 1)[1]).reason
    assert "robot" in problem(base.replace("def thing(robot,", "def thing(bot,")).reason
    two = base + "\n\ndef helper(robot):\n    pass\n"
    assert "more than one public function" in problem(two).reason
    assert isinstance(parse_bytes((base + "\n\ndef _helper(robot):\n    pass\n").encode(), "skills/thing.py"),
                      ProgramSkill)
    assert "dict of literals" in problem(base.replace('"version": 1', '"version": len("x")')).reason
    assert "bad skill name" in problem(base, "skills/Thing-2.py").reason
    assert "itself" in problem(skill_source("thing", deps=["thing"])).reason


def test_lesson_problems():
    ok = (SEEDS / "lessons" / "collision_on_approach.md").read_text()
    assert isinstance(parse_bytes(ok.encode(), "lessons/x.md"), Lesson)
    assert "Repair" in problem(ok.replace("## Repair strategy", "## Something else"), "lessons/x.md").reason
    assert "error" in problem(ok.replace("- error: CollisionError", ""), "lessons/x.md").reason
    broken = ok.replace("robot.move_to(x, y, top + 0.12, yaw=yaw)", "robot.move_to(x, y,, top)")
    p = problem(broken, "lessons/x.md")
    assert "code sketch" in p.reason and p.line > 0
    assert "title" in problem("## Failure signature\n- error: X\n", "lessons/x.md").reason
