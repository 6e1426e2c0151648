"""Words set aside: a few words not read before a whole task ("okay robot, listen up, put the red block in
the bowl"), describing an object whose colour and kind are said ("the shiny red block") or signing off after
the task ("..., capisce?"), read past, and named in a note so the person can correct them."""

from __future__ import annotations

import re

from aspire_tui.agent.words.asides import VAGUE_COUNTS
from aspire_tui.agent.words.lexicon import ROBOT_PARTS, InstructionError, Word
from sim import vocabulary as vocab

# what may open the task after the words set aside: a verb, a tower, or "can you ..."
TASK_OPENERS = ("VERB", "TOWER", "MODAL")
# what a noun phrase follows: a verb, a relation, "to", "of", "with", "from", a word of how many
NOUN_PHRASE_LEADS = ("VERB", "REL", "TO", "OF", "WITH", "FROM", "ALL", "EACH", "BOTH", "ANY", "OTHER")
# how an object is to end up or be moved, said after the task ("..., upside down", "..., lengthwise"): what
# no goal here can say, so never set aside as a sign-off; words ending in -wise or -ways say it too
HOW_IT_ENDS_UP = frozenset({"upside", "sideway", "vertical", "vertically", "horizontal", "horizontally", "diagonal",
                            "diagonally", "tilted", "tilt", "rotated", "rotate", "turned", "flipped", "flip",
                            "inverted", "invert", "reversed", "reverse", "backward", "backwards", "upright",
                            "standing", "lying", "twice", "thrice", "mirrored", "mirror", "opposite", "facing",
                            "angled", "askew", "spinning", "spun", "balanced", "slanted", "crooked", "straight"})
# where a run of words not read may begin: the instruction's start or a sentence's or a comma's end
BOUNDARIES = ("STOP", "COMMA")


class UnreadWords(InstructionError):
    """The words read to a task but some were not read; ``words`` are those, in order."""

    def __init__(self, message: str, words: list[str]) -> None:
        super().__init__(message, "unreadable")
        self.words = words


def set_aside(words: list[Word], said: str) -> tuple[list[Word], list[tuple[str, bool]]] | None:
    """The words without each run of words not read that stands apart from the task, and those runs (each
    with whether it is a lead-in, which `note` quotes up to its comma); None when any word not read may be
    part of the task.

    A run stands apart when it is:
    - a lead-in the person says before the task: it starts the instruction, a sentence or follows a comma,
      ends at a comma or full stop, and a verb opens the task right after it ("hmm, let me think, put ...");
    - a word or two describing an object more than the simulator tells objects apart by, right before a
      colour and a kind ("the shiny red block"): with the colour said, the word cannot be the colour;
    - a sign-off after the whole task ("..., capisce?"), unless it says how an object is to end up
      (`HOW_IT_ENDS_UP`: "..., upside down") or what the end looks like (``said`` has "like a smiley").
    Anywhere else it may say something of the task: an object's only description ("the read block", perhaps
    its colour), where a place or amount goes ("the back write corner"), how an object ends up ("... in the
    bowl sideways"), or another thing to do ("rotate and put ..."), so it stays a refusal. A run naming a
    thing or colour the simulator lacks, a part of the robot, or a vague count is never set aside.
    """
    kept: list[Word] = []
    runs: list[tuple[str, bool]] = []
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
        if any(asks_something(w.text) for w in run):
            return None
        lead_in = not _describes(words, k, end) and not _signs_off(words, k, end, said)
        if lead_in and not _lead_in(words, k, end):
            return None
        runs.append((" ".join(w.text for w in run), lead_in))
        k = end + 1 if lead_in else end  # the comma or full stop that closes a lead-in goes with it
    return (kept, runs) if runs else None


def _lead_in(words: list[Word], start: int, end: int) -> bool:
    """Whether words[start:end] opens a clause, closes at a comma or stop, and a task's verb comes next."""
    # "..., and as you breathe out, lower ...": an "and" that opens a clause opens a lead-in too
    opens = start == 0 or words[start - 1].tag in BOUNDARIES or (
        words[start - 1].tag == "AND" and (start == 1 or words[start - 2].tag in BOUNDARIES))
    closes = end < len(words) and words[end].tag in BOUNDARIES
    return opens and closes and end + 1 < len(words) and words[end + 1].tag in TASK_OPENERS


def _describes(words: list[Word], start: int, end: int) -> bool:
    """Whether words[start:end] (one or two words) open a noun phrase after what leads into one (a verb, a
    relation, "all") and come right before a colour that a kind follows ("put the shiny red block ...");
    never where a clause opens, where a verb goes ("rotate the gray cube")."""
    colours = end
    while colours < len(words) and words[colours].tag == "COLOR":
        colours += 1
    return (end - start <= 2 and start > 0 and words[start - 1].tag in NOUN_PHRASE_LEADS and colours > end
            and colours < len(words) and words[colours].tag == "KIND")


def _signs_off(words: list[Word], start: int, end: int, said: str) -> bool:
    """Whether words[start:end] (up to three words) close the instruction after the task, set off by a comma
    or a stop, as a sign-off ("..., capisce?", "... . pronto!"), and say nothing of how it ends up, nor what
    it looks like ("..., like a caterpillar")."""
    run = [w.text for w in words[start:end]]
    return (len(run) <= 3 and start > 0 and words[start - 1].tag in BOUNDARIES
            and all(w.tag in BOUNDARIES for w in words[end:])
            and not any(ends_up(w) for w in run) and not compared(run[0], said))


def ends_up(word: str) -> bool:
    """Whether a word says how an object is to end up (`HOW_IT_ENDS_UP`, or a word in -wise or -ways)."""
    return word in HOW_IT_ENDS_UP or word.endswith(("wise", "ways"))


def compared(word: str, said: str) -> bool:
    """Whether ``word`` is said in a comparison ("like a smiley", "shaped as a star"): what the end looks like."""
    return re.search(rf"\b(?:like|as|resembl\w*|similar to|shaped)\b[^,.;:!?]*?\b{re.escape(word)}", said,
                     re.I) is not None


def asks_something(word: str) -> bool:
    """Whether a word not read names what the simulator lacks or the robot's own parts: kept, and refused."""
    noun = word[:-1] if word.endswith("s") else word
    shade = word.replace("~", "-")
    return (word in vocab.UNKNOWN_THINGS or noun in vocab.UNKNOWN_THINGS or shade in vocab.MISSING_COLORS
            or "~" in word or word.endswith("ish") or word in ROBOT_PARTS or word in VAGUE_COUNTS)


def note(runs: list[tuple[str, bool]], said: str) -> str:
    """The note that names the words set aside as the person said them (a lead-in up to the comma or stop
    that closes it), shown with the goal read."""
    spans = []
    for run, lead_in in runs:
        m = re.search(rf"\b{re.escape(run.split()[0])}\b[^,.;:!?]*", said, re.I) if lead_in else None
        spans.append(m.group(0).strip() if m else run)
    return "set aside " + ", ".join(repr(s) for s in spans) + " (not read; say it another way if it mattered)"
