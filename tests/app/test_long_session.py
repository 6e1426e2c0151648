"""What the app keeps stays bounded over a long session (`bench/soak.py`): the conversation log's scrollback is
capped and its lines keep no screen copies (together about 0.4 MB a task before), and the input history keeps
as many entries as a new session loads."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from aspire_tui.app import history
from aspire_tui.app.history import History
from aspire_tui.app.widgets import conversation
from aspire_tui.app.widgets.conversation import Conversation

pytestmark = pytest.mark.anyio


class LogApp(App):
    def compose(self) -> ComposeResult:
        yield Conversation()


def screen_text(app: App) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_lines_once_on_screen_keep_no_copies_and_the_log_shows_the_newest(monkeypatch):
    monkeypatch.setattr(conversation, "MAX_LINES", 50)
    app = LogApp()
    async with app.run_test(size=(60, 12)) as pilot:
        log = app.query_one(Conversation)
        for i in range(120):
            log.say(f"line {i}")
            if i % 10 == 9:
                await pilot.pause()   # each batch is drawn, as a task's lines are
        await pilot.pause()
        assert len(log.lines) == 50 and "line 119" in screen_text(app) and "line 69" not in screen_text(app)
        log.scroll_home(animate=False)   # the oldest kept line is drawn again, from the stored line
        await pilot.pause()
        assert "line 70" in screen_text(app)
        # Strip caches each crop on the strip cropped; the log's stored lines must hold none of them (they
        # were 8 KB a screen line), only RichLog's own bounded line cache does
        assert not any(len(line._crop_extend_cache) for line in log.lines)


def test_history_keeps_the_newest_entries_a_session_would_load(tmp_path, monkeypatch):
    monkeypatch.setattr(history, "MAX_ENTRIES", 5)
    h = History(tmp_path / "history")
    for i in range(12):
        h.add(f"task {i}")
    assert h.entries == [f"task {i}" for i in range(7, 12)] and h.previous() == "task 11"
    assert History(tmp_path / "history").entries == h.entries   # the file keeps all; a new session loads these
