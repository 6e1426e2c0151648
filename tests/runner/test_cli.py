"""`aspire exec` and `aspire replay`: outcomes, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aspire_tui.cli import cli
from aspire_tui.runner import pool as pool_module

GOOD = """
def run(robot):
    block = robot.detect("block")[0]
    x, y, z = block.position
    robot.move_to(x, y, z + 0.1)
    robot.move_to(x, y, z)
    robot.grasp()
    bowl = robot.detect("bowl")[0]
    robot.move_to(x, y, 0.2)
    robot.move_to(bowl.position[0], bowl.position[1], 0.2)
    robot.release()
"""


@pytest.fixture
def cli_env(pool, tmp_path, monkeypatch):
    """The CLI uses the session's warm pool and a library in tmp_path."""
    monkeypatch.setattr(pool_module, "_default", pool)
    monkeypatch.setenv("ASPIRE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ASPIRE_LIBRARY", raising=False)
    return tmp_path


def _program(tmp_path: Path, source: str, name: str = "prog.py") -> str:
    path = tmp_path / name
    path.write_text(source)
    return str(path)


def test_exec_success_exits_zero_and_prints_trace_path(cli_env):
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, GOOD), "--task", "pick_place_bowl", "--seed", "2"])
    assert result.exit_code == 0, result.output
    assert "succeeded" in result.output
    trace_path = result.output.strip().splitlines()[-1].removeprefix("trace: ")
    assert Path(trace_path).is_file() and str(cli_env / "home" / "runs") in trace_path


def test_exec_failure_names_the_call_and_exits_one(cli_env):
    source = "def run(robot):\n    robot.get_ee_pose()\n    robot.detect('unicorn')\n"
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, source), "--task", "pick_place_bowl",
                                      "--seed", "0", "--no-keyframes"])
    assert result.exit_code == 1
    assert "failed at call #1 detect (program.py:3): ObjectNotFound:" in result.output


def test_exec_rejected_lists_violations(cli_env):
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, "import os\ndef run(robot): pass\n"),
                                      "--task", "pick_place_bowl", "--seed", "0"])
    assert result.exit_code == 1
    assert "rejected" in result.output and "program:1:8: [import]" in result.output


def test_exec_json_prints_the_trace(cli_env):
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, "def run(robot):\n    robot.home()\n"),
                                      "--task", "pick_place_bowl", "--seed", "1", "--json", "--no-keyframes"])
    data = json.loads(result.output)
    assert data["outcome"] == "failed" and data["records"][0]["call"] == "home"
    assert data["records"][0]["keyframe"] is None
    assert Path(data["path"]).is_file()


def test_exec_task_file_and_library_option(cli_env):
    from sim.tasks import HERE

    library = cli_env / "lib"
    (library / "skills").mkdir(parents=True)
    (library / "skills" / "nap.py").write_text("def nap(robot):\n    robot.home()\n")
    source = "from skills.nap import nap\ndef run(robot):\n    nap(robot)\n"
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, source), "--task-file", str(HERE / "pick_place_bowl.toml"),
                                      "--seed", "0", "--library", str(library), "--no-keyframes"])
    assert result.exit_code == 1, result.output
    assert "reason: run() returned but the task is not done" in result.output
    assert str(library / "runs") in result.output


@pytest.mark.parametrize("args, message", [
    (["--task", "pick_place_bowel", "--seed", "0"], "Error: unknown task 'pick_place_bowel'; did you mean"),
    (["--seed", "0"], "give exactly one of --task FAMILY or --task-file"),
    (["--task", "pick_place_bowl"], "Missing option '--seed'"),
])
def test_exec_usage_errors_are_one_line(cli_env, args, message):
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, "def run(robot): pass\n")] + args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_exec_gui_without_display_is_a_clear_error(cli_env, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, "def run(robot): pass\n"), "--task",
                                      "pick_place_bowl", "--seed", "0", "--gui"])
    assert result.exit_code == 1 and "Error: --gui needs a display" in result.output


def test_replay_prints_a_table_by_id_prefix_and_path(cli_env):
    source = "def run(robot):\n    robot.get_ee_pose()\n    robot.detect('unicorn')\n"
    CliRunner().invoke(cli, ["exec", _program(cli_env, source), "--task", "pick_place_bowl", "--seed", "0"])
    run_dir = next((cli_env / "home" / "runs").iterdir())
    for ref in (run_dir.name, run_dir.name[:-2], str(run_dir), str(run_dir / "trace.json")):
        result = CliRunner().invoke(cli, ["replay", ref], env={"COLUMNS": "140"})
        assert result.exit_code == 0, result.output
        assert "get_ee_pose()" in result.output and "ObjectNotFound" in result.output
        assert "failed: pick_place_bowl seed 0, call #1 detect" in result.output
    summary = CliRunner().invoke(cli, ["replay", run_dir.name, "--summary"])
    assert "> #1 detect('unicorn')" in summary.output


