"""With a model, words the rules cannot read still become a task: the model drafts the task file.

``draft_task("arrange the cubes like a smiley", "gpt-4o", why)`` asks the model for a task file
(TOML), checks it with the task-file loader and sends any error back, a few times. What comes back
is a `TaskSpec` and its text; the goal shown is its success condition, and that is what "validated"
will mean. Nothing of the model's reply is run.

The prompt is fitted to the model's context as the coder's are (`aspire_tui.agent.context`): while it
is too long it gives up the predicates' descriptions (the last first), and when even the prompt
without them does not fit, drafting ends with one line.
"""

from __future__ import annotations

import re

from aspire_tui.agent.context import ContextTooSmall, context_of, counter, fit, prompt_limit
from aspire_tui.agent.llm_coder import fill, get_model, stored_options

# The longest retry note counts when the prompt is fitted; a loader error is cut to fit in it.
ERROR_CHARS = 240
NO_FILE_NOTE = "\n\nYour last reply had no task file. Reply with the whole task file in one ```toml block."
BAD_FILE_NOTE = "\n\nYour last task file does not load: {error}\nReply with the corrected task file."
UNSAID_NOTE = ("\n\nYour last task file gives {objects} a colour the words never say. Give an object the "
               "success check names only a colour the words say, or a list of colours where they say none. "
               "Reply with the corrected task file.")


class DraftError(ValueError):
    """The model gave no task file that loads; one line."""


def _reply_toml(reply: str) -> str | None:
    fenced = re.findall(r"```(?:toml)?\s*\n(.*?)```", reply, re.S)
    text = fenced[0] if fenced else reply
    return text if "[task]" in text else None


def draft_prompt(model, model_id: str, build, predicates: list[str], max_tokens: int | None = None) -> str:
    """The fullest draft prompt ``build(predicates=...)`` that fits the model's context, with room for the
    reply and for the longest retry note.

    Raises:
        DraftError: even the prompt without predicates does not fit (one line).
    """
    limit = prompt_limit(model, context_of(model), max_tokens)
    extra = max(NO_FILE_NOTE, BAD_FILE_NOTE.format(error="x" * ERROR_CHARS), key=len)
    parts = {"predicates": [predicates[:n] for n in range(len(predicates), -1, -1)]}
    try:
        return fit(build, parts, limit, counter(model), "draft", model_id, extra=extra).text
    except ContextTooSmall as e:
        raise DraftError(str(e)) from None


def draft_task(instruction: str, model_id: str, why: str, attempts: int = 3):
    """The task spec a model drafts for ``instruction``, and its TOML text.

    Raises:
        DraftError: the model found it impossible, or gave nothing that loads in ``attempts`` replies,
            or even the shortest prompt does not fit its context.
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
    options = stored_options(model_id)  # as llm's CLI applies them; max_tokens also sets the reply's room

    def build(predicates: list[str]) -> str:
        return fill("draft_task", instruction=instruction, why=why, kinds=", ".join(KINDS),
                    colors=", ".join(COLORS), predicates="\n".join(predicates) or "(see the example below)",
                    categories=", ".join(CATEGORIES))

    lines = [f"- {p.name}: {p.doc.splitlines()[0] if p.doc else ''}" for p in PREDICATES.values()]
    prompt = draft_prompt(model, model_id, build, lines, options.get("max_tokens"))
    note, invented = "", []
    for _ in range(attempts):
        invented = []
        try:
            reply = model.prompt(prompt + note, **options).text() or ""
        except Exception as e:  # noqa: BLE001 - any provider error, in one line
            raise DraftError(f"model {model_id!r} failed: {type(e).__name__}: {str(e)[:160]}") from None
        if reply.strip().startswith("IMPOSSIBLE:"):
            raise DraftError(f"impossible: {reply.strip()[11:].strip()[:160]} (as {model_id} reads it)")
        text = _reply_toml(reply)
        if text is None:
            note = NO_FILE_NOTE
            continue
        try:
            spec = parse_task(text, f"<drafted by {model_id}>")
        except TaskFileError as e:
            note = BAD_FILE_NOTE.format(error=str(e)[:ERROR_CHARS])
            continue
        invented = invented_colours(spec, instruction)
        if not invented:
            return spec, text
        note = UNSAID_NOTE.format(objects=", ".join(invented)[:ERROR_CHARS])
    if invented:
        raise DraftError(f"{model_id} drafted a task about {', '.join(invented)}, which the words never name, "
                         f"in {attempts} replies ({why})")
    raise DraftError(f"{model_id} gave no task file that loads in {attempts} replies ({why})")


def invented_colours(spec, instruction: str) -> list[str]:
    """The objects of a drafted success check ("green bowl") given one colour the words never say: a model
    that names them has drafted another task, and "validated" would mean a goal nobody asked for."""
    from sim.vocabulary import color_of

    said = {color_of(w) for w in re.findall(r"[a-z]+", instruction.lower())}
    checked = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", spec.success_text))
    return [f"{o.colors[0]} {o.kind}" for o in spec.objects
            if o.id in checked and len(o.colors) == 1 and o.colors[0] not in said]
