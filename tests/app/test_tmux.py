"""`aspire` in a real terminal (tmux): it draws the main screen, and Ctrl+C twice quits with status 0."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ASPIRE = Path(sys.executable).parent / "aspire"


def _capture(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def _wait(session: str, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = _capture(session)
        if text in screen:
            return screen
        time.sleep(0.2)
    size = subprocess.run(["tmux", "display", "-p", "-t", session, "#{window_width}x#{window_height}"],
                          capture_output=True, text=True).stdout.strip()
    raise AssertionError(f"{text!r} never appeared ({size}):\n{_capture(session)}")


def test_aspire_starts_and_quits_cleanly_in_tmux(tmp_path):
    session = f"aspire-test-{tmp_path.name}"[:40]
    rc_file = tmp_path / "rc"
    cmd = f"unset COLUMNS LINES; ASPIRE_HOME={tmp_path / 'home'} {ASPIRE}; echo $? > {rc_file}; sleep 30"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd], check=True,
                   stdin=subprocess.DEVNULL)  # a tty on stdin would set the window size instead
    subprocess.run(["tmux", "resize-window", "-t", session, "-x", "120", "-y", "40"], capture_output=True)
    try:
        _wait(session, "type a task for the robot")
        _wait(session, "home@")  # the seeded library and its HEAD on the status line
        subprocess.run(["tmux", "send-keys", "-t", session, "/hlep", "Enter"], check=True)
        _wait(session, "did you mean /help?")
        subprocess.run(["tmux", "send-keys", "-t", session, "C-c"], check=True)
        _wait(session, "press Ctrl+C again to quit")
        subprocess.run(["tmux", "send-keys", "-t", session, "C-c"], check=True)
        deadline = time.monotonic() + 15
        while not rc_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert rc_file.read_text().strip() == "0"
        assert "Traceback" not in _capture(session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
