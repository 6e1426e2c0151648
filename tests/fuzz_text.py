"""Hypothesis strategies for fuzzing the parsers people feed: valid files, mutated.

Random text alone rarely gets past a parser's first check, so most examples
start from a real file (a seed skill, a built-in task) and apply a few edits:
delete, duplicate or swap spans, insert a fragment the parser has opinions
about, flip a character, cut the file short.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that break parsers: line ends of every kind, NUL, BOM, surrogate-free
# astral and combining characters, fullwidth letters that NFKC-normalise.
NASTY = ["\n", "\r", "\r\n", "\t", "\x00", "\ufeff", "\u2028", "\u0085", "\x0c", "\\", '"', "'", "{", "}", "[",
         "]", "=", "#", "ｅ", "\u0301", "😀", "_＿", "𝟘", " ", "\x7f"]


def _edit(text: str, edit: tuple, fragments: list[str]) -> str:
    kind, a, b, pick = edit
    n = len(text)
    i, j = sorted((a % (n + 1), b % (n + 1)))
    if kind == "delete":
        return text[:i] + text[j:]
    if kind == "duplicate":
        return text[:j] + text[i:j] + text[j:]
    if kind == "insert":
        return text[:i] + fragments[pick % len(fragments)] + text[i:]
    if kind == "replace":
        return text[:i] + fragments[pick % len(fragments)] + text[j:]
    if kind == "truncate":
        return text[:i]
    if kind == "swap_lines":
        lines = text.split("\n")
        x, y = a % len(lines), b % len(lines)
        lines[x], lines[y] = lines[y], lines[x]
        return "\n".join(lines)
    if kind == "char":
        return text[:i] + NASTY[pick % len(NASTY)] + text[i + 1:]
    return text


_EDITS = st.tuples(st.sampled_from(["delete", "duplicate", "insert", "replace", "truncate", "swap_lines", "char"]),
                   st.integers(0, 1 << 20), st.integers(0, 1 << 20), st.integers(0, 1 << 16))


def mutated(bases: list[str], fragments: list[str], max_edits: int = 6) -> st.SearchStrategy[str]:
    """A base text with up to ``max_edits`` edits; fragments are what inserts and replacements use."""
    fragments = fragments + NASTY
    return st.builds(lambda base, edits: _apply(base, edits, fragments),
                     st.sampled_from(bases), st.lists(_EDITS, min_size=1, max_size=max_edits))


def _apply(base: str, edits: list[tuple], fragments: list[str]) -> str:
    for edit in edits:
        base = _edit(base, edit, fragments)
    return base


def words_of(*sources) -> list[str]:
    """Every string inside the given strings, tuples, lists and dicts (keys and values)."""
    out: list[str] = []
    stack = list(sources)
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
    return sorted(set(out))


def assert_one_line(message: str) -> None:
    """A typed error's message: one line that says something."""
    assert message.strip(), "empty error message"
    assert len(message.splitlines()) == 1, f"error message is not one line: {message!r}"
