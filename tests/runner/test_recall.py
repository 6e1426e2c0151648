"""Recalled runs: an episode already run exactly so is not simulated again, and anything that could change
its outcome runs it afresh."""

from __future__ import annotations

import textwrap
from pathlib import Path

from aspire_tui.runner.recall import RECALL_FILE

SKILL = textwrap.dedent('''\
    """Lift what it is given a little."""
    SKILL = {"name": "nudge", "version": 1, "description": "Lift a detected object a few centimetres.",
             "params": {"obj": "object name"}}


    def nudge(robot, obj):
        o = robot.detect(obj)[0]
        robot.move_to(o.position[0], o.position[1], 0.15)
    ''')
PROGRAM = "from skills.nudge import nudge\n\ndef run(robot):\n    nudge(robot, 'red_block')\n"


def _library(tmp_path: Path, skill: str = SKILL) -> Path:
    skills = tmp_path / "skills"
    skills.mkdir(exist_ok=True)
    (skills / "nudge.py").write_text(skill)
    return skills


def test_the_same_episode_is_recalled_not_run_again(run, runs_dir, tmp_path):
    skills = _library(tmp_path)
    first = run(PROGRAM, skills_dir=skills, recall=True, check=True)
    assert first.outcome == "failed" and not first.recalled  # it moves, but puts nothing in the bowl
    again = run(PROGRAM, skills_dir=skills, recall=True, check=True)
    assert again.recalled and again.run_id == first.run_id and again.outcome == first.outcome
    assert sorted(p.name for p in runs_dir.iterdir() if p.is_dir()) == [first.run_id]  # nothing new ran
    assert not run(PROGRAM, skills_dir=skills, check=True).recalled  # only when asked for


def test_a_changed_skill_seed_or_program_runs_afresh(run, tmp_path):
    skills = _library(tmp_path)
    first = run(PROGRAM, skills_dir=skills, recall=True, check=True)
    assert not run(PROGRAM, skills_dir=skills, recall=True, check=True, seed=1).recalled
    assert not run(PROGRAM + "\n# a comment\n", skills_dir=skills, recall=True, check=True).recalled
    _library(tmp_path, SKILL.replace("0.15", "0.16"))  # the person edits the skill the program imports
    edited = run(PROGRAM, skills_dir=skills, recall=True, check=True)
    assert not edited.recalled and edited.run_id != first.run_id


def test_a_deleted_run_or_a_broken_key_file_only_means_running_again(run, runs_dir, tmp_path):
    skills = _library(tmp_path)
    first = run(PROGRAM, skills_dir=skills, recall=True, check=True)
    (runs_dir / first.run_id / "trace.json").unlink()  # retention took it
    second = run(PROGRAM, skills_dir=skills, recall=True, check=True)
    assert not second.recalled
    (runs_dir / RECALL_FILE).write_bytes(b"not a database at all" * 100)
    third = run(PROGRAM, skills_dir=skills, recall=True, check=True)
    assert not third.recalled and third.outcome == second.outcome
    assert (runs_dir / ".recall.broken").is_file()  # set aside, not deleted
    assert run(PROGRAM, skills_dir=skills, recall=True, check=True).recalled  # and kept afresh


def test_an_error_is_never_recalled(run):
    program = "def run(robot):\n    raise RuntimeError('boom')\n"
    assert run(program, recall=True).outcome == "error"
    assert not run(program, recall=True).recalled