def test_replay_unknown_run_is_one_line(cli_env):
    result = CliRunner().invoke(cli, ["replay", "nope"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no run 'nope'") and result.output.count("\n") == 1


def test_program_text_cannot_send_escape_sequences_to_the_terminal(cli_env):
    """ANSI escapes in printed output, arguments and errors are shown escaped, never emitted."""
    source = ("def run(robot):\n    print('\\x1b]0;pwned\\x07\\x1b[2J')\n"
              "    robot.detect('\\x1b[5mred')\n")
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, source), "--task", "pick_place_bowl",
                                      "--seed", "0", "--no-keyframes"], color=True)
    assert "\x1b[5m" not in result.output and "\\x1b[5mred" in result.output
    run_dir = next((cli_env / "home" / "runs").iterdir())
    replayed = CliRunner().invoke(cli, ["replay", str(run_dir)], color=True)
    assert "\x1b" not in replayed.output and "\\x1b]0;pwned" in replayed.output


PUT = """
ARGS = {"block": "red block", "container": "green bowl"}


def run(robot):
    block = robot.detect(ARGS["block"])[0]
    container = robot.detect(ARGS["container"])[0]
    x, y, z = block.position
    robot.move_to(x, y, z + 0.1)
    robot.move_to(x, y, z)
    robot.grasp()
    robot.move_to(x, y, 0.2)
    robot.move_to(container.position[0], container.position[1], 0.15)
    robot.release()
"""


def test_exec_resolves_relative_paths_from_where_it_was_typed(cli_env, monkeypatch):
    """`aspire exec prog.py --task-file t.toml --library lib` from another folder than the worker's."""
    from sim.tasks import HERE

    here = cli_env / "work"
    here.mkdir()
    (here / "my_task.toml").write_text((HERE / "pick_place_bowl.toml").read_text())
    (here / "lib" / "skills").mkdir(parents=True)
    (here / "prog.py").write_text("def run(robot):\n    robot.home()\n")
    monkeypatch.chdir(here)
    for task_file in ("my_task.toml", "./my_task.toml"):
        result = CliRunner().invoke(cli, ["exec", "prog.py", "--task-file", task_file, "--seed", "0",
                                          "--library", "lib", "--no-keyframes"])
        assert result.exit_code == 1 and "no such task file" not in result.output, result.output
        assert "pick_place_bowl seed 0" in result.output and str(here / "lib" / "runs") in result.output
    monkeypatch.setenv("ASPIRE_HOME", "home")  # a relative home too
    result = CliRunner().invoke(cli, ["exec", "prog.py", "--task-file", "my_task.toml", "--seed", "0",
                                      "--no-keyframes"])
    assert str(here / "home" / "runs") in result.output, result.output


@pytest.mark.parametrize("seed", [3, 5])
def test_exec_binds_ARGS_from_the_instruction_and_says_so(cli_env, seed):
    """Seed 3's scene has no green bowl: the ARGS it is run with name what the instruction says."""
    from sim.episode import make_episode

    episode = make_episode("pick_place_bowl", seed)
    words = {k: str(v) for k, v in episode.scene.slots.items()}
    episode.close()
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, PUT), "--task", "pick_place_bowl",
                                      "--seed", str(seed), "--no-keyframes"])
    assert result.exit_code == 0, result.output
    assert (f"block={words['block']!r}, container={words['bowl']!r} ({{bowl}})") in result.output


def test_exec_keeps_ARGS_it_cannot_bind_and_says_so(cli_env):
    source = 'ARGS = {"unicorn": "red block"}\n\ndef run(robot):\n    robot.detect(ARGS["unicorn"])\n'
    result = CliRunner().invoke(cli, ["exec", _program(cli_env, source), "--task", "pick_place_bowl",
                                      "--seed", "0", "--no-keyframes", "--json"])
    assert "ARGS kept as written: the instruction has no slot 'unicorn'" in result.output


def test_bind_args_fills_a_role_only_one_object_can_fill():
    from aspire_tui.runner.program_args import bind_args
    from sim.episode import make_episode

    episode = make_episode("stack_two", 0)
    try:
        with pytest.raises(KeyError):  # two blocks: "obj" is ambiguous
            bind_args('ARGS = {"obj": "x"}\n', episode)
        source, slots = bind_args('ARGS = {"top": "x", "support": "y"}\n', episode)
        assert slots == {"top": "top", "support": "bottom"}
        assert source == f"ARGS = {{'top': {str(episode.scene.slots['top'])!r}, " \
                         f"'support': {str(episode.scene.slots['bottom'])!r}}}\n"
    finally:
        episode.close()
