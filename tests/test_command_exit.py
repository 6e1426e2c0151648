"""The `aspire` command ends without Python's teardown (`aspire_tui.cli.main`): its output must still be whole
and its exit code the command's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ASPIRE = Path(sys.executable).with_name("aspire")


def _aspire(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASPIRE_HOME": str(home), "COLUMNS": "120"}
    return subprocess.run([str(ASPIRE), *args], capture_output=True, text=True, env=env, timeout=120)


def test_a_long_listing_sent_to_a_pipe_arrives_whole(tmp_path):
    from sim.tasks import list_tasks

    done = _aspire("tasks", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert all(spec.name in done.stdout for spec in list_tasks())  # the last family listed too


def test_a_refusal_keeps_its_line_and_its_exit_code(tmp_path):
    done = _aspire("run", "make the red block round", home=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("Error:") and len(done.stderr.strip().splitlines()) == 1
    assert _aspire("no-such-command", home=tmp_path).returncode == 2


# prints, as the command ends, how many BLAS threads the `aspire` process was left to start
SHOW_THREADS = """
import atexit, os, sys
sys.argv = ["aspire", "--version"]
atexit.register(lambda: print("threads", os.environ.get("OPENBLAS_NUM_THREADS")))
from aspire_tui.cli import main
main()
"""


def test_the_command_keeps_one_blas_thread_unless_told_otherwise(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", SHOW_THREADS], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and "threads 1" in done.stdout, done.stderr
    done = subprocess.run([sys.executable, "-c", SHOW_THREADS], capture_output=True, text=True,
                          env={**env, "OPENBLAS_NUM_THREADS": "4"}, timeout=60)
    assert "threads 4" in done.stdout  # a person's own setting wins
