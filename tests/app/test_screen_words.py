"""What the main screen says is whole and in order: commands are echoed, /undo refuses before it asks and
asks in full, a refused task leaves no old program behind, and the status line says what the loop is doing."""

from __future__ import annotations

import pytest

from aspire_tui.app.screens.confirm import ConfirmScreen
from aspire_tui.app.widgets.program_pane import ProgramPane
from aspire_tui.app.widgets.status_line import StatusLine

from .test_app import log_text, submit, wait_for

pytestmark = pytest.mark.anyio


async def test_slash_commands_are_echoed_in_the_log(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await submit(pilot, "/seed 3")
        assert "> /seed 3\nseed 3" in log_text(app)


async def test_undo_of_an_unknown_skill_is_refused_without_a_question(make_app):
    """/undo asked y/n first and only then said the undo was impossible."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        await submit(pilot, "/undo no_such_skill")
        await wait_for(pilot, lambda: "cannot undo no_such_skill" in log_text(app), timeout=30)
        assert not isinstance(app.screen, ConfirmScreen)


async def test_the_undo_question_names_the_commit_and_is_shown_whole(make_app):
    """The dialog's text was cut at its border (``…(a new commit; y/n``); it wraps now."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        await submit(pilot, "/undo pick")     # the seed commit added it, and other skills use it: refused
        await wait_for(pilot, lambda: "cannot undo pick" in log_text(app), timeout=30)
        assert "place_in" in log_text(app) and not isinstance(app.screen, ConfirmScreen)
        await submit(pilot, "/undo push_to_zone")   # nothing uses it: asked, naming the commit
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), timeout=30)
        await pilot.pause()
        question = app.screen.question
        assert question.startswith("Revert ") and "Seed the skill library" in question and question.endswith("(y/n)")
        label = app.screen.query_one("Label")
        assert label.size.height >= 2 and label.size.width <= app.screen.query_one("Vertical").content_size.width
        shown = "".join(strip.text for strip in label.render_lines(label.region.reset_offset))
        assert "(y/n)" in shown
        await pilot.press("n")
        await pilot.pause()
        assert "undo of push_to_zone cancelled" in log_text(app)


async def test_a_refused_task_leaves_no_program_from_the_last_one(make_app):
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        program = app.main.query_one(ProgramPane)
        program.show_program("def run(robot):\n    robot.home()\n", "program  iteration 1")
        await submit(pilot, "fly to the moon")
        await wait_for(pilot, lambda: not app.main.running, timeout=60)
        assert "impossible" in log_text(app)
        assert program.showing == "" and "robot.home" not in str(program.query_one("#program-text").render())
        assert "no program" in str(program.query_one("#program-text").render())


async def test_the_status_line_says_what_the_loop_does_while_it_starts(make_app):
    """The first task showed only "running" for seconds while the workers started."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_for(pilot, lambda: app.main.query_one(StatusLine).head)
        status = app.main.query_one(StatusLine)
        seen: list[str] = []
        set_phase = app.main.set_phase

        def record(phase: str) -> None:
            set_phase(phase)
            seen.append(status.state.split("…")[0])
        app.main.set_phase = record
        await submit(pilot, "put the red block in the green bowl")
        await wait_for(pilot, lambda: not app.main.running)
        assert seen[:3] == ["loading the agent", "opening the library", "reading the words"], seen
        assert seen.index("starting the simulation") < seen.index("running"), seen
        assert status.state == "ready"
