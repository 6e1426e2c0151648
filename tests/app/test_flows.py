"""The issue's flows with Pilot, on a real library (git, index) and real workers: edit a skill and see the
commit, undo it, search, replay a failing run, themes, small terminals, Ctrl+C, and bad input."""

from __future__ import annotations

import shutil
import stat
import sys
import textwrap

import pytest

from aspire_tui.app.screens.confirm import ConfirmScreen
from aspire_tui.app.screens.replay import ReplayScreen
from aspire_tui.app.screens.too_small import TooSmallScreen
from aspire_tui.app.widgets.call_detail import CallDetail
from aspire_tui.app.widgets.status_line import StatusLine
from aspire_tui.app.widgets.trace_table import TraceTable
from aspire_tui.skills.library import Library

from .test_app import TASK, log_text, submit, wait_for

pytestmark = pytest.mark.anyio


def editor(tmp_path, monkeypatch, body: str) -> None:
    """$EDITOR as a script that changes the file it is given the way ``body`` says (``path`` is the file)."""
    script = tmp_path / "editor.py"
    script.write_text(f"#!{sys.executable}\nimport sys\npath = sys.argv[1]\n" + textwrap.dedent(body))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)


def head_of(home) -> str:
    lib = Library.open(None)
    try:
        return lib.repo.head_sha()
    finally:
        lib.close()


async def test_edit_is_committed_as_the_person_and_undo_reverts_it(make_app, home, tmp_path, monkeypatch):
    """/edit opens $EDITOR on the skill; the save is a human-edit commit (shown, HEAD on the status line
    moves); /undo asks, then reverts it with a new commit."""
    editor(tmp_path, monkeypatch, "open(path, 'a').write('\\n# slower approach over clutter (tuned by hand)\\n')\n")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        before = app.main.query_one(StatusLine).head
        await submit(pilot, "/edit pick")
        await wait_for(pilot, lambda: "committed human-edit pick" in log_text(app), timeout=60)
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head != before, timeout=30)
        lib = Library.open(None)
        try:
            last = lib.log("pick", limit=1)[0]
            assert last.summary == "Edit skill pick by hand" and last.author != "aspire-agent"
            assert "tuned by hand" in lib.source("pick")
        finally:
            lib.close()

        await submit(pilot, "/undo pick")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), timeout=10)
        await pilot.press("y")
        await wait_for(pilot, lambda: "reverted pick" in log_text(app), timeout=60)
        lib = Library.open(None)
        try:
            assert "tuned by hand" not in lib.source("pick")
            assert lib.log("pick", limit=1)[0].sha != last.sha  # a new commit, history kept
        finally:
            lib.close()


async def test_undo_answered_no_changes_nothing(make_app, home):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        head = head_of(home)
        # push_to_zone: no other skill uses it, so the undo is possible and asked (pick's would be refused)
        await submit(pilot, "/undo push_to_zone")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), timeout=30)
        await pilot.press("escape")
        await wait_for(pilot, lambda: "undo of push_to_zone cancelled" in log_text(app), timeout=10)
        assert head_of(home) == head


async def test_an_edit_that_no_longer_parses_is_refused_with_a_clear_message(make_app, home, tmp_path,
                                                                             monkeypatch):
    """A save that breaks the file: one line says why and that the last good version stays; no commit."""
    editor(tmp_path, monkeypatch, "open(path, 'a').write('\\ndef broken(:\\n')\n")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        head = head_of(home)
        await submit(pilot, "/edit pick")
        await wait_for(pilot, lambda: "pick not committed" in log_text(app), timeout=60)
        line = next(ln for ln in log_text(app).splitlines() if "pick not committed" in ln)
        assert "last good version stays in use" in line and "/edit pick" in line
        assert head_of(home) == head
        await submit(pilot, "/help")  # still up and answering
        assert "/edit SKILL" in log_text(app)


async def test_edit_of_an_unknown_skill_or_with_no_editor_is_one_line(make_app, home, monkeypatch):
    monkeypatch.setenv("EDITOR", "/no/such/editor")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await submit(pilot, "/edit no_such_skill")
        await wait_for(pilot, lambda: "no_such_skill" in log_text(app), timeout=30)
        await submit(pilot, "/edit pick")
        await wait_for(pilot, lambda: "could not run the editor '/no/such/editor'" in log_text(app), timeout=30)


async def test_search_lists_matching_skills(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await submit(pilot, "/search pick up an object")
        # a line of its own: the echoed command ("> /search pick up an object") holds "pick " too
        await wait_for(pilot, lambda: "\npick " in log_text(app), timeout=60)
        assert "program" in log_text(app)


async def test_replay_of_a_failing_run_starts_at_the_failing_call(make_app, home):
    """A run that failed: the replay opens on its failing call, highlighted, with its evidence; f returns to it."""
    from aspire_tui.runner import run_program

    lib = Library.open(None)
    try:
        trace = run_program("def run(robot):\n    robot.home()\n    robot.get_object_pose('purple unicorn')\n",
                            "pick_place_bowl", 0, runs_dir=lib.runs_dir, skills_dir=lib.skills_dir, timeout=30)
    finally:
        lib.close()
    assert trace.outcome == "failed"
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await submit(pilot, f"/replay {trace.run_id}")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen), timeout=30)
        await pilot.pause()
        table = app.screen.query_one(TraceTable)
        assert table.cursor_row == 1 and table.failed_keys == [f"1:0:1"]
        assert "ObjectNotFound" in str(app.screen.query_one(CallDetail).render())
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0
        await pilot.press("f")
        await pilot.pause()
        assert table.cursor_row == 1


