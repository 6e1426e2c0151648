"""The main screen: conversation and input on the left; program, camera, trace and call on the side."""

from __future__ import annotations

import os
import shlex
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from aspire_tui.app.commands import Commands
from aspire_tui.app.frames import load_png
from aspire_tui.app.messages import (AgentEvent, FrameReady, FramesWaiting, LibraryInfo, LoopDone, Note, Phase,
                                     ReplayLoaded, SkillFileFound, TraceLoaded, UndoAsked)
from aspire_tui.app.render import describe
from aspire_tui.app.restore import SessionRestore
from aspire_tui.app.world import Table
from aspire_tui.app.widgets.call_detail import CallDetail
from aspire_tui.app.widgets.conversation import Conversation, plain_text
from aspire_tui.app.widgets.frame_pane import FramePane
from aspire_tui.app.widgets.program_pane import ProgramPane
from aspire_tui.app.widgets.prompt_input import PromptInput
from aspire_tui.app.widgets.status_line import StatusLine
from aspire_tui.app.widgets.trace_table import TraceTable

PLACEHOLDER = "a task (put the red block in the green bowl) or /help"
# what the loop does after each event, shown on the status line until the next one (the first run of a session
# waits seconds for a simulation worker, and "running" alone said nothing about why)
PHASE_AFTER = {"task_started": "retrieving skills", "skills_retrieved": "writing the program",
               "program_written": "checking the program", "check_result": "starting the simulation",
               "call_recorded": "running", "run_finished": "diagnosing", "diagnosis": "repairing",
               "repair_diff": "checking the program", "validation_result": "keeping the skill"}
SLOW_START_S = 1.0   # a wait for the simulation longer than this is explained in the log


