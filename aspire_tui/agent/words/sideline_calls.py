"""Calls from the sideline and the commentary box: a coach's cries ("Hustle!", "Sprint, robot, sprint!", ", double
time!", "Ten seconds!") and a commentator's verdicts ("Textbook.", "-- what a move --", "..., a bold outpost") say
how the move is cheered or judged, never what is asked; they are dropped, so the task beside them is read."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import FILLER, lookup, lexicon
from sim import vocabulary as vocab

# praise, pace and drill words: in any sentence they only cheer ("textbook", "precision", "one rep")
CHEERS = {"hustle", "precision", "tight", "double", "time", "clean", "form", "rep", "reps", "drill", "drills",
          "champ", "team", "focus", "faster", "fast", "quick", "hurry", "chop", "textbook", "stunning", "beautiful",
          "brilliant", "prophylactic", "bravo", "boom", "nice", "cozy", "cosy", "attaboy", "atta", "superb",
          "sensational", "magnificent", "incredible", "unbelievable", "remarkable", "classic", "elegant", "huddle",
          "seconds", "minutes", "pace", "tempo", "effort", "energy", "intensity", "lots", "sets"}
# words that join cheers ("pack it in", "lots and lots", "let's see some hustle") and ask nothing beside them
GLUE = {"lets", "let's", "pack", "in", "and", "it", "up", "some", "see", "come", "on", "now", "robot", "more"}
# words that urge the robot on: only a cheer in a cry ("Go!", "Run!", "Sprint, robot, sprint!")
URGINGS = {"go", "sprint", "run", "hurry", "dash", "race", "rush", "charge", "again", "yes"}
# the task's own verbs cried again ("Pull! Pull!" after "pull the block into reach"): a cheer only where the words
# said that verb before; alone ("Red block into the zone. Push!") the cry says how to move it
VERBS_CRIED = {"push", "pull", "move", "slide", "drag", "shove", "lift"}
# a drill's name in a heading ("Stack drill:", "Sorting reps:"): the drill is the verb before it
DRILLS = {"drill", "drills", "rep", "reps", "exercise", "challenge", "practice"}
# the words of a step in turn, kept where they open a cheer ("first rep:", "next set:")
STEPS = {"first", "then", "next", "after", "afterwards", "finally", "lastly", "second", "third", "last"}
# cries said whole ("Pack it in!", "Here we go"), whose words alone may ask
CHEER_PHRASES = {"pack it in", "bring it in", "let's go", "lets go", "let us go", "come on", "here we go",
                 "let's do this", "let's do it", "let's move", "let's roll", "and here we go"}
# a cry counts reps or seconds with a number ("one rep", "ten seconds")
COUNTED = {"rep", "reps", "seconds", "minutes", "set", "sets"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty"}
# the tags of words that say what is asked: an object, a colour, a place, an amount
ASKING = {"COLOR", "KIND", "KINDS", "REL", "TO", "SIDE", "CORNER", "CORNERS", "MIDDLE", "EDGE", "NUM", "UNIT",
          "SIDEMOST", "SIZEMOST", "SUPER", "LINE", "TOWER", "PRON", "ROBOT", "ELSEWHERE", "REACH", "OUT_OF_REACH",
          "MATCH", "BYCOLOR", "NOT", "WITHOUT", "WHERE", "AMOUNT", "TABLE", "STACKED"}
# a piece of a sentence: the words between commas, stops and dashes
PIECE = re.compile(r"([^.!?;,:]+?)(\s*(?:[.!?;,:]+|\s[-–—]+\s|$)\s*)")


def sideline_calls(text: str) -> str:
    """``text`` (lower case) without its cheers and verdicts, where a task is left beside them."""
    pieces = PIECE.findall(text)
    if len(pieces) < 2:
        return text
    kept = []
    for k, (words, after) in enumerate(pieces):
        alone = k and re.search(r"[.!?;]", pieces[k - 1][1]) and "!" in after  # "...! Impossible position!"
        cried = VERBS_CRIED & set(re.findall(r"[a-z]+", "".join(w + a for w, a in pieces[:k])))
        if _cheer(words, "!" in _sentence_end(pieces, k), cried) or k and _verdict(words) or alone and _exclaimed(words):
            kept.append(("", after if re.search(r"[.!?;]", after) else " "))
            continue
        said = re.findall(r"[a-z0-9']+", words)
        if ":" in after and said and said[-1] in DRILLS and not all(w in DRILLS for w in said):
            kept.append((" ".join(w for w in said if w not in DRILLS), after))  # "stack drill:": the stack
            continue
        steps = [w for w in said if w in STEPS]
        if steps and len(steps) < len(said) and _cheer(" ".join(w for w in said if w not in STEPS), False):
            kept.append((" ".join(steps), after))  # "first rep:": the step, cheered
            continue
        kept.append((words, after))
    if not any(_asks(w) for w, _ in kept):
        return text
    # "Sprint, robot, sprint!": what is left of a cry once its cheers are gone, the robot called, is gone too
    start = 0
    for k, (words, after) in enumerate(kept):
        if re.search(r"[.!?;]", after) or k == len(kept) - 1:
            sentence = kept[start:k + 1]
            dropped = any(not w and p for (w, _), (p, _) in zip(sentence, pieces[start:k + 1]))
            if dropped and all(set(re.findall(r"[a-z0-9']+", w)) <= GLUE | FILLER for w, _ in sentence):
                kept[start:k + 1] = [("", a) for _, a in sentence]
            start = k + 1
    return "".join(w + a for w, a in kept)


def _sentence_end(pieces: list[tuple[str, str]], k: int) -> str:
    """The mark that ends the sentence piece ``k`` is in."""
    for _, after in pieces[k:]:
        if re.search(r"[.!?;]", after):
            return after
    return ""


def _cheer(piece: str, cry: bool, cried: set[str] = frozenset()) -> bool:
    """Whether a piece is only cheering: its words cheers or fillers, at least one a cheer, and in a cry the
    urgings too; a number only counting reps or seconds."""
    words = re.findall(r"[a-z0-9']+", piece)
    if not words:
        return False
    if " ".join(words) in CHEER_PHRASES:
        return True
    cheers = CHEERS | (URGINGS | cried if cry else set())
    counted = any(w in COUNTED for w in words)
    said = [w for w in words if not (counted and (w.isdigit() or w in NUMBER_WORDS))]
    if any(w in ("it", "them") for w in said) and not any(w in CHEERS for w in said):
        return False  # "push it!", "move it!": a verb said of what was named may be the task itself
    return any(w in cheers for w in said) and all(w in cheers or w in GLUE or w in FILLER for w in said)


def _verdict(piece: str) -> bool:
    """Whether a piece is a verdict on the move: "what a move", "a bold outpost", "the endgame" (an article and
    words that name no object, colour, place or amount)."""
    m = re.fullmatch(r"\s*(?:what )?(?:a|an|the) ([a-z' ]+?)\s*", piece)
    if not m:
        return False
    words = m.group(1).split()
    # "a little", "a bit" right after the article is an amount ("..., a little"); later ("a solid little move")
    # it only describes
    return 0 < len(words) <= 4 and all(_describes(w, k) for k, w in enumerate(words))


def _describes(word: str, k: int) -> bool:
    """Whether a word of a verdict only describes: a word not read, a filler, a verb said as a noun ("a quiet
    move"), or "little" after another word ("a solid little move"); not "other", "way" or a place ("the other
    way around" asks)."""
    if word in vocab.UNKNOWN_THINGS or word.rstrip("s") in vocab.UNKNOWN_THINGS or word in vocab.MISSING_COLORS:
        return False
    return _tag(word) in ("", "FILLER", "VERB") or k > 0 and word in ("little", "all")  # "a quiet piece all game"


def _exclaimed(piece: str) -> bool:
    """Whether a cry of its own is a verdict said without an article ("Impossible position!", "Great stuff!"): a
    word or three that name nothing, opening with no verb, and say nothing of how an object ends up ("Upside
    down!" asks that)."""
    from aspire_tui.agent.words.setting_aside import HOW_IT_ENDS_UP  # (it reads tags, which read this module)

    words = re.findall(r"[a-z']+", piece)
    return 1 < len(words) <= 3 and _tag(words[0]) != "VERB" and not any(_names(w) for w in words) and \
        not any(w in HOW_IT_ENDS_UP or w.endswith(("wise", "ways")) for w in words)


def _names(word: str) -> bool:
    """Whether a word names an object, a colour, a place or an amount (or a thing the simulator lacks)."""
    if word in vocab.UNKNOWN_THINGS or word.rstrip("s") in vocab.UNKNOWN_THINGS or word in vocab.MISSING_COLORS:
        return True
    hit = lookup(word, _table())
    return hit is not None and hit.tag in ASKING


def _tag(word: str) -> str:
    hit = lookup(word, _table())
    return hit.tag if hit is not None else ""


def _asks(piece: str) -> bool:
    """Whether a piece kept says anything (a word the reader reads as asking)."""
    return any(_names(w) for w in re.findall(r"[a-z0-9']+", piece))


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return lexicon()[0]