async def test_replay_of_an_unknown_run_is_one_line(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await submit(pilot, "/replay 1999")
        await wait_for(pilot, lambda: "no run '1999'" in log_text(app), timeout=30)
        assert app.screen is app.main


async def test_model_error_mid_run_is_one_line_and_the_app_stays_up(make_app, failing_model):
    """A remote model that fails while the loop runs: one clear line, state back to ready, no crash."""
    app = make_app(model="failing")
    async with app.run_test(size=(140, 40)) as pilot:
        await submit(pilot, TASK)
        await wait_for(pilot, lambda: not app.main.running, timeout=60)
        line = next(ln for ln in log_text(app).splitlines() if "503" in ln)
        assert "model 'failing' failed" in line and "\n" not in line
        assert app.main.query_one(StatusLine).state == "ready"


async def test_library_that_is_not_a_git_repo_is_one_line(make_app, tmp_path):
    stray = tmp_path / "photos"
    stray.mkdir()
    (stray / "cat.jpg").write_text("not a skill")
    app = make_app(library=str(stray))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: "library:" in log_text(app), timeout=30)
        assert "is not empty and is not a skill library" in log_text(app)
        await submit(pilot, TASK)  # a task on it fails the same way, in one line, without a crash
        await wait_for(pilot, lambda: not app.main.running, timeout=30)
        assert log_text(app).count("is not empty and is not a skill library") >= 2


async def test_missing_library_path_is_created_and_seeded(make_app, tmp_path):
    app = make_app(library=str(tmp_path / "new" / "lib"))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head, timeout=60)
        assert (tmp_path / "new" / "lib" / ".git").is_dir()


async def test_newer_shipped_seeds_are_mentioned_on_open(make_app, home, tmp_path, monkeypatch):
    """A library seeded by an older aspire hears, once, which shipped seeds it could take."""
    from aspire_tui.skills import seeds
    from aspire_tui.skills.layout import seed_dir

    Library.open(None).close()
    newer = tmp_path / "newer_release"
    shutil.copytree(seed_dir(), newer)
    pick = newer / "skills" / "pick.py"
    pick.write_text(pick.read_text().replace("clear of the table.", "clear of the table, gently.", 1))
    monkeypatch.setattr(seeds, "seed_dir", lambda: newer)
    app = make_app()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: "newer seed skills ship with aspire: pick." in log_text(app), timeout=30)
        assert "aspire skills seeds --update" in log_text(app)


async def test_a_too_small_terminal_gets_a_message_until_it_grows(make_app):
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "at least 60x16; this one is 50x12" in app.screen.size_text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is app.main


async def test_theme_command_switches_light_and_dark(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await submit(pilot, "/theme light")
        assert app.theme == "textual-light" and not app.current_theme.dark
        await submit(pilot, "/theme dark")
        assert app.current_theme.dark
        await submit(pilot, "/theme plaid")
        assert "usage: /theme dark|light|NAME" in log_text(app)


async def test_ctrl_c_twice_quits_once_warns(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("protocol", ["sixel", "tgp"])
async def test_frames_draw_as_real_pixels_where_the_terminal_can(make_app, protocol):
    """With sixel or kitty graphics the camera pane hands each frame's pixels to textual-image, and paints."""
    from aspire_tui.app.messages import FrameReady
    from aspire_tui.app.widgets.frame_pane import FramePane

    app = make_app()
    app.pixels = protocol
    async with app.run_test(size=(140, 40)) as pilot:
        pane = app.main.query_one(FramePane)
        rgb = bytes(range(256)) * (64 * 48 * 3 // 256)
        pane.frame = FrameReady(rgb, 64, 48, step=3, live=True)
        await pilot.pause()
        image = pane.query_one("#pixels").image
        # the pixels are the frame cropped to the pane's shape (as the half-blocks are), so they fill it
        from aspire_tui.app.frames import crop

        x0, y0, x1, y1 = pane.box
        assert image.size == (round(x1) - round(x0), round(y1) - round(y0))
        assert image.tobytes() == crop(rgb, 64, 48, pane.box).tobytes()
        size = pane.content_size
        assert image.size[0] / image.size[1] == pytest.approx(size.width / (2 * size.height), rel=0.05)
        assert pane.frames_painted == 1 and "live  call #3" in pane.border_title


async def test_goal_says_the_reading_and_writes_a_task_file_that_scene_then_runs(make_app, home):
    """/goal shows what words would be read as and writes the task file they make; the person edits it
    and /scene FILE makes it the scene of the next task. Words that cannot be done get one line."""
    from sim.taskspec import load_task_file

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await submit(pilot, "/goal put the block closest to the red bowl in the green bowl")
        await wait_for(pilot, lambda: "task file " in log_text(app), timeout=30)
        text = log_text(app)
        assert "goal: in(nearest(block, red bowl), green bowl)" in text
        path = text.split("task file ", 1)[1].split(":", 1)[0]
        assert load_task_file(path).success_text.startswith("in(nearest_block, green_bowl")
        await submit(pilot, f"/scene {path}")
        assert app.settings.scene == path
        await submit(pilot, "/goal make the red block round")
        await wait_for(pilot, lambda: "impossible: the robot cannot change" in log_text(app), timeout=30)
