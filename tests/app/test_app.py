"""The app with Pilot: tasks run in a worker, commands answer, failures are shown once and kept."""

from __future__ import annotations

import asyncio
import time

import pytest

from aspire_tui.agent import events as ev
from aspire_tui.app.messages import AgentEvent
from aspire_tui.app.screens.replay import ReplayScreen
from aspire_tui.app.widgets.call_detail import CallDetail
from aspire_tui.app.widgets.conversation import Conversation
from aspire_tui.app.widgets.frame_pane import FramePane
from aspire_tui.app.widgets.status_line import StatusLine
from aspire_tui.app.widgets.trace_table import FAIL_STYLE, TraceTable

pytestmark = pytest.mark.anyio

TASK = "put the red block in the green bowl"


async def wait_for(pilot, predicate, timeout: float = 120.0) -> None:
    """Let the app run until ``predicate()`` holds (raises on timeout)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.1)
        await asyncio.sleep(0)


async def submit(pilot, text: str) -> None:
    from aspire_tui.app.widgets.prompt_input import PromptInput

    pilot.app.main.query_one(PromptInput).value = text
    await pilot.press("enter")
    await pilot.pause()


def log_text(app) -> str:
    return app.main.query_one(Conversation).text()


async def test_task_succeeds_offline_and_fills_every_pane(make_app):
    """Typing a task runs the offline loop in a worker: log, program, frames, trace and status all fill."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)  # library seeded, HEAD known
        await submit(pilot, TASK)
        assert app.main.running
        await wait_for(pilot, lambda: not app.main.running)
        text = log_text(app)
        assert "task put the red block in the green bowl" in text
        assert "succeeded" in text and "done validated 1/1" in text
        table = app.main.query_one(TraceTable)
        assert table.row_count > 5 and not table.failed_keys
        assert any("args" in d for d in table.calls.values())  # the full trace was merged in
        assert app.main.query_one(FramePane).frame is not None
        status = app.main.query_one(StatusLine)
        assert status.scene == "pick_place_bowl" and status.iteration == 1 and status.state == "ready"

        # live frames streamed while the robot moved: more paints than keyframes (one a call) could give
        assert app.main.query_one(FramePane).frames_painted > table.row_count

        # the same run, listed and replayed on its own screen, stepped with the keys
        run_id = next(line.split()[-1] for line in text.splitlines() if line.startswith("succeeded"))
        await submit(pilot, "/runs")
        await wait_for(pilot, lambda: run_id + "  in_red_block_green_bowl seed " in log_text(app), timeout=30)
        await submit(pilot, f"/replay {run_id[:-2]}")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen), timeout=30)
        await pilot.pause()
        replay = app.screen
        assert replay.query_one(TraceTable).row_count == table.row_count
        assert replay.query_one(TraceTable).cursor_row == 0  # a run with no failure starts at its first call
        await pilot.press("right")
        await pilot.pause()
        assert replay.query_one(FramePane).frame.step == 1
        assert str(replay.query_one(CallDetail).render()).startswith("#1 ")
        await pilot.press("end")
        await pilot.pause()
        assert replay.query_one(FramePane).frame.step == table.row_count - 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


