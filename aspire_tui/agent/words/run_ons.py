"""Sentences typed without the marks between them, their breaks put back before the words are read: a capital
that opens a sentence after a word with no stop ("Look at the blocks Your job is to ..."), and steps numbered one
to a line with no point after the number ("1 put the cube ...\\n2 put the ball ...")."""

from __future__ import annotations

import re

# words after which a capital is a name said mid-sentence ("the Robot", "of Eldoria"), not a new sentence
BEFORE_A_NAME = frozenset({"the", "a", "an", "of", "my", "your", "our", "their", "his", "her", "its", "mobile",
                           "sign", "dear", "mr", "mrs", "ms", "dr", "to", "from", "by", "with", "for", "called",
                           "named"})
# a capital after a word: a sentence's opening word ("bowl The robot", "tricky Your job")
_OPENING = re.compile(r"\b(?P<prev>[a-z][a-z']*) +(?P<cap>[A-Z][a-z]+(?:'[a-z]+)?|I)\b")
# a step's number alone at the head of its line ("2 put ..."), the point after it left out
_NUMBERED_LINE = re.compile(r"^(\s*)(\d{1,2})(?=\s+[A-Za-z])", re.M)


def with_breaks(text: str) -> str:
    """``text`` with a stop before each capital that opens a sentence after an unmarked word, and a point after
    each step's number where every line is one numbered step ("1 put ...\\n2 put ..." -> "1. put ...\\n2. put
    ..."). Text in one case throughout (SHOUTED, Title Case, all small) has no capitals that say where
    sentences start, and is left as typed."""
    if text.isupper() or text.islower() or _title_cased(text):
        return _numbered_steps(text)
    return _numbered_steps(_OPENING.sub(_opened, text))


def _opened(m: re.Match) -> str:
    """"bowl The" -> "bowl. The"; "the Robot", "so I'm" kept as typed."""
    cap = m.group("cap")
    if m.group("prev") in BEFORE_A_NAME or cap == "I" or cap.startswith("I'") or cap.lower().startswith("robot"):
        return m.group(0)
    return f"{m.group('prev')}. {cap}"


def _title_cased(text: str) -> bool:
    """Whether most words open with a capital ("Put The Red Block In The Bowl")."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) > 2 and sum(w[0].isupper() for w in words) > len(words) / 2


def _numbered_steps(text: str) -> str:
    """"1 put ...\\n2 put ...": numbered 1, 2, 3 ... one to a line, the number is a step's and takes its point."""
    lines = [line for line in text.split("\n") if line.strip()]
    numbers = [m.group(2) for line in lines if (m := _NUMBERED_LINE.match(line))]
    if len(lines) < 2 or numbers != [str(k) for k in range(1, len(lines) + 1)]:
        return text
    return _NUMBERED_LINE.sub(r"\1\2.", text)
