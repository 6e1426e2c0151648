"""The conversation's table on the main screen: a mixin with ``/world``, ``/reset``, undoing a task, and the
turn the loop's worker takes (`aspire_tui.agent.conversation` does the work; this only wires it up).

The main screen supplies ``say``, ``note_error``, ``settings``, ``running``, ``on_agent_event`` and the app's
session. The conversation is saved in the session after every turn (``{"kind": "conversation", ...}``), so
``aspire -c`` resumes the table where it was.
"""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.text import Text

from aspire_tui.app.commands import CommandError
from aspire_tui.app.messages import AgentEvent, Note


class WorldCommands:
    """``/world``, ``/reset`` and the world half of ``/undo``; the conversation the typed turns go to."""

    _conversation = None

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

    def cmd_world(self, args: str) -> None:
        """List the objects on the table: where each is, what it rests in or on, what the arm holds."""
        from aspire_tui.agent.conversation import describe_world

        talk = self.conversation
        lines = [escape(line) for line in describe_world(talk.world)]
        if talk.world is not None:
            lines.append(f"[dim]{len(talk.steps)} task(s) done on this table; /undo puts back the last, "
                         "/reset starts over[/]")
        self.say(Text.from_markup("\n".join(lines)))

    def cmd_reset(self, args: str) -> None:
        """/reset [start]: start over (the next task makes a new table); 'start': the first table again."""
        if args not in ("", "start"):
            raise CommandError("usage: /reset [start]")
        if self.running:
            raise CommandError("a task is running: wait for it, or press Esc to interrupt it")
        reply = self.conversation.reset(self.world_emit(), to_start=args == "start")
        self.save_conversation()
        self.say(Text(reply.line))

    def undo_world(self) -> bool:
        """Put the table back as it was before the last task; False when no task has changed it."""
        talk = self.conversation
        if not talk.steps:
            return False
        if self.running:
            raise CommandError("a task is running: wait for it, or press Esc to interrupt it")
        reply = talk.undo(self.world_emit())
        self.save_conversation()
        self.say(Text(reply.line, style="green"))
        return True

    def world_emit(self):
        """An ``emit`` for changes made on the UI thread: shown and saved as the loop's events are."""
        def emit(event) -> None:
            self.app.session.add("event", event=event.to_dict())
            self.on_agent_event(AgentEvent(event))
        return emit

    def save_conversation(self) -> None:
        """Keep the conversation (its table and the tasks done on it) in the session, for ``aspire -c``."""
        self.app.session.add("conversation", conversation=self.conversation.to_dict())

    def take_turn(self, text: str, coder, library, emit) -> None:
        """From the loop's worker thread: one turn of the conversation; its line goes up as a note."""
        from aspire_tui.agent.conversation import Setup

        s = self.settings
        setup = Setup(coder=coder, library=library, emit=emit, model=s.model, validate=s.validate,
                      max_iterations=s.max_iterations, timeout=s.timeout, stop=self._cancel, frames=True,
                      scene=s.scene, seed=s.seed)
        reply = self.conversation.say(text, setup)
        self.save_conversation()
        if reply.kind == "refused":
            self.post_message(Note(reply.line, "error"))
        elif reply.kind == "undo":
            self.post_message(Note(Text(reply.line, style="green")))
        elif reply.kind == "task" and not reply.ok and reply.line != getattr(reply.result, "message", ""):
            self.post_message(Note(reply.line, "warning"))  # what the table came to (the loop said the rest)

    def restore_conversation(self, data: dict[str, Any] | None) -> None:
        """The table a saved session left (``aspire -c``)."""
        from aspire_tui.agent.conversation import Conversation
        from sim.errors import TaskError

        if not data:
            return
        try:
            self.conversation = Conversation.from_dict(data)
        except (TaskError, KeyError, ValueError, TypeError) as e:
            self.note_error(f"the saved table could not be read ({e}); the next task makes a new one")
