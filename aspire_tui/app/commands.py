"""Slash commands, Aider style: one `Commands` object the main screen holds; a method ``cmd_<name>`` is a
command and its docstring is the help line.
"""

from __future__ import annotations

import difflib
import inspect
from typing import Any

from rich.markup import escape
from rich.syntax import Syntax
from rich.text import Text

from aspire_tui.app.render import code_theme

THEMES = {"dark": "textual-dark", "light": "textual-light"}


class CommandError(Exception):
    """A command's one-line error for the user."""


class Commands:
    """Dispatch ``/name args`` to ``cmd_name(args)``; unknown names suggest the nearest.

    The screen that holds it is handed in (Aider's ``Commands(io, coder)``): commands speak and start work
    through the screen's methods (`say`, `note_error`, `library_job`, ...) and its table (`Table`), and change
    the app's settings; they hold no widget and no state of their own.
    """

    def __init__(self, screen) -> None:
        self.screen = screen

    @property
    def app(self):
        return self.screen.app

    @property
    def settings(self):
        return self.screen.settings

    def say(self, renderable: Any) -> None:
        self.screen.say(renderable)

    @classmethod
    def command_names(cls) -> list[str]:
        return sorted(n[4:] for n, v in inspect.getmembers(cls) if n.startswith("cmd_") and callable(v))

    @classmethod
    def command_help(cls, name: str) -> str:
        doc = inspect.getdoc(getattr(cls, f"cmd_{name}")) or ""
        return doc.splitlines()[0] if doc else ""

    def run(self, text: str) -> None:
        """Run one slash command line; errors become one line in the log."""
        name, _, args = text.lstrip("/").partition(" ")
        name, args = name.strip().lower(), args.strip()
        if name not in self.command_names():
            near = difflib.get_close_matches(name, self.command_names(), n=1, cutoff=0.5)
            hint = f"; did you mean /{near[0]}?" if near else "; /help lists the commands"
            self.screen.note_error(f"unknown command /{name}{hint}")
            return
        try:
            getattr(self, f"cmd_{name}")(args)
        except CommandError as e:
            self.screen.note_error(str(e))

    # ------------------------------------------------------------ commands

    def cmd_help(self, args: str) -> None:
        """List the slash commands and keys."""
        lines = []
        for n in self.command_names():
            usage, _, rest = self.command_help(n).partition(": ")
            if usage.startswith(f"/{n}") and rest:   # "/scene FAMILY [SEED]: what it does"
                lines.append(f"[bold]{escape(usage)}[/]  {escape(rest)}")
            else:
                lines.append(f"[bold]/{n}[/]  {escape(self.command_help(n))}")
        lines += ["", "[bold]keys[/] Enter runs a task or command, Up/Down history, Esc interrupts the loop, "
                  "Ctrl+P command palette, F2 skills, Ctrl+C twice quits",
                  "[dim]type a task in plain words, e.g. put the red block in the green bowl, or ask about the "
                  "table (how many blocks are in the green bowl?); every conversation is saved with its table: "
                  "aspire -c continues the last, aspire --resume picks one[/]"]
        self.say(Text.from_markup("\n".join(lines)))

    def cmd_goal(self, args: str) -> None:
        """/goal WORDS: what WORDS would be read as, and the task file they make (edit it, then /scene FILE)."""
        from pathlib import Path

        from aspire_tui.agent.events import goal_line
        from aspire_tui.agent.loop import AgentError, understand
        from aspire_tui.runner.paths import default_home

        if not args.strip():
            raise CommandError("usage: /goal WORDS  (e.g. /goal put the red block in the green bowl)")
        try:
            goal, spec = understand(args, model=self.settings.model)
        except AgentError as e:
            raise CommandError(str(e)) from None
        path = Path(spec.source)
        if goal.task_file:  # made from the words: a copy the person can edit, beside the library
            path = Path(self.settings.library or default_home()) / ".aspire" / "tasks" / f"{spec.name}.toml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(goal.task_file, encoding="utf-8")
        self.say(Text(f"{goal_line(goal.to_dict())}\ntask file {path}: edit it, then /scene {path}"))

    def cmd_scene(self, args: str) -> None:
        """/scene FAMILY [SEED]: the task family (or task .toml) for the next task; 'auto' guesses from the words."""
        parts = args.split()
        if not parts or len(parts) > 2:
            raise CommandError("usage: /scene FAMILY [SEED]  (aspire tasks lists the families)")
        family = parts[0]
        if family != "auto":
            from sim.errors import TaskError
            from sim.tasks import resolve_task

            try:
                family = resolve_task(family).name if not family.endswith(".toml") else family
            except TaskError as e:
                raise CommandError(str(e)) from None
        self.settings.scene = None if family == "auto" else family
        if len(parts) == 2:
            self.cmd_seed(parts[1])
        self.screen.settings_changed()
        table = "; the table stays as it is (/reset starts over on this scene)" \
            if self.screen.table.conversation.world is not None else ""
        self.say(Text(f"scene {family}" + (f" seed {self.settings.seed}" if self.settings.seed is not None else "")
                      + table))

    def cmd_seed(self, args: str) -> None:
        """/seed N: the debug scene's seed (0-9999); 'auto' picks the first scene that matches."""
        if args == "auto":
            self.settings.seed = None
        else:
            try:
                seed = int(args)
            except ValueError:
                raise CommandError("usage: /seed N  (a development seed, 0-9999)") from None
            if not 0 <= seed < 10_000:
                raise CommandError(f"seed {seed} is not a development seed (0-9999)")
            self.settings.seed = seed
        self.screen.settings_changed()
        self.say(Text(f"seed {args}"))

    def cmd_model(self, args: str) -> None:
        """/model NAME: the coder's model (an llm model id, or 'offline')."""
        if not args:
            raise CommandError(f"model is {self.settings.model or 'offline'}; usage: /model NAME")
        self.settings.model = None if args == "offline" else args
        self.screen.settings_changed()
        self.say(Text(f"model {args}"))

    def cmd_skills(self, args: str) -> None:
        """Open the skills screen: every skill with its success rate, code and git log."""
        self.screen.open_skills()

    def cmd_search(self, args: str) -> None:
        """/search QUERY: find skills for a task in everyday words."""
        if not args:
            raise CommandError("usage: /search QUERY")

        def job(lib) -> Any:
            refresh(lib)
            hits = lib.search(args, k=8)
            if not hits:
                return Text(f"no skills match {args!r}")
            return Text.from_markup("\n".join(f"[bold]{escape(h.name)}[/] [dim]{h.kind} {h.score:.3f}[/] "
                                              f"{escape(h.description)}" for h in hits))
        self.screen.library_job(job)

    def cmd_show(self, args: str) -> None:
        """/show SKILL: a skill's source."""
        if not args:
            raise CommandError("usage: /show SKILL")
        theme = code_theme(self.app.current_theme.dark)
        self.screen.library_job(lambda lib: Syntax(lib.source(args), "python" if not lib.path_of(args).endswith(".md")
                                            else "markdown", theme=theme, word_wrap=True))

    def cmd_log(self, args: str) -> None:
        """/log SKILL: the git history of a skill (who changed it, why)."""
        if not args:
            raise CommandError("usage: /log SKILL")

        def job(lib) -> Any:
            commits = lib.log(args, limit=20)
            if not commits:
                return Text(f"{args} has no commits")
            return Text.from_markup("\n".join(
                f"[yellow]{c.sha[:8]}[/] {escape(c.date[:16])} [dim]{escape(c.author)}[/] {escape(c.summary)}"
                for c in commits))
        self.screen.library_job(job)

    def cmd_edit(self, args: str) -> None:
        """/edit SKILL: open a skill in $EDITOR (the app steps aside); a valid save is committed as you."""
        if not args:
            raise CommandError("usage: /edit SKILL  (/skills lists them)")
        self.screen.find_skill_file(args)

    def cmd_undo(self, args: str) -> None:
        """/undo [SKILL]: put the table back as it was before the last task; /undo SKILL reverts a skill's last commit (after a yes)."""
        if not args and self.screen.table.undo():
            return  # the task's skill commit, if it made one, was offered in the line the undo said
        name = args or self.screen.last_committed
        if not name:
            raise CommandError("nothing to undo: no task changed the table and this session committed no skill "
                               "(use /undo SKILL)")
        self.screen.confirm_undo(name)

    def cmd_replay(self, args: str) -> None:
        """/replay RUN: step through a past run's calls and keyframes on their own screen."""
        if not args:
            raise CommandError("usage: /replay RUN  (/runs lists them)")
        self.screen.replay(args)

    def cmd_runs(self, args: str) -> None:
        """List the newest runs (id, task, seed, outcome)."""
        def job(lib) -> Any:
            import json

            dirs = sorted((p for p in lib.runs_dir.glob("*/trace.json")), reverse=True)[:15]
            if not dirs:
                return Text("no runs yet")
            lines = []
            for p in dirs:
                try:
                    d = json.loads(p.read_text())
                except (OSError, ValueError):
                    continue
                color = "green" if d.get("outcome") == "succeeded" else "red"
                lines.append(f"{p.parent.name}  {escape(str(d.get('task')))} seed {d.get('seed')}  "
                             f"[{color}]{d.get('outcome')}[/]  [dim]{len(d.get('records', []))} calls[/]")
            return Text.from_markup("\n".join(lines))
        self.screen.library_job(job)

    def cmd_world(self, args: str) -> None:
        """List the objects on the table: where each is, what it rests in or on, what the arm holds."""
        self.say(self.screen.table.describe())

    def cmd_reset(self, args: str) -> None:
        """/reset [start]: start over (the next task makes a new table); 'start': the first table again."""
        if args not in ("", "start"):
            raise CommandError("usage: /reset [start]")
        if self.screen.running:
            raise CommandError("a task is running: wait for it, or press Esc to interrupt it")
        self.say(Text(self.screen.table.reset(to_start=args == "start")))

    def cmd_theme(self, args: str) -> None:
        """/theme dark|light|NAME: the colours (Ctrl+P, "theme" lists every one)."""
        name = THEMES.get(args, args)
        if name not in self.app.available_themes:
            raise CommandError(f"usage: /theme dark|light|NAME; themes: {', '.join(sorted(self.app.available_themes))}")
        self.app.theme = name
        self.say(Text(f"theme {name}"))

    def cmd_clear(self, args: str) -> None:
        """Clear the conversation, program, frame and trace."""
        self.screen.clear_all()

    def cmd_quit(self, args: str) -> None:
        """Quit aspire (the running loop is interrupted first)."""
        self.app.action_quit_now()


def refresh(lib) -> None:
    """Bring the index up to date unless another writer holds the library (then search it as it is)."""
    from aspire_tui.skills.lock import LockTimeout

    try:
        lib.reindex(timeout=3)
    except LockTimeout:
        pass
