"""`aspire skills ...`: thin click commands, JSON where output is data, one-line errors."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest
from click.testing import CliRunner

from aspire_tui.cli import cli

from .conftest import git, skill_source


def run(lib_root, *args, ok=True, env=None):
    result = CliRunner().invoke(cli, ["skills", "--library", str(lib_root), *args], env=env,
                                catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_list_search_show_log_json(lib):
    data = json.loads(run(lib.root, "list", "--json").output)
    assert {"pick", "place_in", "collision_on_approach"} <= {s["name"] for s in data["skills"]}
    data = json.loads(run(lib.root, "search", "put", "the", "cube", "in", "the", "bowl", "--json").output)
    # ranking quality is measured with the real model (test_skill_search); here the CLI's JSON, with the
    # bag-of-words test embedder, which ranks carry_bowl's many "bowl"s close to place_in
    assert "place_in" in [r["name"] for r in data["results"][:2]]
    data = json.loads(run(lib.root, "search", "grasp", "missed", "--kind", "lesson", "--json").output)
    assert all(r["kind"] == "lesson" for r in data["results"])
    data = json.loads(run(lib.root, "show", "pick", "--json").output)
    assert data["row"]["signature"].startswith("pick(robot") and "place_in" in data["dependents"]
    assert "def pick" in data["source"]
    data = json.loads(run(lib.root, "log", "pick", "--json").output)
    assert data[0]["change"] == "new" and data[0]["author"] == "aspire-agent"
    assert "place_in" in run(lib.root, "list").output
    assert "pick(robot" in run(lib.root, "show", "pick").output


def test_diff_undo_reindex(lib):
    lib.save("wave", skill_source("wave", "Wave once."))
    lib.save("wave", skill_source("wave", "Wave twice."), change="refine")
    assert "+\"\"\"Wave twice." in run(lib.root, "diff", "wave").output
    assert "reverted" in run(lib.root, "undo", "wave").output
    assert "Wave once." in (lib.skills_dir / "wave.py").read_text()
    data = json.loads(run(lib.root, "reindex", "--json").output)
    assert data["problems"] == []
    data = json.loads(run(lib.root, "reindex", "--full", "--json").output)
    assert len(data["updated"]) == lib.index.count()


def test_errors_are_one_line(lib, tmp_path):
    result = run(lib.root, "show", "no_such_skill", ok=False)
    assert result.exit_code == 1 and result.output.startswith("Error: no skill or lesson named 'no_such_skill'")
    assert len(result.output.strip().splitlines()) == 1
    src = tmp_path / "pick.py"
    src.write_text(skill_source("pick"))
    result = run(lib.root, "import", str(src), ok=False)
    assert "already exists" in result.output and len(result.output.strip().splitlines()) == 1
    bad = tmp_path / "bad.py"
    bad.write_text("def bad(robot:\n")
    result = run(lib.root, "import", str(bad), ok=False)
    assert result.output.startswith("Error: ") and "syntax" in result.output
    git(lib.root, "checkout", "-q", "--detach")
    result = run(lib.root, "undo", "pick", ok=False)
    assert "detached" in result.output


def test_import_and_commit(lib, tmp_path):
    src = tmp_path / "wave.py"
    src.write_text(skill_source("wave", "Wave hello."))
    assert "imported skills/wave.py" in run(lib.root, "import", str(src)).output
    path = lib.skills_dir / "wave.py"
    path.write_text(path.read_text().replace("Wave hello.", "Wave goodbye."))
    data = json.loads(run(lib.root, "commit", "--json").output)
    assert data[0]["committed"] and data[0]["change"] == "human-edit"


def test_edit_opens_the_editor_and_commits(lib, tmp_path):
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\np = sys.argv[-1]\ns = open(p).read().replace('clear=0.12', 'clear=0.15')\n"
                      "open(p, 'w').write(s)\n")
    env = {"EDITOR": f"{sys.executable} {editor}", "VISUAL": f"{sys.executable} {editor}"}
    assert "committed skills/pick.py" in run(lib.root, "edit", "pick", env=env).output
    editor.write_text("import sys\nopen(sys.argv[-1], 'w').write('def pick(robot:\\n')\n")
    result = run(lib.root, "edit", "pick", env=env, ok=False)
    assert result.exit_code == 1 and "not committed" in result.output


def test_test_command_reports_regressions(lib, monkeypatch):
    from aspire_tui.skills import regress

    from .test_skill_regress import FakeRunner

    runner = FakeRunner()
    monkeypatch.setattr(regress, "_default_runner", lambda workers: (runner, None))
    data = json.loads(run(lib.root, "test", "place_in", "--json").output)
    assert data[0]["verdict"] == "new-baseline"
    runner.fail = {0}
    result = run(lib.root, "test", "place_in", ok=False)
    assert result.exit_code == 1 and "regressed" in result.output


def test_test_command_fails_a_first_run_with_failures_and_list_shows_validation(lib, monkeypatch):
    from aspire_tui.skills import regress

    from .test_skill_regress import FakeRunner

    runner = FakeRunner(fail={3})
    monkeypatch.setattr(regress, "_default_runner", lambda workers: (runner, None))
    result = run(lib.root, "test", "place_in", ok=False)
    assert result.exit_code == 1 and "failing" in result.output and "run-pick_place_bowl-3" in result.output
    data = json.loads(run(lib.root, "list", "--json").output)
    row = next(r for r in data["skills"] if r["name"] == "place_in")
    assert (row["validation"]["successes"], row["validation"]["runs"]) == (4, 5)
    assert row["validation"]["run_ids"][0] == "run-pick_place_bowl-0"
    runner.fail = set()
    assert json.loads(run(lib.root, "test", "place_in", "--json").output)[0]["verdict"] == "new-baseline"
    assert "5/5" in run(lib.root, "list").output
    shown = json.loads(run(lib.root, "show", "place_in", "--json").output)["validation"]
    assert shown["run_ids"] == [f"run-pick_place_bowl-{s}" for s in range(5)]
    assert "runs: run-pick_place_bowl-0, run-pick_place_bowl-1" in run(lib.root, "show", "place_in").output

def test_pull_push_through_a_remote(lib, tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(lib.root, "remote", "add", "origin", str(remote))
    assert "pushed" in run(lib.root, "push").output
    data = json.loads(run(lib.root, "pull", "--json").output)
    assert data["action"] == "up-to-date"
