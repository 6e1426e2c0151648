"""With a model, words the rules cannot read still become a task: the model drafts the task file.

``draft_task("arrange the cubes like a smiley", "gpt-4o", why)`` asks the model for a task file
(TOML), checks it with the task-file loader and sends any error back, a few times. What comes back
is a `TaskSpec` and its text; the goal shown is its success condition, and that is what "validated"
will mean. Nothing of the model's reply is run.
"""

from __future__ import annotations

import re

from aspire_tui.agent.llm_coder import fill, get_model


class DraftError(ValueError):
    """The model gave no task file that loads; one line."""


def _reply_toml(reply: str) -> str | None:
    fenced = re.findall(r"```(?:toml)?\s*\n(.*?)```", reply, re.S)
    text = fenced[0] if fenced else reply
    return text if "[task]" in text else None


def draft_task(instruction: str, model_id: str, why: str, attempts: int = 3):
    """The task spec a model drafts for ``instruction``, and its TOML text.

    Raises:
        DraftError: the model found it impossible, or gave nothing that loads in ``attempts`` replies.
    """
    from aspire_tui.agent.coder import CoderError
    from sim.errors import TaskFileError
    from sim.predicates import PREDICATES
    from sim.taskspec import CATEGORIES, parse_task
    from sim.vocabulary import COLORS, KINDS

    try:
        model = get_model(model_id)
    except CoderError as e:
        raise DraftError(str(e)) from None
    predicates = "\n".join(f"- {p.name}: {p.doc.splitlines()[0] if p.doc else ''}" for p in PREDICATES.values())
    prompt = fill("draft_task", instruction=instruction, why=why, kinds=", ".join(KINDS), colors=", ".join(COLORS),
                  predicates=predicates, categories=", ".join(CATEGORIES))
    note = ""
    for _ in range(attempts):
        try:
            reply = model.prompt(prompt + note).text() or ""
        except Exception as e:  # noqa: BLE001 - any provider error, in one line
            raise DraftError(f"model {model_id!r} failed: {type(e).__name__}: {str(e)[:160]}") from None
        if reply.strip().startswith("IMPOSSIBLE:"):
            raise DraftError(f"impossible: {reply.strip()[11:].strip()[:160]} (as {model_id} reads it)")
        text = _reply_toml(reply)
        if text is None:
            note = "\n\nYour last reply had no task file. Reply with the whole task file in one ```toml block."
            continue
        try:
            return parse_task(text, f"<drafted by {model_id}>"), text
        except TaskFileError as e:
            note = f"\n\nYour last task file does not load: {e}\nReply with the corrected task file."
    raise DraftError(f"{model_id} gave no task file that loads in {attempts} replies ({why})")
