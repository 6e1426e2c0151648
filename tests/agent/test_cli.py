"""``aspire run``: one-line errors for bad input, JSON lines, exit status."""

from __future__ import annotations

import json

import llm
import pytest
from click.testing import CliRunner

from aspire_tui.cli import cli

from ..fake_models import registered
from .conftest import git


def invoke(*args: str):
    return CliRunner().invoke(cli, ["run", *args], catch_exceptions=False)


@pytest.mark.parametrize("args, words", [
    (("",), "the instruction is empty"),
    (("dance a jig",), "cannot tell what to do"),
    (("put the gold block in the green bowl",), "no gold colour"),
    (("put the red block in the green bowl", "--scene", "no_such_family"), "unknown task"),
    (("put the red block in the green bowl", "--scene", "pick_place_bowl", "--seed", "3"), "object not in scene"),
    (("put the red block in the green bowl", "-m", "no-such-model"), "unknown model"),
    (("put the red block in the green bowl", "--seed", "10000"), "held out for evaluation"),
    (("put the table in the bowl",), "impossible: the table cannot be moved"),
    (("put the red block in the green bowl", "--task-file", "no_such_task.toml"), "no such task file"),
    (("put the red block in the green bowl", "--budget", "apples=2"), "unknown budget 'apples'"),
    (("put the red block in the green bowl", "--budget", "cost=1"), "--prices IN,OUT"),
    (("put the red block in the green bowl", "--budget", "cost=1", "--prices", "cheap"), "give two numbers"),
])
def test_bad_input_is_one_line_and_exit_1(args, words, tmp_path):
    """One line that says what to do, exit 1, and the library exactly as it was."""
    from aspire_tui.skills.library import Library

    Library.open(tmp_path / "lib").close()
    head = git(tmp_path / "lib", "rev-parse", "HEAD")
    result = invoke(*args, "--library", str(tmp_path / "lib"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and words in lines[0], result.output
    assert git(tmp_path / "lib", "rev-parse", "HEAD") == head
    assert git(tmp_path / "lib", "status", "--porcelain", "--untracked-files=all", "skills", "lessons") == ""


def test_missing_key_is_one_line(tmp_path, monkeypatch):
    class Keyed(llm.Model):
        model_id = "keyed-test"
        needs_key = "keyed-test"
        key_env_var = "KEYED_TEST_KEY"

        def execute(self, prompt, stream, response, conversation=None):
            yield "never"

    monkeypatch.delenv("KEYED_TEST_KEY", raising=False)
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    with registered(Keyed(), "aspire-keyed"):
        result = invoke("put the red block in the green bowl", "-m", "keyed-test", "--library", str(tmp_path / "l"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: model 'keyed-test' needs a key") and result.output.count("\n") == 1


def test_an_unknown_embedding_model_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ASPIRE_EMBEDDING_MODEL", "no-such-embedder")
    result = invoke("put the red block in the green bowl", "--library", str(tmp_path / "lib"))
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("Error: unknown embedding model 'no-such-embedder'"), result.output
    assert "Traceback" not in result.output


def test_json_lines_and_exit_0_on_a_validated_program(tmp_path):
    result = invoke("stack the red cube on the blue one", "--validate", "1", "--json",
                    "--library", str(tmp_path / "lib"))
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    names = [e["event"] for e in events]
    assert names[:2] == ["understood", "task_started"] and names[-1] == "task_finished"
    assert events[0]["line"] == "goal: on(red block, blue block) · scene: top=red block, bottom=blue block · like stack_two"
    assert 'success = "on(top, bottom)"' in events[0]["task_file"]
    assert "call_recorded" in names and "validation_result" in names
    assert events[-1]["success"] is True and events[-1]["validated"] == "1/1"


def test_dry_run_says_the_goal_writes_its_task_file_and_the_file_runs_as_said(tmp_path, monkeypatch):
    """--dry-run prints the goal line and writes the task file the words made; run with --task-file, that
    file is shown again with the same goal, and nothing runs either time."""
    from sim.taskspec import load_task_file

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    words = "put the block closest to the red bowl in the green bowl"
    done = invoke(words, "--dry-run", "mine.toml")
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[0].startswith("goal: in(nearest(block, red bowl), green bowl)")
    spec = load_task_file(work / "mine.toml")
    assert spec.success_text.startswith("in(nearest_block, green_bowl")
    again = invoke(words, "--task-file", "mine.toml", "--dry-run", "--json")
    event = json.loads(again.output)
    assert event["event"] == "understood" and event["line"].startswith("goal: in(nearest(block, red bowl), green bowl)")
    assert event["path"].endswith("mine.toml") and "[task]" in event["task_file"]
    assert sorted(p.name for p in work.iterdir()) == ["mine.toml"]


def test_the_goal_line_names_the_words_set_aside(tmp_path, monkeypatch):
    """Words read past are said with the goal, so the person can say them another way."""
    monkeypatch.chdir(tmp_path)
    done = invoke("alright, pay attention, drop the green ball in the tray", "--dry-run", "mine.toml")
    assert done.exit_code == 0, done.output
    line = done.output.splitlines()[0]
    assert line.startswith("goal: in(green ball, tray)") and "set aside 'pay attention'" in line
