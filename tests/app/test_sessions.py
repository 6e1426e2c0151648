"""Sessions: every conversation is saved; ``aspire -c`` continues the last, ``--resume`` picks one."""

from __future__ import annotations

import subprocess

import pytest

from aspire_tui.app.app import AspireApp, Settings
from aspire_tui.app.history import History
from aspire_tui.app.screens.sessions import SessionsScreen
from aspire_tui.app.session import Session, list_sessions
from aspire_tui.app.widgets.frame_pane import FramePane
from aspire_tui.app.widgets.program_pane import ProgramPane
from aspire_tui.app.widgets.status_line import StatusLine
from aspire_tui.app.widgets.trace_table import TraceTable

from .test_app import TASK, log_text, submit, wait_for

pytestmark = pytest.mark.anyio


def resumed_app(tmp_path, resume: str) -> AspireApp:
    return AspireApp(Settings(validate=1, max_iterations=3), History(tmp_path / "history"), resume=resume)


async def test_continue_restores_program_trace_frame_and_scene(make_app, home, tmp_path):
    """A task run in one app is back in the next with ``-c``: log, program, trace rows with full records,
    a keyframe and the scene; a new task goes on in the same session file."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        await submit(pilot, "/seed 20")
        await submit(pilot, TASK)
        await wait_for(pilot, lambda: not app.main.running)
        program = app.main.query_one(ProgramPane).text
        rows = app.main.query_one(TraceTable).row_count
    [saved] = list_sessions(home / ".aspire")
    assert saved.info().title == TASK and saved.info().tasks == 1
    # sessions and input history live in the library's ignored state folder, not as untracked skill files
    assert subprocess.run(["git", "-C", str(home), "status", "--porcelain"], capture_output=True, text=True,
                          check=True).stdout == ""

    app = resumed_app(tmp_path, "last")
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: "resumed conversation" in log_text(app), timeout=30)
        table = app.main.query_one(TraceTable)
        await wait_for(pilot, lambda: any("args" in d for d in table.calls.values()), timeout=30)
        text = log_text(app)
        assert f"> {TASK}" in text and "succeeded" in text and "done validated 1/1" in text
        assert app.main.query_one(ProgramPane).text == program
        assert table.row_count == rows
        await wait_for(pilot, lambda: app.main.query_one(FramePane).frame is not None, timeout=30)
        status = app.main.query_one(StatusLine)
        assert status.scene == "pick_place_bowl" and status.seed == "20" and app.settings.seed == 20
        assert app.session.path == saved.path
        await submit(pilot, "/runs")
        await wait_for(pilot, lambda: "in_red_block_green_bowl seed 20" in log_text(app), timeout=30)
    assert [s.path for s in list_sessions(home / ".aspire")] == [saved.path]  # continued, not a new file
    assert saved.entries()[-1]["kind"] == "note" and "in_red_block_green_bowl seed 20" in saved.entries()[-1]["text"]


async def test_resume_lists_sessions_and_restores_the_one_picked(sessions_dir, tmp_path):
    """``--resume`` shows each saved conversation by its first task; Enter on the second restores that one."""
    older = Session(sessions_dir / "20250101-100000-aaaaaa.jsonl")
    older.add("task", text="stack the blue block on the red block", settings={"scene": "stack", "seed": 3})
    older.add("event", event={"event": "task_started", "instruction": "stack the blue block on the red block",
                              "scene": "stack", "seed": 3, "coder": "offline", "goal": {}, "library": ""})
    older.add("note", text="an old note", severity="information")
    newer = Session(sessions_dir / "20250102-100000-bbbbbb.jsonl")
    newer.add("task", text="put the red block in the green bowl", settings={})
    app = resumed_app(tmp_path, "pick")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SessionsScreen), timeout=10)
        assert "stack the blue block" in str(app.screen.query_one("OptionList").get_option_at_index(1).prompt)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: "resumed conversation" in log_text(app), timeout=10)
        assert "> stack the blue block on the red block" in log_text(app) and "an old note" in log_text(app)
        assert app.settings.scene == "stack" and app.main.query_one(StatusLine).scene == "stack"
        assert app.session.path == older.path


async def test_resume_escape_starts_a_new_conversation(sessions_dir, tmp_path):
    Session(sessions_dir / "20250101-100000-aaaaaa.jsonl").add("task", text="pick up the ball")
    app = resumed_app(tmp_path, "pick")
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SessionsScreen), timeout=10)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main and "pick up the ball" not in log_text(app)


async def test_continue_with_no_saved_session_says_so(home, tmp_path):
    app = resumed_app(tmp_path, "last")
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: "no saved conversation" in log_text(app), timeout=10)


def test_a_torn_last_line_is_skipped(tmp_path):
    """The app killed mid-write leaves half a line; the session still opens with what came before."""
    s = Session(tmp_path / "s.jsonl")
    s.add("task", text="pick up the ball")
    with s.path.open("a") as f:
        f.write('{"kind": "note", "te')
    assert [e["kind"] for e in s.entries()] == ["task"]


async def test_state_is_kept_in_the_library_it_is_about(home, tmp_path):
    """With --library elsewhere, history and sessions go to that library's .aspire/, and nothing to the
    default home (a folder left there would stop the default library being created later)."""
    lib = tmp_path / "robot-skills"
    app = AspireApp(Settings(library=str(lib)))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head, timeout=60)
        await submit(pilot, "/runs")
        await wait_for(pilot, lambda: "no runs yet" in log_text(app), timeout=30)
    assert (lib / ".aspire" / "history").read_text() == "/runs\n"
    assert [s.entries()[-1]["text"] for s in list_sessions(lib / ".aspire")] == ["no runs yet"]
    assert not home.exists()
