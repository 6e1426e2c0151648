"""`aspire evolve` from the command line: bad input in one line, JSON events, Ctrl-C then resume."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ASPIRE = str(Path(sys.executable).parent / "aspire")


def aspire(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([ASPIRE, *args], capture_output=True, text=True, timeout=timeout)


def test_bad_input_is_one_line(tmp_path):
    """Unknown family, no task, and --address without Ray: each a single 'Error:' line, nothing run."""
    lib = str(tmp_path / "lib")
    done = aspire("evolve", "--family", "stak_two", "--library", lib)
    assert done.returncode == 1 and done.stderr.strip() == "Error: unknown task family 'stak_two'; see `aspire tasks`"
    done = aspire("evolve", "--library", lib)
    assert done.returncode == 2 and "give exactly one of TASK, --family F or --all" in done.stderr
    done = aspire("evolve", "--family", "stack_two", "--address", "127.0.0.1:6379", "--library", lib)
    assert done.returncode == 1 and done.stderr.strip() == "Error: --address is for --backend ray"


@pytest.mark.slow  # a search interrupted and resumed
def test_ctrl_c_then_the_same_command_resumes(tmp_path):
    """SIGINT mid-generation exits 130 with the state saved; running the command again resumes generation 0."""
    args = ["evolve", "--family", "navigate_goal", "--population", "2", "--generations", "1", "--debug-seeds", "2",
            "--selection-seeds", "1", "--target", "0.9", "--json", "--library", str(tmp_path / "lib")]
    proc = subprocess.Popen([ASPIRE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if json.loads(line)["event"] == "episode_finished":
                proc.send_signal(signal.SIGINT)
                break
        proc.wait(120)
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = proc.stderr.read()
    assert proc.returncode == 130, stderr[-2000:]
    assert "interrupted: the search's state is saved" in stderr
    state = next((tmp_path / "lib" / "runs" / "evolve").glob("navigate_goal-*.json"))
    assert json.loads(state.read_text())["status"] == "running"

    done = aspire(*args)
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0, done.stderr[-1000:]
    assert events[0]["event"] == "search_started" and events[0]["resumed_at"] == 0
    assert events[-1]["event"] == "search_finished"
    assert json.loads(state.read_text())["status"] == "done"
