"""`LLMCoder`: a coder backed by any model ``llm`` reaches, with prompts from ``prompts/``.

A reply with no usable program is a counted failure (``usage.failures``); the
coder asks again (up to ``attempts`` times) and then gives up with a
`CoderError`. Diagnosis keeps the trace's rule-based facts (error type, call,
evidence) and adds the model's own words. Keyframes of the failing call go
along as attachments when the model accepts images.

Every prompt is fitted to the model's context (`aspire_tui.agent.context`):
while it is too long it gives up skills, then trace detail, then lessons, and
``fitted`` keeps a line for each prompt that lost something. A prompt that does
not fit even at its smallest ends the coder with a one-line `CoderError`.

Replies are read forgivingly (`aspire_tui.agent.replies`); a reply with no
program is rejected with a one-line reason, kept in ``rejected``. A repair is
asked again without the model's own analysis of the failure, which a weak model
answers in kind.
"""

from __future__ import annotations

import json
import re
import string
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Sequence

from aspire_tui.agent.coder import CoderError, Diagnosis, Distilled, Repair, Usage, rule_diagnosis, skill_name
from aspire_tui.agent.context import TRACE_CHARS, ContextTooSmall, context_of, counter, fit, prompt_limit, shorten
from aspire_tui.agent.instruction import Goal
from aspire_tui.agent.replies import no_program_reason, program_in

# Sent after a reply without a program; the longest form counts when a prompt is fitted.
RETRY_NOTE = ("\n\nYour last reply had no Python program that parses and defines `def {require}(...)`. "
              "Reply with the whole program in one ```python block.")


def prompt_text(name: str) -> str:
    """A prompt template shipped in the ``prompts`` package."""
    return resources.files("prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8")


def fill(template: str, /, **values: Any) -> str:
    """A prompt template with ``$names`` filled in (unknown ``$words`` stay as they are)."""
    return string.Template(prompt_text(template)).safe_substitute({k: str(v) for k, v in values.items()})


def get_model(model_id: str):
    """``llm.get_model`` with its errors said in one line."""
    import llm

    try:
        model = llm.get_model(model_id)
    except llm.UnknownModelError:
        raise CoderError(f"unknown model {model_id!r} (see `llm models`)") from None
    if getattr(model, "needs_key", None):
        try:
            model.get_key()
        except llm.NeedsKeyException as e:
            raise CoderError(f"model {model_id!r} needs a key: {e}") from None
    return model


def stored_options(model_id: str) -> dict[str, Any]:
    """The options a person set for the model with ``llm models options set MODEL KEY VALUE`` (llm's own
    store, which its CLI applies too): ``max_tokens`` there also sets the room kept for each reply."""
    try:
        from llm.cli import get_model_options

        return dict(get_model_options(model_id))
    except Exception:  # noqa: BLE001 - an older llm without the store, or an unreadable file: no options
        return {}


