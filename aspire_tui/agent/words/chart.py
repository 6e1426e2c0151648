"""The best reading of a run of tags: a chart parser over a lark grammar's compiled rules.

lark's Earley parser builds every reading of a run and then keeps the one
whose rules' priorities sum highest (``ambiguity="resolve"``). Over the
phrase grammar that took 2-15 ms for each run of a shape not seen before,
because every column predicts nearly every rule; an instruction made of new
shapes paid it once per run, and that set the parse time's p95. This parser
finds the same best reading directly: for each symbol and span, the reading
whose priorities sum highest (CKY-style, memoised per run, and pruned by the
tags a symbol can begin and end with), in well under a millisecond.

Ties between equal sums go to the earlier alternative of a rule and, within a
rule, to the later split point; lark breaks them by the order its Earley items
happen to complete. The two agree on every run the labelled sets make, on
every run of one or two tags (``tests/agent/test_words_chart.py``), and on all
but 30 of the 27,930 runs of three tags, each of them nonsense ("other block
leftmost": the other block, or the leftmost one).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lark import Token, Tree
from lark.grammar import NonTerminal, Rule, Symbol

# (priority sum, tree or token) of the best reading of a symbol over a span; None where there is none
Reading = tuple[int, Any] | None


class Chart:
    """Parses sequences of terminal names with lark's compiled ``rules``, keeping the highest-priority reading.

    Rules that read no tags are left out: the phrase grammar has none but the empty ``start``, and a run is
    never empty.
    """

    def __init__(self, rules: list[Rule], start: str = "start") -> None:
        self.start = NonTerminal(start)
        self.rules: dict[str, list[Rule]] = defaultdict(list)
        for rule in sorted(rules, key=lambda r: r.order):
            if rule.expansion:  # an empty reading only matters for an empty run, which is never parsed
                self.rules[rule.origin.name].append(rule)
        self.first, self.last, self.shortest = _bounds(self.rules)
        # per rule, the fewest tags its symbols from the k-th on can cover: where a split point may fall
        self.rest = {id(rule): tuple(sum(self.length(s) for s in rule.expansion[k:])
                                     for k in range(len(rule.expansion) + 1))
                     for alternatives in self.rules.values() for rule in alternatives}

    def length(self, symbol: Symbol) -> int:
        """The fewest tags a reading of ``symbol`` covers."""
        return 1 if symbol.is_term else self.shortest[symbol.name]

    def parse(self, tags: tuple[str, ...]) -> Tree | None:
        """The best reading of ``tags`` as a lark tree shaped as lark shapes it, or None when there is none."""
        run = _Run(self, tags)
        best = run.symbol(self.start, 0, len(tags)) if tags else None
        return None if best is None else best[1]


class _Run:
    """The memoised chart of one run of tags."""

    def __init__(self, chart: Chart, tags: tuple[str, ...]) -> None:
        self.chart = chart
        self.tags = tags
        self.symbols: dict[tuple[str, int, int], Reading] = {}
        self.sequences: dict[tuple[int, int, int, int], Reading] = {}

    def symbol(self, symbol: Symbol, i: int, j: int) -> Reading:
        """The best reading of ``symbol`` over tags[i:j]."""
        if symbol.is_term:
            return (0, Token(symbol.name, self.tags[i])) if j == i + 1 and self.tags[i] == symbol.name else None
        key = (symbol.name, i, j)
        if key in self.symbols:
            return self.symbols[key]
        chart, best = self.chart, None
        if (self.tags[i] in chart.first[symbol.name] and self.tags[j - 1] in chart.last[symbol.name]
                and j - i >= chart.shortest[symbol.name]):
            for rule in chart.rules[symbol.name]:
                got = self.sequence(rule, 0, i, j)
                if got is not None:
                    score = got[0] + (rule.options.priority or 0)
                    if best is None or score > best[0]:  # a tie keeps the earlier alternative
                        best = (score, _tree(rule, got[1]))
        self.symbols[key] = best
        return best

    def sequence(self, rule: Rule, k: int, i: int, j: int) -> Reading:
        """The best reading of the rule's symbols from the k-th on over tags[i:j]; its value is the list of children."""
        key = (id(rule), k, i, j)
        if key in self.sequences:
            return self.sequences[key]
        symbols, best = rule.expansion, None
        if k == len(symbols) - 1:
            got = self.symbol(symbols[k], i, j)
            best = None if got is None else (got[0], [got[1]])
        else:
            room = j - self.chart.rest[id(rule)][k + 1]  # the last end that leaves the rest its fewest tags
            first_end = i + self.chart.length(symbols[k])
            last_end = min(first_end, room) if symbols[k].is_term else room  # a terminal covers one tag
            for m in range(first_end, last_end + 1):
                head = self.symbol(symbols[k], i, m)
                tail = self.sequence(rule, k + 1, m, j) if head is not None else None
                if tail is not None and (best is None or head[0] + tail[0] >= best[0]):  # a tie: the later split
                    best = (head[0] + tail[0], [head[1]] + tail[1])
        self.sequences[key] = best
        return best


def _tree(rule: Rule, children: list) -> Any:
    """A rule's reading shaped as lark's tree builder shapes it: ``_rule`` children inlined, ``?rule`` with one child
    replaced by it."""
    kids: list = []
    for child in children:
        if isinstance(child, Tree) and child.data.startswith("_"):
            kids += child.children
        else:
            kids.append(child)
    if rule.options.expand1 and len(kids) == 1:
        return kids[0]
    return Tree(rule.origin.name, kids)


def _bounds(rules: dict[str, list[Rule]]) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, int]]:
    """For each nonterminal: the terminals a reading of it can begin with and end with, and its fewest terminals."""
    first: dict[str, set[str]] = {name: set() for name in rules}
    last: dict[str, set[str]] = {name: set() for name in rules}
    shortest = {name: 1 << 30 for name in rules}
    changed = True
    while changed:  # a fixed point: each pass can only add terminals or shorten a length
        changed = False
        for name, alternatives in rules.items():
            for rule in alternatives:
                symbols = rule.expansion
                for table, symbol in ((first, symbols[0]), (last, symbols[-1])):
                    more = {symbol.name} if symbol.is_term else table[symbol.name]
                    if not more <= table[name]:
                        table[name] |= more
                        changed = True
                length = sum(1 if s.is_term else shortest[s.name] for s in symbols)
                if length < shortest[name]:
                    shortest[name] = length
                    changed = True
    return first, last, shortest
