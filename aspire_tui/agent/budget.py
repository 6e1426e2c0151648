"""A task's budget: model tokens, cost, simulated episodes and wall-clock seconds, with a hard stop.

``Budget.parse("tokens=20000,cost=0.50,episodes=40,seconds=600")`` reads the
``--budget`` option; a bare number is seconds (the option's old meaning). The
loop calls `Budget.check` before every model call it starts and every episode
it runs; the first limit crossed raises `BudgetExceeded`, whose message says
what was spent of every kind. Cost is counted from tokens at the prices the
person gives (dollars per million input/output tokens), because ``llm``
reports tokens, not money.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

KINDS = ("tokens", "cost", "episodes", "seconds")


class BudgetError(ValueError):
    """A ``--budget`` text that cannot be read; one line."""


class BudgetExceeded(Exception):
    """A limit was reached; the message says what was spent."""


@dataclass
class Budget:
    """Limits for one task (None: no limit of that kind)."""

    tokens: int | None = None
    cost: float | None = None
    episodes: int | None = None
    seconds: float | None = None
    price_in: float = 0.0           # dollars per million input tokens
    price_out: float = 0.0          # dollars per million output tokens
    started: float = field(default_factory=time.monotonic)

    @classmethod
    def parse(cls, text: str | float | None, prices: tuple[float, float] | None = None) -> "Budget":
        """``"tokens=20000,cost=0.5,episodes=40,seconds=600"`` or a number of seconds.

        Raises:
            BudgetError: unknown kind, a value that is not a positive number, or a cost without prices.
        """
        budget = cls()
        if prices is not None:
            budget.price_in, budget.price_out = (float(p) for p in prices)
        if text is None or str(text).strip() == "":
            return budget
        if isinstance(text, (int, float)):
            text = f"seconds={text}"
        for part in str(text).split(","):
            key, sep, value = part.strip().partition("=")
            if not sep:
                key, value = "seconds", key
            key = key.strip().lower()
            if key not in KINDS:
                raise BudgetError(f"unknown budget {key!r}: use {', '.join(f'{k}=N' for k in KINDS)}")
            try:
                number = float(value)
            except ValueError:
                raise BudgetError(f"budget {key}={value!r} is not a number") from None
            if not number > 0:
                raise BudgetError(f"budget {key} must be more than 0, got {value}")
            setattr(budget, key, int(number) if key in ("tokens", "episodes") else number)
        if budget.cost is not None and not (budget.price_in or budget.price_out):
            raise BudgetError("a cost budget needs the model's prices: --prices IN,OUT (dollars per million "
                              "input and output tokens)")
        return budget

    def limited(self) -> bool:
        """Does any limit apply?"""
        return any(getattr(self, k) is not None for k in KINDS)

    def spent(self, usage=None, episodes: int = 0) -> dict[str, float]:
        """What has gone so far: tokens and cost from the coder's usage, episodes run, seconds."""
        tokens_in = int(getattr(usage, "input_tokens", 0) or 0)
        tokens_out = int(getattr(usage, "output_tokens", 0) or 0)
        return {"tokens": tokens_in + tokens_out,
                "cost": round((tokens_in * self.price_in + tokens_out * self.price_out) / 1e6, 6),
                "episodes": episodes, "seconds": round(time.monotonic() - self.started, 1)}

    def describe(self, usage=None, episodes: int = 0) -> str:
        """``"spent 12000 tokens, $0.0300, 14 episodes, 96.2 s"``."""
        s = self.spent(usage, episodes)
        return (f"spent {s['tokens']} tokens, ${s['cost']:.4f}, {s['episodes']} episodes, {s['seconds']:.1f} s")

    def check(self, usage=None, episodes: int = 0, upcoming: int = 0) -> None:
        """Raise `BudgetExceeded` when a limit is reached (``upcoming``: episodes about to run)."""
        s = self.spent(usage, episodes)
        over = []
        if self.tokens is not None and s["tokens"] >= self.tokens:
            over.append(f"tokens {s['tokens']} of {self.tokens}")
        if self.cost is not None and s["cost"] >= self.cost:
            over.append(f"cost ${s['cost']:.4f} of ${self.cost:g}")
        if self.episodes is not None and episodes + max(upcoming, 0) > self.episodes:
            over.append(f"episodes {episodes}{f' + {upcoming}' if upcoming else ''} of {self.episodes}")
        if self.seconds is not None and s["seconds"] >= self.seconds:
            over.append(f"{s['seconds']:.1f} s of {self.seconds:g} s")
        if over:
            raise BudgetExceeded(f"out of budget ({'; '.join(over)}): {self.describe(usage, episodes)}")
