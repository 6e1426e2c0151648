"""Words set aside: a few words not read before a whole task ("okay robot, listen up, put the red block in
the bowl"), read past when they stand apart from it, and named in a note so the person can correct them."""

from __future__ import annotations

import re

from aspire_tui.agent.words.asides import VAGUE_COUNTS
from aspire_tui.agent.words.lexicon import ROBOT_PARTS, InstructionError, Word
from sim import vocabulary as vocab

# what may open the task after the words set aside: a verb, a tower, or "can you ..."
TASK_OPENERS = ("VERB", "TOWER", "MODAL")
# where a run of words not read may begin: the instruction's start or a sentence's or a comma's end
BOUNDARIES = ("STOP", "COMMA")


class UnreadWords(InstructionError):
    """The words read to a task but some were not read; ``words`` are those, in order."""

    def __init__(self, message: str, words: list[str]) -> None:
        super().__init__(message, "unreadable")
        self.words = words


def set_aside(words: list[Word]) -> tuple[list[Word], list[str]] | None:
    """The words without each run of words not read that stands apart from the task, and those runs as
    said; None when any word not read may be part of the task.

    A run stands apart when it is a lead-in the person says before the task: it starts the instruction, a
    sentence or follows a comma, ends at a comma or full stop, and a verb opens the task right after it
    ("hmm, let me think, put ..."). Anywhere else it may say something of the task: inside an object's
    description ("the read block"), where a place or amount goes ("the back write corner"), how an object
    ends up (", upside down"), or another thing to do ("rotate and put ..."), so it stays a refusal. A run
    naming a thing or colour the simulator lacks, a part of the robot, or a vague count is never set aside.
    """
    kept: list[Word] = []
    runs: list[str] = []
    k = 0
    while k < len(words):
        if words[k].tag != "UNKNOWN":
            kept.append(words[k])
            k += 1
            continue
        end = k
        while end < len(words) and words[end].tag == "UNKNOWN":
            end += 1
        run = words[k:end]
        if not _lead_in(words, k, end) or any(_asks_something(w.text) for w in run):
            return None
        runs.append(" ".join(w.text for w in run))
        k = end + 1  # the comma or full stop that closes the lead-in goes with it
    return (kept, runs) if runs else None


def _lead_in(words: list[Word], start: int, end: int) -> bool:
    """Whether words[start:end] opens a clause, closes at a comma or stop, and a task's verb comes next."""
    # "..., and as you breathe out, lower ...": an "and" that opens a clause opens a lead-in too
    opens = start == 0 or words[start - 1].tag in BOUNDARIES or (
        words[start - 1].tag == "AND" and (start == 1 or words[start - 2].tag in BOUNDARIES))
    closes = end < len(words) and words[end].tag in BOUNDARIES
    return opens and closes and end + 1 < len(words) and words[end + 1].tag in TASK_OPENERS


def _asks_something(word: str) -> bool:
    """Whether a word not read names what the simulator lacks or the robot's own parts: kept, and refused."""
    noun = word[:-1] if word.endswith("s") else word
    shade = word.replace("~", "-")
    return (word in vocab.UNKNOWN_THINGS or noun in vocab.UNKNOWN_THINGS or shade in vocab.MISSING_COLORS
            or "~" in word or word.endswith("ish") or word in ROBOT_PARTS or word in VAGUE_COUNTS)


def note(runs: list[str], said: str) -> str:
    """The note that names the words set aside as the person said them (up to the comma or stop that
    closes each), shown with the goal read."""
    spans = []
    for run in runs:
        m = re.search(rf"\b{re.escape(run.split()[0])}\b[^,.;:!?]*", said, re.I)
        spans.append(m.group(0).strip() if m else run)
    return "set aside " + ", ".join(repr(s) for s in spans) + " (not read; say it another way if it mattered)"
