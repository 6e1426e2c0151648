"""`AspireApp`: settings, keys and the command palette; the main screen does the work."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from typing import Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from aspire_tui.app.history import History
from aspire_tui.app.session import Session, list_sessions, state_dir

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
    warm_up: bool = True   # read some words and load the embedding model at start, before the first task

    @property
    def library_display(self) -> str:
        return self.library or "$ASPIRE_HOME"


class AspireApp(App):
    """``aspire`` with no arguments."""

    TITLE = "aspire"
    BINDINGS = [
        Binding("escape", "interrupt", "interrupt / back", priority=True),
        Binding("ctrl+c", "ctrl_c", "quit", priority=True, show=False),
        Binding("f2", "skills", "skills"),
    ]

    def __init__(self, settings: Settings | None = None, history: History | None = None,
                 resume: str | None = None, pixels: str | None = None) -> None:
        """The app, with what the next task runs with and the input history.

        Args:
            resume: "last" continues the newest saved conversation (``aspire -c``), "pick" asks
                which (``aspire --resume``); None starts a new one.
            pixels: "sixel" or "tgp" to draw camera frames as real pixels (`pixel_protocol()`).
        """
        super().__init__()
        self.settings = settings or Settings()
        self.state = state_dir(self.settings.library)
        self.history = history if history is not None else History(self.state / "history")
        self.session = Session.new(self.state)   # replaced when a saved one is resumed
        self.resume = resume
        self.pixels = pixels
        self._last_ctrl_c = 0.0

    def on_mount(self) -> None:
        from aspire_tui.app.screens.main import MainScreen

        self.push_screen(MainScreen())
        if self.resume:
            self.call_after_refresh(self._resume)
        self.call_after_refresh(self._fit, self.size.width, self.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Cover every screen with a clear message while the terminal is too small to lay them out."""
        from aspire_tui.app.screens.too_small import TooSmallScreen, too_small

        covered = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height):
            if not covered:
                self.push_screen(TooSmallScreen(width, height))
            else:
                self.screen.show_size(width, height)
        elif covered:
            self.pop_screen()

    def _resume(self) -> None:
        sessions = list_sessions(self.state)
        if not sessions:
            self.main.note_error("no saved conversation to continue: this is a new one")
        elif self.resume == "last":
            self.main.restore(sessions[0])
        else:
            from aspire_tui.app.screens.sessions import SessionsScreen

            self.push_screen(SessionsScreen(sessions), lambda s: s is not None and self.main.restore(s))

    @property
    def main(self):
        from aspire_tui.app.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def action_interrupt(self) -> None:
        """Esc: interrupt the loop; on another screen, go back (a question is answered "no")."""
        from aspire_tui.app.screens.too_small import TooSmallScreen

        if isinstance(self.screen, TooSmallScreen):
            return
        if isinstance(self.screen, ModalScreen):
            self.screen.dismiss(None)
            return
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
        for name in main.commands.command_names():
            yield SystemCommand(f"/{name}", main.commands.command_help(name), partial(self._palette, name))

    def _palette(self, name: str) -> None:
        """Commands without arguments run; the others are put in the input to finish."""
        from aspire_tui.app.widgets.prompt_input import PromptInput

        main = self.main
        if name in ("help", "skills", "runs", "clear", "quit", "undo", "world"):
            main.commands.run(f"/{name}")
            return
        prompt = main.query_one(PromptInput)
        prompt.value = f"/{name} "
        prompt.cursor_position = len(prompt.value)
        prompt.focus()


def run_app(library: str | None = None, model: str | None = None, scene: str | None = None,
            resume: str | None = None) -> None:
    """Open the app (blocking); ``resume`` is "last" (``aspire -c``), "pick" (``--resume``) or None."""
    from aspire_tui.app.pixels import pixel_protocol

    AspireApp(Settings(library=library, model=model, scene=scene), resume=resume, pixels=pixel_protocol()).run()
