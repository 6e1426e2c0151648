"""``aspire evolve TASK|--family F|--all``: evolutionary search over programs, then distill the winners."""

from __future__ import annotations

import json
import signal
import sys
import threading

import click


def make_backend(backend: str, workers: int, address: str | None, runs_dir, timeout: float):
    """The evaluation backend the options ask for (raises SearchError in one line; never falls back)."""
    from aspire_tui.evolve.evaluate import SearchError

    if backend == "ray":
        from aspire_tui.evolve.ray_backend import RayBackend

        return RayBackend(workers, address=address, timeout=timeout)
    if address:
        raise SearchError("--address is for --backend ray")
    from aspire_tui.evolve.local import LocalBackend

    return LocalBackend(workers, runs_dir=runs_dir, timeout=timeout)


class Progress:
    """Rich progress bars: one for generations, one for the episodes of the current generation."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bars, TextColumn, TimeElapsedColumn

        self.console = Console(highlight=False, stderr=False)
        self.bars = Bars(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                         console=self.console, transient=False)
        self.gens = None
        self.episodes = None

    def __enter__(self) -> "Progress":
        self.bars.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bars.stop()

    def __call__(self, event) -> None:
        from rich.markup import escape

        d = event.to_dict()
        kind = d["event"]
        if kind == "search_started":
            resumed = f", resumed at generation {d['resumed_at']}" if d["resumed_at"] is not None else ""
            self.console.print(f"[bold]evolve[/] {escape(d['instruction'])} [dim]({d['task']}; population "
                               f"{d['population']}, debug seeds {d['debug_seeds']}, selection seeds "
                               f"{d['selection_seeds']}; {d['backend']} x{d['workers']}{resumed})[/]")
            if self.gens is not None:
                self.bars.remove_task(self.gens)
            self.gens = self.bars.add_task("generations", total=d["generations"],
                                           completed=d["resumed_at"] or 0)
        elif kind in ("generation_started", "selection_started"):
            label = f"generation {d['generation']}" if kind == "generation_started" else "selection"
            if self.episodes is not None:
                self.bars.remove_task(self.episodes)
            self.episodes = self.bars.add_task(f"  {label} episodes", total=d["episodes"])
        elif kind == "episode_finished" and self.episodes is not None:
            self.bars.advance(self.episodes)
        elif kind == "generation_finished":
            self.bars.advance(self.gens)
            self.console.print(f"  generation {d['generation']}: best {d['best']} {d['best_fitness']}, mean "
                               f"{d['mean_rate']:.0%}; best ever {d['best_ever']} {d['best_ever_rate']:.0%}")
        elif kind == "note":
            self.console.print(f"  [yellow]{escape(d['message'])}[/]")
        elif kind == "search_finished":
            color = "green" if d["skill"] else "yellow"
            self.console.print(f"[bold {color}]winner[/] {d['winner']}: debug {d['debug']}, selection "
                               f"{d['selection']} after {d['generations']} generations, {d['episodes']} episodes "
                               f"({d['crashes']} crashed), {d['seconds']:.0f} s: {escape(d['message'])}")


@click.command("evolve")
@click.argument("task", required=False)
@click.option("--family", metavar="F", help="Search a task family (its own dev scene's instruction).")
@click.option("--all", "all_", is_flag=True, help="Every family, easier first (a curriculum), plus new variants.")
@click.option("--population", type=click.IntRange(min=2), default=8, show_default=True,
              help="Programs per generation (the best ever seen is one of them).")
@click.option("--generations", type=click.IntRange(min=1), default=5, show_default=True,
              help="The most generations per task.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Episodes at once (local simulation processes, or CPUs of a Ray started here).")
@click.option("--backend", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where episodes run: local worker processes, or Ray (pip install 'aspire-tui[ray]').")
@click.option("--address", default=None, help="Ray cluster: HOST:PORT, ray://HOST:PORT or auto (default: start Ray here).")
@click.option("--debug-seeds", "debug", type=click.IntRange(min=1), default=4, show_default=True,
              help="Development scenes every candidate is scored on (fitness).")
@click.option("--selection-seeds", "selection", type=click.IntRange(min=1), default=4, show_default=True,
              help="Other development scenes the winner is picked on.")
@click.option("--target", type=click.FloatRange(0, 1), default=1.0, show_default=True,
              help="Stop once the best debug success rate reaches this.")
@click.option("--variants", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --all: new task variants to propose after the families.")
@click.option("--fresh", is_flag=True, help="Start afresh instead of resuming a saved, unfinished search.")
@click.option("--timeout", type=click.FloatRange(min=1, max=3600), default=60.0, show_default=True,
              help="Wall-clock limit per episode, in seconds.")
@click.option("-m", "--model", default=None, help="An llm model id (default: the offline coder).")
@click.option("--json", "as_json", is_flag=True, help="Print events as JSON lines.")
@click.option("--library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library (default: $ASPIRE_HOME or the user data dir).")
def evolve(task, family, all_, population, generations, workers, backend, address, debug, selection, target,
           variants, fresh, timeout, model, as_json, library) -> None:
    """Evolve programs for TASK (an instruction), a --family, or --all families; keep the winners as skills."""
    from aspire_tui.agent.coder import CoderError, coder_for
    from aspire_tui.evolve.curriculum import CurriculumError, curriculum_tasks
    from aspire_tui.evolve.evaluate import SearchError
    from aspire_tui.evolve.evolve import DISTILL_AT, evolve as run_search
    from aspire_tui.skills.library import Library, LibraryError

    if sum(bool(x) for x in (task, family, all_)) != 1:
        raise click.UsageError("give exactly one of TASK, --family F or --all")

    def new_coder():
        return coder_for(model)

    try:
        new_coder()  # an unknown model fails before anything heavy starts
        lib = Library.open(library)
    except (CoderError, LibraryError) as e:
        raise click.ClickException(str(e)) from None
    try:
        items = curriculum_tasks(lib, family=family, all_families=all_, variants=variants) if not task \
            else [(task, None)]
        be = make_backend(backend, workers, address, lib.runs_dir, timeout)
    except (SearchError, CurriculumError) as e:
        lib.close()
        raise click.ClickException(str(e)) from None
    failed = 0
    progress = None if as_json else Progress()

    def emit_json(event) -> None:
        click.echo(json.dumps(event.to_dict(), default=str))
        sys.stdout.flush()

    # Ctrl-C raises KeyboardInterrupt as usual; it also sets a flag that the next event checks, because
    # Python swallows an interrupt that lands in a finalizer (a git subprocess's, say)
    interrupted = threading.Event()

    def on_interrupt(signum, frame) -> None:
        interrupted.set()
        signal.default_int_handler(signum, frame)

    def emit(event) -> None:
        if interrupted.is_set():
            raise KeyboardInterrupt
        (emit_json if as_json else progress)(event)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        if progress is not None:
            progress.__enter__()
        for instruction, scene in items:
            try:
                result = run_search(instruction, scene=scene, library=lib, coder=new_coder(), backend=be,
                                    population=population, generations=generations, debug=debug,
                                    selection=selection, target=target, distill_at=DISTILL_AT, resume=not fresh,
                                    emit=emit)
                failed += result.selection_rate < DISTILL_AT
            except (SearchError, CoderError, LibraryError) as e:
                failed += 1
                click.echo(f"Error: {instruction}: {e}", err=True)
    except KeyboardInterrupt:
        interrupted.set()
    finally:
        signal.signal(signal.SIGINT, previous)
        if progress is not None:
            progress.__exit__(None, None, None)
        be.close()
        lib.close()
    if interrupted.is_set():  # said after the progress bars are gone, so they do not draw over it
        click.echo("interrupted: the search's state is saved; run the same command again to resume", err=True)
        raise SystemExit(130)
    if failed:
        raise SystemExit(1)