class LLMCoder:
    """Writes, diagnoses, repairs and generalizes programs with an ``llm`` model."""

    def __init__(self, model_id: str, attempts: int = 3, model=None, context: int | None = None) -> None:
        """Args:
            model_id: any model ``llm`` reaches.
            attempts: replies asked for before a step without a usable program gives up.
            model: the ``llm`` model itself (else ``llm.get_model(model_id)``).
            context: the model's context in tokens, when neither it nor ``$ASPIRE_MODEL_CONTEXT`` says.
        """
        self.model_id = model_id
        self.model = model if model is not None else get_model(model_id)
        self.attempts = attempts
        self.options = stored_options(model_id)
        self.context = context_of(self.model, context)
        self.limit = prompt_limit(self.model, self.context, self.options.get("max_tokens"))
        self.count = counter(self.model)
        self.fitted: list[str] = []  # "write: 3 of 8 skills (1900 tokens)" for each prompt that lost something
        self.usage = Usage(model_id)
        self.rejected: list[str] = []  # "write: prose, no code" for each reply without a program
        self.goal: Goal | None = None
        self.skeleton = ""  # the lines a write prompt ends with, which a reply may only complete
        self.skills_text = ""
        self.last_trace = None
        self.name = f"llm:{model_id}"
        self._logs = None  # llm's logs.db, opened on the first reply

    # -- talking to the model -------------------------------------------------
    def _ask(self, prompt: str, attachments: list | None = None) -> str:
        import llm

        kwargs: dict[str, Any] = {"system": prompt_text("system"), **self.options}
        if attachments:
            kwargs["attachments"] = attachments
        try:
            response = self.model.prompt(prompt, **kwargs)
            text = response.text()
        except llm.NeedsKeyException as e:
            raise CoderError(f"model {self.model_id!r} needs a key: {e}") from None
        except Exception as e:  # noqa: BLE001 - any provider error ends this coder, in one line
            raise CoderError(f"model {self.model_id!r} failed: {type(e).__name__}: {str(e)[:200]}") from None
        self.usage.prompts += 1
        self._log(response)
        try:
            usage = response.usage()
            used_in, used_out = usage.input, usage.output
        except Exception:  # noqa: BLE001 - models that report no usage
            used_in = used_out = None
        # a model that reports nothing is counted by estimate (4 characters a token)
        self.usage.input_tokens += int(used_in) if used_in is not None else len(prompt) // 4
        self.usage.output_tokens += int(used_out) if used_out is not None else len(text or "") // 4
        return text or ""

    def _log(self, response) -> None:
        """Keep the prompt and reply in llm's own log (``llm logs`` shows them), unless logging is off."""
        try:
            from llm.cli import logs_db_path, logs_on
            from llm.migrations import migrate
            import sqlite_utils

            if not logs_on():
                return
            if self._logs is None:
                path = logs_db_path()
                path.parent.mkdir(parents=True, exist_ok=True)
                self._logs = sqlite_utils.Database(path)
                migrate(self._logs)
            response.log_to_db(self._logs)
        except Exception:  # noqa: BLE001 - a log that cannot be written never stops the coder
            pass

    def _fit(self, step: str, build: Callable[..., str], code: str = "", **parts: Sequence) -> str:
        """The fullest prompt for ``step`` that fits the model's context (`context.fit`); ``code`` names the
        function a reply must define, whose retry note must fit too.

        Raises:
            CoderError: even the smallest prompt does not fit (one line).
        """
        extra = prompt_text("system") + (RETRY_NOTE.format(require=code) if code else "")
        try:
            fitted = fit(build, parts, self.limit, self.count, step, self.model_id, extra=extra)
        except ContextTooSmall as e:
            raise CoderError(str(e)) from None
        if fitted.cuts:
            self.fitted.append(f"{step}: {', '.join(fitted.cuts)} ({fitted.tokens} of {self.limit} tokens)")
        return fitted.text

    def _code(self, prompt: str, step: str, require: str = "run", attachments: list | None = None,
              again: str | None = None) -> str:
        """The program in the model's reply to ``prompt``, asking again (with ``again``, if given, instead of
        ``prompt``) after a reply without one.

        Raises:
            CoderError: ``attempts`` replies had none; the last one's reason ends the line.
        """
        note = ""
        why = ""
        for attempt in range(self.attempts):
            reply = self._ask((prompt if attempt == 0 or again is None else again) + note, attachments)
            code = program_in(reply, require, self.skeleton if require == "run" else "")
            if code is not None:
                return code
            why = no_program_reason(reply, require)
            self.rejected.append(f"{step}: {why}")
            self.usage.failures += 1
            note = RETRY_NOTE.format(require=require)
        raise CoderError(f"model {self.model_id!r} gave no usable program in {self.attempts} replies "
                         f"(last: {why})")

    # -- the Coder protocol -------------------------------------------------
    def write(self, goal: Goal, skills: list, lessons: list) -> str:
        """The model's program for the goal, from the skills' signatures and descriptions, an example that
        calls the first of them, and a skeleton (``ARGS`` and ``def run(robot):``) for the reply to complete."""
        self.goal = goal
        lines = [f"- {s.name}{s.signature.removeprefix(s.name) if s.signature else ''}: {s.description}"
                 for s in skills]
        self.skeleton = f"ARGS = {goal.slots!r}\n\n\ndef run(robot):"
        shown = example_program(skills[0]) if skills else ""

        def build(skills: list[str], lessons: list, example: list[str]) -> str:
            self.skills_text = "\n".join(skills) or "(none)"
            return fill("write", instruction=goal.text, family=goal.family, slots=json.dumps(goal.slots),
                        skills=self.skills_text, lessons=_lessons_text(lessons), args_literal=repr(goal.slots),
                        example="".join(example), skeleton=self.skeleton)

        # skills come ranked by retrieval, lessons by fit: the last of each goes first, the example after them
        prompt = self._fit("write", build, code="run", skills=_fewer(lines), lessons=_fewer(lessons),
                           example=_fewer([shown] if shown else []))
        return self._code(prompt, "write")

    def diagnose(self, trace, lessons: list) -> Diagnosis:
        """The rules' facts about the failure, with the model's own analysis of the trace."""
        d = rule_diagnosis(trace, lessons)
        self.last_trace = run = trace
        summary = run.summary()

        def build(trace: int, lessons: list) -> str:
            return fill("diagnose", instruction=self.goal.text if self.goal else run.instruction,
                        program=run.program, trace=shorten(summary, trace), lessons=_lessons_text(lessons))

        prompt = self._fit("diagnose", build, trace=_shorter(summary), lessons=_fewer(lessons))
        d.analysis = self._ask(prompt, self._keyframes(run)).strip()[:2000] or d.analysis
        return d

    def repair(self, program: str, diagnosis: Diagnosis) -> Repair:
        """The model's repaired program, labelled with the actions the diagnosis suggested."""
        lessons = _split_lessons(diagnosis.lesson_text, diagnosis.lessons)

        def build(trace: int, lessons: list[str], analysis: list[str]) -> str:
            # the model's own analysis is cut with the trace it analysed
            said = "".join(analysis)
            said = said if trace >= len(diagnosis.summary) else said[:trace]
            return fill("repair", instruction=self.goal.text if self.goal else "",
                        trace=shorten(diagnosis.summary, trace), analysis=f"Diagnosis: {said}\n\n" if said else "",
                        lessons="Lessons from past failures:\n" + "\n\n".join(lessons) if lessons else "",
                        program=program)

        trace, shown = _shorter(diagnosis.summary), _fewer(lessons)
        prompt = self._fit("repair", build, code="run", trace=trace, lessons=shown,
                           analysis=_fewer([diagnosis.analysis] if diagnosis.analysis else []))
        # a reply without a program is asked again without the model's own analysis: a weak model answers
        # prose with prose (SmolLM2-135M did, every time), and the trace keeps the rules' facts
        plain = self._fit("repair", build, code="run", trace=trace, lessons=shown, analysis=[[]])
        return Repair(self._code(prompt, "repair", again=plain), tuple(diagnosis.actions))

    def generalize(self, program: str, goal: Goal, evidence: dict[str, Any] | None = None,
                   sources: dict[str, str] | None = None) -> Distilled | None:
        """A new skill the model writes from the program; ``sources`` are not needed, as it refines nothing
        itself (the loop makes it a refinement of the library's skill for the same goal, if there is one)."""
        evidence = evidence or {}
        name = skill_name(goal)
        params = ", ".join(goal.slots)
        prompt = self._fit("generalize", lambda: fill(
            "generalize", instruction=goal.text, family=goal.family, name=name, success=evidence.get("success", ""),
            seeds=evidence.get("seeds", []), validation_args=json.dumps({k: "{" + k + "}" for k in goal.slots}),
            params=params, program=program), code=name)
        source = self._code(prompt, "generalize", require=name)
        note = f"Validated {evidence.get('success', '')} on {goal.family} seeds {evidence.get('seeds', [])}."
        return Distilled(name, source, "new", f"Add skill {name} (written by {self.model_id})",
                         f"{note} Run {evidence.get('run', '')}.")

    def propose(self, goal: Goal, parents: list, n: int) -> list[tuple[str, str]]:
        """``n`` children of ``parents``, one model reply each, each testing a hypothesis the others do not."""
        self.goal = self.goal or goal
        shown_parents = [
            f"Program {i + 1} (success {p.fitness or 'unknown'}):\n```python\n{p.source}```\n"
            f"Failure: {p.diagnosis.summary if p.diagnosis is not None else 'none seen on the debug scenes'}"
            for i, p in enumerate(parents)]
        taken: list[str] = []
        out: list[tuple[str, str]] = []
        seen = {p.source for p in parents}
        for index in range(1, n + 1):
            def build(parents: list[str], index: int = index) -> str:
                return fill("propose", instruction=goal.text, family=goal.family, args_literal=repr(goal.slots),
                            parents="\n\n".join(parents), index=index, count=n,
                            taken="\n".join(f"- {h}" for h in taken) or "(none yet)")

            # the fittest parents come first; a small context sees fewer of them (one at least)
            reply = self._ask(self._fit("propose", build, parents=_fewer(shown_parents)[:max(1, len(parents))]))
            code = program_in(reply, "run", self.skeleton)
            hypothesis = next((line.split(":", 1)[1].strip() for line in reply.splitlines()
                               if line.lower().startswith("hypothesis:")), f"candidate {index}")[:200]
            if code is None or code in seen:
                self.usage.failures += 1  # a reply that breeds nothing new is a counted failure, not an error
                continue
            seen.add(code)
            taken.append(hypothesis)
            out.append((code, hypothesis))
        return out

    def _keyframes(self, trace) -> list:
        """The failing call's keyframe as an attachment, when the model takes PNG images."""
        types = getattr(self.model, "attachment_types", set()) or set()
        record = trace.failure
        if "image/png" not in types or record is None or not record.keyframe or trace.run_dir is None:
            return []
        path = Path(trace.run_dir) / record.keyframe
        if not path.is_file():
            return []
        import llm

        return [llm.Attachment(path=str(path))]


