"""The phrase grammar's rules kept between commands, as `compiled` keeps the reader's patterns.

lark reads a grammar's text with a grammar of its own each time a process builds it: about 0.15 s of CPU,
the largest part of the reader's start once its patterns were kept compiled. The reader uses only the
rules (`chart.Chart` parses with them), and a rule is plain data: its origin, its symbols, its order, its
priority and whether a single child replaces it. So they are kept as marshal data (no code runs when it is
read) in a file named by a hash of the grammar's text and lark's version: a changed grammar or another
lark builds and keeps its own. A missing or broken file only means lark builds the rules as usual.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Callable

import lark
from lark.grammar import NonTerminal, Rule, RuleOptions, Terminal

from aspire_tui.agent.words.compiled import cache_dir, write_whole


def rules(grammar: str, build: Callable[[], list[Rule]]) -> list[Rule]:
    """The rules of ``grammar``: read from the file kept for it, else ``build()`` and kept."""
    path = rules_file(grammar)
    try:
        return [_rule(*row) for row in marshal.loads(path.read_bytes())]
    except Exception:  # noqa: BLE001 - none kept yet, or a file this lark cannot use: build them
        pass
    built = build()
    try:
        write_whole(path, marshal.dumps([_row(rule) for rule in built]))
    except Exception:  # noqa: BLE001 - rules not kept cost the next command its building, nothing else
        pass
    return built


def rules_file(grammar: str) -> Path:
    """Where the rules of ``grammar`` are kept, named by its text and lark's version."""
    digest = hashlib.sha1(f"{lark.__version__}\n{grammar}".encode()).hexdigest()[:16]
    return cache_dir() / f"grammar-{digest}.marshal"


def _row(rule: Rule) -> tuple:
    # lark's names are its Tokens, a str subclass marshal does not write
    symbols = tuple((str(symbol.name), symbol.is_term) for symbol in rule.expansion)
    return str(rule.origin.name), symbols, rule.order, rule.options.priority, bool(rule.options.expand1)


def _rule(origin: str, symbols: tuple, order: int, priority: int | None, expand1: bool) -> Rule:
    expansion = [Terminal(name) if is_term else NonTerminal(name) for name, is_term in symbols]
    return Rule(NonTerminal(origin), expansion, order=order, options=RuleOptions(expand1=expand1, priority=priority))