class MainScreen(Screen):
    """Renders the loop's events; typing a task, a question or "undo that" takes a turn of the conversation
    (its `Table`) in a worker thread, and a line starting with "/" goes to its `Commands`."""

    CSS_PATH = "main.tcss"
    # F keys: the prompt has the focus and takes every printable key
    BINDINGS = [Binding("f3", "camera_big", "camera"), Binding("f4", "camera_zoom", "zoom")]

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()   # the loop's ``stop``: Esc sets it
        self._frame_lock = threading.Lock()
        self._next_frame: FrameReady | None = None  # newest live frame not yet handed to the pane
        self.running = False
        self.last_committed = ""
        self.runs_dir = ""   # the library's runs/ (trace rows find their keyframes there)
        # composition, not mixins: each part is handed this screen and speaks through its methods
        self.commands = Commands(self)
        self.table = Table(self)
        self.restorer = SessionRestore(self)
        self._phase, self._phase_t0, self._explained = "", 0.0, False

    @property
    def settings(self):
        return self.app.settings

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Conversation(id="log")
                yield PromptInput(self.app.history, placeholder=PLACEHOLDER, id="prompt")
            with Vertical(id="side"):
                yield ProgramPane()
                yield FramePane()
                yield TraceTable()
                yield CallDetail()
        yield StatusLine()
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(0.25, self._tick_phase)
        self.settings_changed()
        self.say(Text.from_markup("[bold]aspire[/]: type a task for the robot, or [bold]/help[/]. "
                                  "Esc interrupts, Ctrl+C twice quits."))
        self.query_one(PromptInput).focus()
        self.check_library(seeds=True)
        if self.settings.warm_up:
            self.warm_up()

    # ------------------------------------------------------------ helpers the commands use

    def say(self, renderable: Any) -> None:
        self.query_one(Conversation).say(renderable)

    def note_error(self, message: str) -> None:
        """Once as a notification, and kept as a note in the log (Toad's AgentFail)."""
        self.say(Text(message, style="bold red"))
        self.notify(message, severity="error")

    def settings_changed(self) -> None:
        s, status = self.settings, self.query_one(StatusLine)
        status.model = s.model or "offline"
        status.scene = s.scene or "auto"
        status.seed = "auto" if s.seed is None else str(s.seed)
        status.library = s.library_display

    def open_skills(self) -> None:
        from aspire_tui.app.screens.skills import SkillsScreen

        self.app.push_screen(SkillsScreen())

    def clear_all(self) -> None:
        self.query_one(Conversation).reset()
        self.query_one(TraceTable).reset()
        self.query_one(FramePane).frame = None
        self.query_one(ProgramPane).show_program("", "program")
        self.query_one(CallDetail).update("")

    def restore(self, session) -> None:
        """Show a saved conversation as it was and continue it (``aspire -c``, ``--resume``)."""
        self.restorer.restore(session)

    @work(thread=True, exit_on_error=False, group="library")
    def confirm_undo(self, name: str) -> None:
        """``/undo SKILL``: refuse at once when there is nothing to revert; else ask about that very commit."""
        from aspire_tui.skills.library import Library, LibraryError

        try:
            lib = Library.open(self.settings.library)
            try:
                question = _undo_question(lib, name)
            finally:
                lib.close()
        except LibraryError as e:
            self.post_message(Note(f"cannot undo {name}: {str(e).splitlines()[0]}", "error"))
            return
        self.post_message(UndoAsked(name, question))

    def on_undo_asked(self, m: UndoAsked) -> None:
        from aspire_tui.app.screens.confirm import ConfirmScreen

        def done(yes: bool | None) -> None:
            if yes:
                self.library_job(lambda lib: _undo(lib, m.name), changes=True)
            else:
                self.say(Text(f"undo of {m.name} cancelled"))
        self.app.push_screen(ConfirmScreen(m.question), done)

    # ------------------------------------------------------------ input

    def on_input_submitted(self, event: PromptInput.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if not text:
            self.note_error("type a task for the robot (e.g. put the red block in the green bowl) or /help")
            return
        event.input.history.add(text)
        if text.startswith("/"):
            self.say(Text(f"> {text}", style="cyan"))   # the log says what each answer answers
            self.commands.run(text)
            return
        if self.running:
            self.note_error("a task is running: wait for it, or press Esc to interrupt it")
            return
        self.start_task(text)

    def start_task(self, text: str) -> None:
        s = self.settings
        self.app.session.add("task", text=text, settings={"model": s.model, "scene": s.scene, "seed": s.seed})
        self.query_one(TraceTable).reset()
        camera = self.query_one(FramePane)
        camera.frame = None     # the last task's picture, titled with its call number, would read as this one's
        camera.reset_view()
        self.query_one(ProgramPane).show_none("no program yet for this task")   # never the last task's
        self.say(Text(f"> {text}", style="bold cyan"))
        self.running = True
        self._cancel.clear()
        self.set_phase("loading the agent")
        self.run_loop(text)

    def set_phase(self, phase: str) -> None:
        """What the loop is doing now, on the status line with the seconds it has taken so far."""
        if phase != self._phase:
            self._phase, self._phase_t0 = phase, time.monotonic()
        self._tick_phase()

    def _tick_phase(self) -> None:
        if not self.running or not self._phase:
            return
        waited = time.monotonic() - self._phase_t0
        self.query_one(StatusLine).state = f"{self._phase}… {waited:.0f} s" if waited >= 1 else f"{self._phase}…"
        if self._phase == "starting the simulation" and waited > SLOW_START_S and not self._explained:
            self._explained = True   # once a session: later waits are the same story
            self.say(Text("waiting for a simulation worker: it starts pybullet and loads the scene once, "
                          "and later runs reuse it", style="dim"))

    def interrupt(self) -> bool:
        """Stop the running loop: its episode ends at once, the loop at its next phase; False when none runs."""
        if not self.running:
            return False
        self._cancel.set()
        self.query_one(StatusLine).state = "interrupting"
        self.say(Text("interrupting…", style="yellow"))
        return True

    # ------------------------------------------------------------ workers (threads; they only post messages)

    @work(thread=True, exclusive=True, exit_on_error=False, group="loop")
    def run_loop(self, text: str) -> None:
        """Take one turn of the conversation (a task runs `run_task`); every event is posted as a message."""
        s = self.settings
        interrupted = False
        lib = None
        try:
            from aspire_tui.agent import events as ev
            from aspire_tui.agent.coder import CoderError, coder_for
            from aspire_tui.agent.loop import AgentError
            from aspire_tui.runner import Cancelled
            from aspire_tui.skills.library import Library, LibraryError

            self.post_message(Phase("opening the library"))
            try:
                coder = coder_for(s.model)
                lib = Library.open(s.library)
            except (CoderError, LibraryError) as e:
                self.post_message(Note(str(e), "error"))
                return
            self.post_message(Phase("reading the words"))
            emit = self._emitter(ev, lib.runs_dir, self.app.session)
            try:
                self.table.take_turn(text, coder, lib, emit, self._cancel)
            except (AgentError, CoderError, LibraryError) as e:
                self.post_message(Note(str(e), "error"))
            except Cancelled:
                interrupted = True
                self.post_message(Note("interrupted: the library is unchanged unless a commit was reported",
                                       "warning"))
            except Exception as e:  # noqa: BLE001 - the edge: one line, never a crashed screen
                self.post_message(Note(f"{type(e).__name__}: {e}", "error"))
        finally:
            if lib is not None:
                lib.close()
            self.post_message(LoopDone(interrupted))

    def _emitter(self, ev, runs_dir: Path, session) -> Callable[[Any], None]:
        """The loop's ``emit``: post each event and save it to the session; decode keyframes and load
        traces here, off the UI thread.

        Live frames name their seed; those of a seed the trace table has no rows for (a validation run)
        say so, so the camera's call number is never read against another run's rows.
        """
        traced: set[int] = set()   # seeds of the runs whose calls the trace table lists

        def emit(event) -> None:
            if isinstance(event, ev.Frame):
                self._offer_frame(FrameReady(event.rgb, event.width, event.height, event.call, live=True,
                                             seed=event.seed, traced=event.seed in traced))
                return
            if isinstance(event, (ev.TaskStarted, ev.CallRecorded)):
                traced.add(event.seed)
            session.add("event", event=event.to_dict())
            self.post_message(AgentEvent(event))
            if isinstance(event, ev.CallRecorded) and event.keyframe and event.run_id:
                frame = load_png(runs_dir / event.run_id / event.keyframe)
                if frame:
                    self.post_message(FrameReady(*frame, step=event.index, seed=event.seed))
            elif isinstance(event, ev.RunFinished):
                if event.trace_path:
                    from aspire_tui.runner.trace import Trace
                    try:
                        self.post_message(TraceLoaded(Trace.load(event.trace_path), event.iteration))
                    except Exception:  # noqa: BLE001 - the rows keep what the events said
                        pass
        return emit

    def _offer_frame(self, frame: FrameReady) -> None:
        """From the loop's thread: keep only the newest frame; post a wake-up only if none is pending."""
        with self._frame_lock:
            pending = self._next_frame is not None
            self._next_frame = frame
        if not pending:
            self.post_message(FramesWaiting())

    @work(thread=True, exit_on_error=False, group="library")
    def library_job(self, job: Callable[[Any], Any], changes: bool = False) -> None:
        """Open the library in this thread, run ``job(lib)`` and post what it returns to the log.

        Args:
            changes: the job may commit, so the status line's HEAD is read again after it.
        """
        from aspire_tui.skills.library import Library, LibraryError

        try:
            lib = Library.open(self.settings.library)
        except LibraryError as e:
            self.post_message(Note(str(e), "error"))
            return
        try:
            self.post_message(Note(job(lib), refresh_library=changes))
        except (LibraryError, FileNotFoundError, ValueError) as e:
            self.post_message(Note(str(e).splitlines()[0] if str(e) else type(e).__name__, "error"))
        finally:
            lib.close()

    @work(thread=True, exit_on_error=False, group="library")
    def find_skill_file(self, name: str) -> None:
        """``/edit``: find the skill's file (off the UI thread), then the UI opens the editor."""
        from aspire_tui.skills.library import Library, LibraryError

        try:
            lib = Library.open(self.settings.library)
            try:
                path = lib.root / lib.path_of(name)
            finally:
                lib.close()
        except LibraryError as e:
            self.post_message(Note(str(e).splitlines()[0], "error"))
            return
        self.post_message(SkillFileFound(name, str(path)))

    def on_skill_file_found(self, m: SkillFileFound) -> None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            if self.app.is_headless:  # no terminal to hand over (tests): the editor runs as it is
                code = subprocess.run([*shlex.split(editor), m.path]).returncode
            else:
                with self.app.suspend():
                    code = subprocess.run([*shlex.split(editor), m.path]).returncode
        except (OSError, ValueError) as e:
            self.note_error(f"could not run the editor {editor!r} (set $EDITOR): {e}")
            return
        if code != 0:
            self.say(Text(f"{editor} exited with status {code}; checking {m.name} anyway", style="yellow"))
        self.library_job(lambda lib: _commit_edit(lib, m.name, m.path), changes=True)

    @work(thread=True, exit_on_error=False, group="warm")
    def warm_up(self) -> None:
        """Pay the first task's one-time costs while the person types (`loop.warm_up`: the simulation
        workers, the word reader and scene builder, the embedding model; measured: a first task spent 4 s
        retrieving skills and 1.6 s reading its words before its first frame, the next task 0.3 s each)."""
        from aspire_tui.agent.loop import warm_up
        from aspire_tui.skills.library import Library, LibraryError

        try:  # offline parts only: a model is never prompted to warm up
            lib = Library.open(self.settings.library)
        except LibraryError:
            return  # the library check says what is wrong
        try:
            warm_up(lib)
        finally:
            lib.close()

    @work(thread=True, exit_on_error=False, group="library")
    def check_library(self, seeds: bool = False) -> None:
        """Open (and on first use seed) the library; report its path and HEAD for the status line.

        With ``seeds``, also say once whether newer seed skills ship with aspire than the library has.
        """
        from aspire_tui.skills.library import Library, LibraryError
        from aspire_tui.skills.seeds import seed_states

        try:
            lib = Library.open(self.settings.library)
        except LibraryError as e:
            self.post_message(LibraryInfo(self.settings.library or "", error=str(e)))
            return
        try:
            self.post_message(LibraryInfo(str(lib.root), lib.repo.head_sha() or "", runs_dir=str(lib.runs_dir)))
            waiting = [s.name for s in seed_states(lib) if s.state in ("update", "new")] if seeds else []
            if waiting:
                self.post_message(Note(f"newer seed skills ship with aspire: {', '.join(waiting)}. "
                                       "`aspire skills seeds --update` takes them; it never overwrites a skill "
                                       "you changed.", "warning"))
        finally:
            lib.close()

    @work(thread=True, exit_on_error=False, group="library")
    def replay(self, run: str) -> None:
        """Load a past run's trace (off the UI thread); the replay screen shows it."""
        from aspire_tui.runner.paths import find_run
        from aspire_tui.runner.trace import Trace
        from aspire_tui.skills.library import Library, LibraryError

        try:
            lib = Library.open(self.settings.library)
            runs_dir = lib.runs_dir
            lib.close()
            trace = Trace.load(find_run(run, runs_dir) / "trace.json")
        except (LibraryError, FileNotFoundError, OSError, ValueError) as e:
            self.post_message(Note(str(e), "error"))
            return
        self.post_message(ReplayLoaded(trace))

    def on_replay_loaded(self, m: ReplayLoaded) -> None:
        from aspire_tui.app.screens.replay import ReplayScreen

        self.say(Text(f"replay {m.trace.run_id}: {m.trace.headline()}", style="dim"))
        self.app.push_screen(ReplayScreen(m.trace))

    # ------------------------------------------------------------ messages up from the workers

    def on_phase(self, m: Phase) -> None:
        if self.running:
            self.set_phase(m.text)

    def on_agent_event(self, m: AgentEvent) -> None:
        d = m.event.to_dict()
        kind = d["event"]
        if self.running and kind in PHASE_AFTER:
            phase = PHASE_AFTER[kind]
            if kind == "check_result" and not d["ok"]:
                phase = "repairing"
            elif kind == "run_finished" and d["outcome"] == "succeeded":
                phase = "validating on other scenes"   # the loop says nothing more until validation_result
            self.set_phase(phase)
        line = describe(m.event, self.app.current_theme.dark)
        if line is not None:
            self.say(line)
        status = self.query_one(StatusLine)
        if "iteration" in d:
            status.iteration = d["iteration"]
        if kind == "task_started":
            status.scene, status.seed = d["scene"], str(d["seed"])
        elif kind == "program_written":
            self.query_one(ProgramPane).show_program(d["program"], f"program  iteration {d['iteration']}")
        elif kind == "repair_diff":
            self.query_one(ProgramPane).show_diff(d["diff"], f"repair  iteration {d['iteration']}")
        elif kind == "call_recorded":
            if d.get("run_id") and self.runs_dir:
                d["run_dir"] = str(Path(self.runs_dir) / d["run_id"])
            self.query_one(TraceTable).add_call(d)
        elif kind == "skill_committed":
            self.last_committed = d["name"]
            status.head = d["sha"]

    def on_frame_ready(self, m: FrameReady) -> None:
        self.query_one(FramePane).frame = m          # attribute down; the pane redraws on its timer

    def on_frames_waiting(self, m: FramesWaiting) -> None:
        with self._frame_lock:
            frame, self._next_frame = self._next_frame, None
        if frame is not None:
            self.query_one(FramePane).frame = frame
            if self.running and self._phase == "starting the simulation":
                self.set_phase("running")

    def on_trace_loaded(self, m: TraceLoaded) -> None:
        self.query_one(TraceTable).attach_trace(m.trace, m.iteration)

    def on_trace_table_call_selected(self, m: TraceTable.CallSelected) -> None:
        """A highlighted row: its call in the call pane and its keyframe in the camera (live frames win while
        a task runs); Enter on a row also enlarges the camera (`TraceTable.CallOpened`)."""
        self.query_one(CallDetail).show(m.data, m.run_dir)
        if not self.running:
            self.show_keyframe(m.data, m.run_dir)

    def on_trace_table_call_opened(self, m: TraceTable.CallOpened) -> None:
        if self.show_keyframe(m.data, m.run_dir):
            self.camera_big = True
        else:
            self.notify(f"call #{m.data.get('index')} has no keyframe on disk (yet)", timeout=3)

    def show_keyframe(self, data: dict[str, Any], run_dir: str) -> bool:
        """Put a call's keyframe in the camera pane; False when it has none on disk."""
        if not run_dir or not data.get("keyframe"):
            return False
        frame = load_png(Path(run_dir) / data["keyframe"])
        if frame:
            self.query_one(FramePane).frame = FrameReady(*frame, step=data["index"], seed=data.get("seed"))
        return frame is not None

    # ------------------------------------------------------------ the camera's size and zoom

    @property
    def camera_big(self) -> bool:
        """The camera covers the side panes (F3 toggles)."""
        return self.has_class("-camera-big")

    @camera_big.setter
    def camera_big(self, big: bool) -> None:
        self.set_class(big, "-camera-big")

    def action_camera_big(self) -> None:
        """F3: the camera over the side panes, and back."""
        self.camera_big = not self.camera_big

    def action_camera_zoom(self) -> None:
        """F4: the camera shows the work area (zoomed), or as much of the frame as fits."""
        pane = self.query_one(FramePane)
        pane.zoom = not pane.zoom

    def on_note(self, m: Note) -> None:
        self.app.session.add("note", text=plain_text(m.renderable), severity=m.severity)
        if m.refresh_library:
            self.check_library()
        if m.severity == "error":
            self.note_error(str(m.renderable))
        else:
            self.say(Text(m.renderable, style="yellow") if m.severity == "warning" and isinstance(m.renderable, str)
                     else m.renderable)

    def on_loop_done(self, m: LoopDone) -> None:
        self.running = False
        self._phase = ""
        self._cancel.clear()
        program = self.query_one(ProgramPane)
        if not program.showing:
            program.show_none("no program: this turn wrote none (a question, a refusal or an error; the log "
                              "says which)")
        self.query_one(StatusLine).state = "interrupted" if m.interrupted else "ready"
        self.check_library()

    def on_library_info(self, m: LibraryInfo) -> None:
        status = self.query_one(StatusLine)
        if m.error:
            status.library, status.head = "(no library)", ""
            self.note_error(f"library: {m.error}")
            return
        status.library, status.head = m.path, m.head
        self.runs_dir = m.runs_dir


def _commit_edit(lib, name: str, path: str) -> Text:
    """Commit the person's edit of one skill; an edit that does not parse or check is refused with its reason."""
    from aspire_tui.skills.errors import LibraryError

    results = lib.commit_edits([path])
    if not results:
        return Text(f"{name}: no changes")
    result = results[0]
    if not result.committed:
        problem = result.problems[0] if result.problems else "it did not pass the checks"
        raise LibraryError(f"{name} not committed: {problem}. The last good version stays in use; "
                           f"/edit {name} to fix it")
    return Text(f"committed {result.change} {name} {result.sha[:8]} as you", style="green")


def _undo_question(lib, name: str) -> str:
    """What ``/undo SKILL`` would revert, as a question; raises `LibraryError` when it cannot."""
    from aspire_tui.skills.errors import LibraryError
    from aspire_tui.skills.lock import LockTimeout

    rel = lib.path_of(name)   # an unknown name raises here, before anything is asked
    if lib.repo.dirty_paths((rel,)):
        raise LibraryError(f"{rel} has uncommitted edits; commit or discard them first")
    commits = lib.log(name, limit=2)
    if not commits:
        raise LibraryError(f"{rel} has no commits to undo")
    last = commits[0]
    if len(commits) == 1:   # the revert deletes the skill: refused now if others use it, not after a yes
        try:
            lib.reindex(embed=False, timeout=3)   # who uses it is read from the index (as undo itself does)
        except LockTimeout:
            pass   # another writer holds it: the index as it is, and undo checks again after the yes
        users = lib.checks.dependents(name)
        if users:
            raise LibraryError(f"its only commit added it, so the revert would delete it, and "
                               f"{', '.join(users)} use{'s' if len(users) == 1 else ''} it")
    after = f"{name} goes back to its version before it" if len(commits) > 1 else \
        f"that commit added {name}, so the revert deletes it"
    return (f"Revert {last.sha[:8]} \"{last.summary}\" by {last.author}? {after}. "
            "The revert is a new commit; history is kept. (y/n)")


def _undo(lib, name: str) -> Text:
    change = lib.undo(name)
    return Text(f"reverted {name}: {change.sha[:8]}", style="green")