def _fewer(items: Sequence) -> list[list]:
    """``items`` whole, then without its last, ... down to none: a part's choices for `context.fit`."""
    return [list(items[:n]) for n in range(len(items), -1, -1)]


def _shorter(summary: str) -> list[int]:
    """Lengths a trace summary may be cut to (characters), whole first: a part's choices for `context.fit`."""
    return [len(summary)] + [n for n in TRACE_CHARS if n < len(summary)]


def _split_lessons(text: str, names: list[str]) -> list[str]:
    """The diagnosis's joined lesson text back into one text per lesson (each starts with ``name: ``)."""
    starts = [text.find(f"{name}: ") for name in names]
    if not text or not starts or any(s < 0 for s in starts) or starts != sorted(starts):
        return [text] if text else []
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]


def _lessons_text(lessons: list) -> str:
    if not lessons:
        return ""
    parts = []
    for lesson in lessons:
        strategy = lesson.sections.get("repair_strategy", "") if hasattr(lesson, "sections") else ""
        parts.append(f"- {lesson.name}: {lesson.description}\n{re.sub(r'(?m)^', '  ', strategy)}")
    return "Lessons from past failures:\n" + "\n".join(parts) + "\n"


def example_program(skill) -> str:
    """A whole program that calls ``skill``, for the write prompt: its required parameters (and those its
    validation names) read ``ARGS`` under the names its validation task gives them, with placeholders."""
    check = getattr(skill, "metadata", {}).get("validation")
    given = check.get("args") if isinstance(check, dict) and isinstance(check.get("args"), dict) else {}
    args, words = [], {}
    for param in getattr(skill, "params", [])[1:]:
        if param.kind not in ("positional", "keyword") or (param.default is not None and param.name not in given):
            continue
        value = given.get(param.name)
        slot = re.fullmatch(r"\{(\w+)\}", value) if isinstance(value, str) else None
        if value is not None and slot is None:
            args.append(f"{param.name}={value!r}")
            continue
        key = slot.group(1) if slot else param.name
        words[key] = f"<{key}>"
        args.append(f"{param.name}=ARGS[{key!r}]")
    call = ", ".join(["robot"] + args)
    return (f"A whole program that calls a skill (for a task whose objects are in ARGS):\n```python\n"
            f"from skills.{skill.name} import {skill.name}\n\nARGS = {words!r}\n\n\n"
            f"def run(robot):\n    {skill.name}({call})\n```\n\n")
