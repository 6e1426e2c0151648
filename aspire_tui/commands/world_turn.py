"""``aspire run TASK --world FILE --save-world FILE``: one turn of a conversation with one table, headless.

The table comes from ``--world`` (a conversation ``--save-world`` wrote: the table and the tasks done on
it, so "it", "do the same with ..." and "undo that" work across commands; or a bare world) or, without it,
from the scene TASK's words make. TASK is a task on it, a question (answered from the camera, nothing moves),
an undo, or a one-off ("just ..."). ``--json`` prints every event, a `world_changed` for every change of
the table included. Exit 0 when the turn did what was asked.
"""

from __future__ import annotations

from pathlib import Path

import click


def world_turn(task: str, scene: str | None, seed: int | None, model: str | None, max_iterations: int,
               validate: int, timeout: float, budget, as_json: bool, library: str | None, world_file: str | None,
               save_world: str | None, emit) -> None:
    """Take the turn (``scene``: the first task's family or task file, when there is no ``world_file``);
    errors are one line (``Error: ...``, exit 1)."""
    from aspire_tui.agent.coder import CoderError, coder_for
    from aspire_tui.agent.conversation import Conversation, Setup
    from aspire_tui.skills.library import Library, LibraryError
    from sim.worldstate import WorldFileError

    if save_world and Path(save_world).expanduser().is_dir():
        raise click.ClickException(f"--save-world {save_world}: is a folder; give a file name")
    try:
        talk = Conversation.open(world_file, emit) if world_file else Conversation()
        coder = coder_for(model)
        lib = Library.open(library)
    except (WorldFileError, CoderError, LibraryError) as e:
        raise click.ClickException(str(e)) from None
    try:
        setup = Setup(coder=coder, library=lib, emit=emit, model=model, validate=validate,
                      max_iterations=max_iterations, timeout=timeout, scene=scene, seed=seed, budget=budget)
        reply = talk.say(task, setup)
    except KeyboardInterrupt:
        click.echo("interrupted: the table and the library are unchanged unless a change was reported", err=True)
        raise SystemExit(130)
    finally:
        lib.close()
    if save_world and talk.world is not None:
        talk.save(save_world)
        if not as_json:
            click.echo(f"saved the table to {save_world}")
    if reply.kind == "refused":
        raise click.ClickException(reply.line)
    if reply.kind == "answer" and not as_json:
        return  # the answer event printed it
    if not reply.ok:
        if not as_json:
            click.echo(reply.line, err=True)
        raise SystemExit(1)
    if reply.kind == "task" and reply.result is None and not as_json:
        click.echo(reply.line)  # nothing ran ("already so"), so no event said it
