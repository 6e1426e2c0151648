"""``aspire run "TASK"``: the agent's loop, headless. Exit 0 only when a validated program was produced."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import click


def _dry_run(goal, spec, out: str, as_json: bool) -> None:
    """Print the goal and its scene, and write the task file a person can edit and run with --task-file."""
    from aspire_tui.agent.events import goal_line

    if not goal.task_file:  # a family or a task file: show it, write nothing
        path, text = Path(spec.source), Path(spec.source).read_text(encoding="utf-8")
    else:
        text = goal.task_file
        path = Path(out if out != "-" else f"{spec.name}.toml").expanduser()
        path.write_text(text, encoding="utf-8")
    if as_json:
        from aspire_tui.agent.events import Understood

        event = Understood(goal.to_dict(), goal_line(goal.to_dict()), text)
        click.echo(json.dumps({**event.to_dict(), "path": str(path)}))
    else:
        click.echo(goal_line(goal.to_dict()))
        if path != Path(spec.source):
            click.echo(f"wrote {path}: edit it and run with --task-file {path}")
        else:
            click.echo(f"task file: {path}")


def _printer(as_json: bool, verbose: bool):
    """An ``emit`` that prints events: JSON lines, or short rich lines."""
    if as_json:
        def emit_json(event) -> None:
            click.echo(json.dumps(event.to_dict(), default=str))
            sys.stdout.flush()
        return emit_json

    from rich.console import Console
    from rich.markup import escape

    from aspire_tui.agent.events import recalled_note

    console = Console(highlight=False)

    def emit(event) -> None:
        d = event.to_dict()
        kind = d["event"]
        if kind == "task_started":
            from aspire_tui.agent.events import goal_line

            line = goal_line(d["goal"])
            console.print(f"[bold]task[/] {escape(d['instruction'])}  [dim]{d['scene']} seed {d['seed']}, "
                          f"coder {d['coder']}[/]" + (f"\n[bold]{escape(line)}[/]" if line else ""))
        elif kind == "skills_retrieved":
            console.print(f"[bold]skills[/] {escape(', '.join(d['skills']) or '(none)')}")
        elif kind == "program_written":
            console.print(f"[bold]program[/] (iteration {d['iteration']})")
            console.print(_code(console, d["program"], "python"))
        elif kind == "check_result" and not d["ok"]:
            for v in d["violations"]:
                console.print(f"  [magenta]check[/] {escape(v)}")
        elif kind == "call_recorded" and (verbose or d["status"] != "ok"):
            err = d.get("error") or {}
            tail = f"  [red]{escape(str(err.get('type')))}: {escape(str(err.get('message')))}[/]" if err else ""
            console.print(f"  [dim]#{d['index']:<3}[/] {escape(d['signature'])}{tail}")
        elif kind == "run_finished":
            color = "green" if d["outcome"] == "succeeded" else "red"
            # the headline starts with the outcome ("succeeded: pick_place_bowl seed 20"): not said twice
            console.print(f"[{color}]{escape(d['headline'])}[/]  [dim]{d['run_id']}[/]")
        elif kind == "diagnosis":
            lessons = f" [dim](lessons: {', '.join(d['lessons'])})[/]" if d["lessons"] else ""
            console.print(f"[bold yellow]diagnosis[/] {escape(d['summary'])}{lessons}")
        elif kind == "repair_diff":
            console.print(f"[bold]repair[/] {escape('; '.join(d['actions']))}")
            if verbose and d["diff"]:
                console.print(_code(console, d["diff"], "diff"))
        elif kind == "validation_result":
            color = "green" if d["successes"] == d["runs"] and d["runs"] else "red"
            console.print(f"[bold]validation[/] [{color}]{d['successes']}/{d['runs']}[/] on seeds {d['seeds']}"
                          f"[dim]{recalled_note(d.get('recalled', 0))}[/]")
            for f in d["failures"]:
                console.print(f"  [red]{escape(f)}[/]")
        elif kind == "skill_committed":
            console.print(f"[bold green]committed[/] {d['change']} {d['name']} {d['sha'][:8]}: {escape(d['message'])}")
        elif kind == "usage":
            console.print(f"[dim]usage: {d['model']}: {d['prompts']} prompts, {d['input_tokens']} in / "
                          f"{d['output_tokens']} out tokens"
                          + (f", ${d['cost']:.4f}" if d.get("cost") is not None else "")
                          + f", {d['failures']} unusable replies[/]")
        elif kind == "resolved":
            notes = f"  [dim]({escape('; '.join(d['notes']))})[/]" if d["notes"] else ""
            console.print(f"[bold]read as[/] {escape(d['instruction'])}{notes}")
        elif kind == "world_changed":
            console.print(f"[bold]table[/] {escape(d['reason'])}: {escape(d['summary'])}")
        elif kind == "question_answered":
            console.print(f"[bold cyan]answer[/] {escape(d['answer'])}")
        elif kind == "task_finished":
            color = "green" if d["success"] else "red"
            console.print(f"[bold {color}]{'done' if d['success'] else 'failed'}[/] {escape(d['message'])} "
                          f"[dim]({d['iterations']} iterations, {d['seconds']:.1f} s)[/]")
    return emit


def _code(console, text: str, lexer: str):
    """``text`` highlighted as ``lexer`` where the console shows colour; as it is where it cannot (a pipe, a
    file, NO_COLOR): building the lexer costs about 40 ms before the first run can start."""
    if console.color_system is None:
        from rich.text import Text

        return Text(text)
    from rich.syntax import Syntax

    return Syntax(text, lexer, theme="ansi_dark", line_numbers=False, word_wrap=True)


def _warm_search(task: str) -> None:
    """Load the embedding model and embed the words as the search query they will be (run on a thread
    while the words are read: the model runs in C, beside the reading)."""
    from aspire_tui.skills.embeddings import get_embedder, resolve_model_id

    try:
        get_embedder(resolve_model_id(None)).embed_query(task)
    except Exception:  # noqa: BLE001 - warming only: the search itself says what is wrong
        pass


def _prices(text: str | None) -> tuple[float, float] | None:
    """``"2.5,10"`` -> (2.5, 10.0); raises BudgetError in one line."""
    from aspire_tui.agent.budget import BudgetError

    if not text:
        return None
    try:
        price_in, price_out = (float(p) for p in text.split(","))
    except ValueError:
        raise BudgetError(f"--prices {text!r}: give two numbers, IN,OUT dollars per million tokens") from None
    if price_in < 0 or price_out < 0:
        raise BudgetError(f"--prices {text!r}: prices cannot be negative")
    return price_in, price_out


@click.command("run")
@click.argument("task")
@click.option("--scene", metavar="FAMILY", help="A task family or a task file .toml (default: chosen from the words).")
@click.option("--task-file", type=click.Path(dir_okay=False), default=None,
              help="Run a task file (.toml) of your own instead of a built-in family.")
@click.option("--seed", type=click.IntRange(min=0), default=None,
              help="The debug scene's seed (default: the first dev scene that holds the named objects).")
@click.option("-m", "--model", default=None, help="An llm model id (default: the offline coder, no key needed).")
@click.option("--max-iterations", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--validate", type=click.IntRange(min=0), default=5, show_default=True,
              help="Fresh perturbed dev seeds that must all succeed.")
@click.option("--timeout", type=click.FloatRange(min=1, max=3600), default=60.0, show_default=True,
              help="Wall-clock limit per run, in seconds.")
@click.option("--budget", metavar="LIMITS", default=None,
              help="Hard limits for the task, e.g. 'tokens=20000,cost=0.5,episodes=40,seconds=600' "
                   "(a bare number is seconds); the stop says what was spent.")
@click.option("--prices", metavar="IN,OUT", default=None,
              help="The model's dollars per million input and output tokens (for a cost budget).")
@click.option("--json", "as_json", is_flag=True, help="Print events as JSON lines.")
@click.option("--dry-run", "dry_run", is_flag=False, flag_value="-", default=None, metavar="[FILE]",
              help="Say what was understood and write its task file (to FILE, or NAME.toml here); run nothing.")
@click.option("-v", "--verbose", is_flag=True, help="Show every call and each repair's diff.")
@click.option("--library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library (default: $ASPIRE_HOME or the user data dir).")
@click.option("--world", "world_file", type=click.Path(dir_okay=False), default=None,
              help="Continue a conversation saved with --save-world: TASK acts on its table (and may say "
                   "'it', 'do the same with ...', 'undo that'), or asks about it.")
@click.option("--save-world", "save_world", type=click.Path(dir_okay=False), default=None,
              help="Write the conversation (its table as TASK left it, and the tasks done on it) as JSON.")
def run(task: str, scene: str | None, task_file: str | None, seed: int | None, model: str | None, max_iterations: int, validate: int,
        timeout: float, budget: str | None, prices: str | None, as_json: bool, dry_run: str | None,
        verbose: bool, library: str | None, world_file: str | None, save_world: str | None) -> None:
    """Teach the robot TASK: write a program, run, repair, validate and keep it as a skill.

    With --world or --save-world, TASK is one turn of a conversation with one table: it may refer to the
    table ("put it in the bowl"), ask about it ("how many blocks are in the green bowl?") or be a one-off
    ("just ...": run once, not kept)."""
    if dry_run is None and not (world_file or save_world):
        from aspire_tui.runner.pool import start_task_workers

        # the workers get ready while the words are read and the program written, not after them: words
        # refused still answer at once, and the workers started for them end with the command (one task:
        # nothing later to warm up for)
        start_task_workers(validating=validate > 0, warm_up=False)
    from aspire_tui.agent.budget import Budget, BudgetError
    from aspire_tui.agent.coder import CoderError, coder_for
    from aspire_tui.agent.loop import AgentError, run_task, understand
    from aspire_tui.skills.embeddings import EmbeddingError
    from aspire_tui.skills.library import Library, LibraryError

    if task_file and scene:
        raise click.ClickException("give --scene or --task-file, not both")
    from aspire_tui.cli import task_path

    scene = str(Path(task_file).expanduser().absolute()) if task_file else task_path(scene)
    try:
        limits = Budget.parse(budget, _prices(prices))
    except BudgetError as e:
        raise click.ClickException(str(e)) from None
    if world_file or save_world:  # one turn of a conversation with one table
        from aspire_tui.commands.world_turn import world_turn

        return world_turn(task, scene, seed, model, max_iterations, validate, timeout, limits, as_json,
                          library, world_file, save_world, _printer(as_json, verbose))
    if dry_run is None:
        threading.Thread(target=_warm_search, args=(task,), daemon=True).start()
    try:
        goal, spec = understand(task, scene, model)
        if dry_run is not None:
            return _dry_run(goal, spec, dry_run, as_json)
        coder = coder_for(model)
        lib = Library.open(library)
    except (AgentError, BudgetError, CoderError, LibraryError) as e:
        raise click.ClickException(str(e)) from None
    emit = _printer(as_json, verbose)
    try:
        result = run_task(task, scene=scene, seed=seed, coder=coder, library=lib, max_iterations=max_iterations,
                          validate=validate, emit=emit, budget=limits, timeout=timeout, model=model)
    except (AgentError, CoderError, LibraryError, EmbeddingError) as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        click.echo("interrupted: the library is unchanged unless a commit was reported", err=True)
        raise SystemExit(130)
    finally:
        lib.close()
    if not result.success:
        raise SystemExit(1)