async def test_failing_call_is_highlighted_and_selected(make_app):
    """A failed call's row is styled as a failure, the cursor goes to it, and its evidence shows."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        for i, status in enumerate(["ok", "failed", "ok"]):
            err = {"type": "CollisionError", "message": "gripper hit green_bowl",
                   "evidence": {"bodies": ["gripper", "green_bowl"]}} if status == "failed" else None
            app.main.post_message(AgentEvent(ev.CallRecorded(1, 20, i, "move_to", status, f"move_to({i})", err)))
        await pilot.pause()
        table = app.main.query_one(TraceTable)
        assert table.failed_keys == ["1:20:1"]
        assert table.cursor_row == 1
        assert table.get_row_at(1)[2].style == FAIL_STYLE
        assert table.get_row_at(0)[2].style != FAIL_STYLE
        await pilot.pause()
        assert "CollisionError: gripper hit green_bowl" in str(app.main.query_one(CallDetail).render())
        assert "CollisionError" in log_text(app)


async def test_unknown_command_suggests_nearest(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await submit(pilot, "/serch red block")
        assert "unknown command /serch; did you mean /search?" in log_text(app)


async def test_help_lists_every_command(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await submit(pilot, "/help")
        text = log_text(app)
        for name in ("help", "scene", "seed", "model", "skills", "search", "show", "log", "undo", "replay",
                     "runs", "clear", "quit"):
            assert f"/{name}" in text
        assert "Esc interrupts" in text


async def test_empty_task_says_what_to_type(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await submit(pilot, "   ")
        assert "type a task for the robot" in log_text(app)
        assert not app.main.running


async def test_bad_library_path_is_one_line_and_app_stays_up(make_app, tmp_path):
    """A library path that is a file is reported in the log (and notified); the app keeps running."""
    bad = tmp_path / "not_a_folder"
    bad.write_text("x")
    app = make_app(library=str(bad))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: "library:" in log_text(app), timeout=30)
        assert "is a file, not a skill library folder" in log_text(app)
        assert app.main.query_one(StatusLine).library == "(no library)"
        await submit(pilot, "/help")
        assert "/undo" in log_text(app)


async def test_history_is_kept_and_persisted(make_app, tmp_path):
    app = make_app()
    async with app.run_test() as pilot:
        await submit(pilot, "/seed 7")
        await submit(pilot, "/help")
        await pilot.press("up", "up")
        from aspire_tui.app.widgets.prompt_input import PromptInput
        assert app.main.query_one(PromptInput).value == "/seed 7"
        assert app.settings.seed == 7
    assert (tmp_path / "history").read_text().splitlines() == ["/seed 7", "/help"]


@pytest.mark.parametrize("text, message", [("/seed x", "usage: /seed N"),
                                            ("/scene no_such_family", "no_such_family"),
                                            ("/undo", "nothing to undo")])
async def test_command_errors_are_one_line(make_app, text, message):
    app = make_app()
    async with app.run_test() as pilot:
        await submit(pilot, text)
        assert message in log_text(app)


async def test_esc_interrupts_the_running_loop(make_app):
    """Esc mid-episode: the run is cut at once (not at the loop's next event), nothing is committed,
    and the screen is ready for another task."""
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        head = app.main.query_one(StatusLine).head
        await submit(pilot, TASK)
        await wait_for(pilot, lambda: app.main.query_one(TraceTable).row_count >= 1)
        pressed = time.monotonic()
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.main.running, timeout=60)
        assert time.monotonic() - pressed < 3.0  # it took ~10 s when the loop only looked at its events
        assert "interrupted" in log_text(app)
        assert "done" not in log_text(app) and "committed" not in log_text(app)
        assert app.main.query_one(StatusLine).state == "interrupted"
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head, timeout=30)
        assert app.main.query_one(StatusLine).head == head


async def test_skills_screen_lists_skills_with_code_and_log(make_app):
    from textual.widgets import DataTable, Static

    from aspire_tui.app.screens.skills import SkillsScreen

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await submit(pilot, "/skills")
        assert isinstance(app.screen, SkillsScreen)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count > 5, timeout=60)
        await wait_for(pilot, lambda: app.screen.query_one("#skills-code").border_title, timeout=30)
        assert "Seed the skill library" in str(app.screen.query_one("#skills-history", Static).render())
        await pilot.press("escape")
        assert app.screen is app.main


async def test_palette_lists_slash_commands(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        titles = [c.title for c in app.get_system_commands(app.main)]
        assert {"/help", "/scene", "/undo", "/replay"} <= set(titles)
        next(c for c in app.get_system_commands(app.main) if c.title == "/scene").callback()
        await pilot.pause()
        from aspire_tui.app.widgets.prompt_input import PromptInput
        assert app.main.query_one(PromptInput).value == "/scene "


async def test_repair_shows_as_a_diff_in_the_program_pane(make_app):
    from aspire_tui.app.widgets.program_pane import ProgramPane

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        app.main.post_message(AgentEvent(ev.ProgramWritten(1, "def run(robot):\n    robot.home()\n")))
        app.main.post_message(AgentEvent(ev.RepairDiff(1, "-    robot.home()\n+    robot.release()\n",
                                                       ["add release"])))
        await pilot.pause()
        pane = app.main.query_one(ProgramPane)
        assert pane.border_title == "repair  iteration 1"
        assert pane.showing == "diff" and "+    robot.release()" in pane.text
        assert "robot.home()" in log_text(app) and "repair add release" in log_text(app)
