"""`AspireApp`: settings, keys and the command palette; the main screen does the work."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from aspire_tui.app.history import History

QUIT_WINDOW_S = 2.0


@dataclass
class Settings:
    """What the next task runs with; slash commands change it."""

    library: str | None = None
    model: str | None = None
    scene: str | None = None
    seed: int | None = None
    validate: int = 5
    max_iterations: int = 10
    timeout: float = 60.0

    @property
    def library_display(self) -> str:
        return self.library or "$ASPIRE_HOME"


class AspireApp(App):
    """``aspire`` with no arguments."""

    TITLE = "aspire"
    BINDINGS = [
        Binding("escape", "interrupt", "interrupt", priority=True),
        Binding("ctrl+c", "ctrl_c", "quit", priority=True, show=False),
        Binding("f2", "skills", "skills"),
    ]

    def __init__(self, settings: Settings | None = None, history: History | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        if history is None:
            from aspire_tui.runner.paths import default_home

            history = History(default_home() / "history")
        self.history = history
        self._last_ctrl_c = 0.0

    def on_mount(self) -> None:
        from aspire_tui.app.screens.main import MainScreen

        self.push_screen(MainScreen())

    @property
    def main(self):
        from aspire_tui.app.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def action_interrupt(self) -> None:
        """Esc: interrupt the loop; on another screen, go back."""
        if len(self.screen_stack) > 2:
            self.pop_screen()
            return
        main = self.main
        if main is None or not main.interrupt():
            self.notify("nothing is running", timeout=2)

    def action_ctrl_c(self) -> None:
        now = time.monotonic()
        if now - self._last_ctrl_c < QUIT_WINDOW_S:
            self.action_quit_now()
            return
        self._last_ctrl_c = now
        self.notify("press Ctrl+C again to quit", timeout=QUIT_WINDOW_S)

    def action_quit_now(self) -> None:
        main = self.main
        if main is not None:
            main.interrupt()
        self.exit()

    def action_skills(self) -> None:
        if self.main is not None and self.screen is self.main:
            self.main.open_skills()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main
        if main is None:
            return
        for name in main.command_names():
            yield SystemCommand(f"/{name}", main.command_help(name), partial(self._palette, name))

    def _palette(self, name: str) -> None:
        """Commands without arguments run; the others are put in the input to finish."""
        from aspire_tui.app.widgets.prompt_input import PromptInput

        main = self.main
        if name in ("help", "skills", "runs", "clear", "quit", "undo"):
            main.run_command(f"/{name}")
            return
        prompt = main.query_one(PromptInput)
        prompt.value = f"/{name} "
        prompt.cursor_position = len(prompt.value)
        prompt.focus()


def run_app(library: str | None = None, model: str | None = None, scene: str | None = None) -> None:
    """Open the app (blocking)."""
    AspireApp(Settings(library=library, model=model, scene=scene)).run()
