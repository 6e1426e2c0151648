"""The conversation's table on the main screen: a `Table` the screen holds, with the conversation, its
``/world`` and ``/reset``, undoing a task, and the turn the loop's worker takes (`aspire_tui.agent.conversation`
does the work; this only wires it up).

The conversation is saved in the app's session after every turn (``{"kind": "conversation", ...}``), so
``aspire -c`` resumes the table where it was.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text

from aspire_tui.app.commands import CommandError
from aspire_tui.app.messages import AgentEvent, Note


class Table:
    """The conversation the typed turns go to, held by the main screen (which is handed in: its events are
    shown through the screen's own handlers, and the worker's lines go up as its messages)."""

    def __init__(self, screen) -> None:
        self.screen = screen
        self._conversation = None

    @property
    def conversation(self):
        """The conversation this screen holds (made on first use: it pulls in the simulator)."""
        if self._conversation is None:
            from aspire_tui.agent.conversation import Conversation

            self._conversation = Conversation()
        return self._conversation

    @conversation.setter
    def conversation(self, value) -> None:
        self._conversation = value

    def describe(self) -> Text:
        """``/world``: the objects on the table, where each is, what it rests in or on, what the arm holds."""
        from aspire_tui.agent.conversation import describe_world

        talk = self.conversation
        lines = [escape(line) for line in describe_world(talk.world)]
        if talk.world is not None:
            lines.append(f"[dim]{len(talk.steps)} task(s) done on this table; /undo puts back the last, "
                         "/reset starts over[/]")
        return Text.from_markup("\n".join(lines))

    def reset(self, to_start: bool = False) -> str:
        """``/reset``: start over (or back to the first table); returns the line to show."""
        reply = self.conversation.reset(self.emit_here(), to_start=to_start)
        self.save()
        return reply.line

    def undo(self) -> bool:
        """Put the table back as it was before the last task; False when no task has changed it."""
        talk = self.conversation
        if not talk.steps:
            return False
        if self.screen.running:
            raise CommandError("a task is running: wait for it, or press Esc to interrupt it")
        reply = talk.undo(self.emit_here())
        self.save()
        self.screen.say(Text(reply.line, style="green"))
        return True

    def emit_here(self):
        """An ``emit`` for changes made on the UI thread: shown and saved as the loop's events are."""
        screen = self.screen

        def emit(event) -> None:
            screen.app.session.add("event", event=event.to_dict())
            screen.on_agent_event(AgentEvent(event))
        return emit

    def save(self) -> None:
        """Keep the conversation (its table and the tasks done on it) in the session, for ``aspire -c``."""
        self.screen.app.session.add("conversation", conversation=self.conversation.to_dict())

    def take_turn(self, text: str, coder, library, emit, stop) -> None:
        """From the loop's worker thread: one turn of the conversation; its line goes up as a note."""
        from aspire_tui.agent.conversation import Setup

        s = self.screen.settings
        setup = Setup(coder=coder, library=library, emit=emit, model=s.model, validate=s.validate,
                      max_iterations=s.max_iterations, timeout=s.timeout, stop=stop, frames=True,
                      scene=s.scene, seed=s.seed)
        reply = self.conversation.say(text, setup)
        self.save()
        post = self.screen.post_message   # thread-safe; nothing else of the screen is touched from here
        if reply.kind == "refused":
            post(Note(reply.line, "error"))
        elif reply.kind == "undo":
            post(Note(Text(reply.line, style="green")))
        elif reply.kind == "task" and not reply.ok and reply.line != getattr(reply.result, "message", ""):
            post(Note(reply.line, "warning"))  # what the table came to (the loop said the rest)

    def restore(self, data: dict[str, Any] | None) -> None:
        """The table a saved session left (``aspire -c``)."""
        from aspire_tui.agent.conversation import Conversation
        from sim.errors import TaskError

        if not data:
            return
        try:
            self.conversation = Conversation.from_dict(data)
        except (TaskError, KeyError, ValueError, TypeError) as e:
            self.screen.note_error(f"the saved table could not be read ({e}); the next task makes a new one")
