"""Small changes to an instruction that leave what it asks the same: a polite lead-in, a manner adverb, shouting,
a typing slip, a synonym the vocabulary has, a contraction, a filler word, the other side of the Atlantic's
spelling, a space doubled or left out, an article typed twice, a laugh or an emoji at the end. ``bench.understanding robustness`` reads each
perturbed instruction and counts how often the reader still makes the same goal tree of it.

Each perturbation is a function ``(text, rng) -> str | None``: the changed text, or None where it has nothing to
change ("don't" <-> "do not" in an instruction with neither). None of them touches a number, a colour or a kind:
those are what the label is about.
"""

from __future__ import annotations

import functools
import random
import re
from typing import Callable

from aspire_tui.agent.words.lexicon import CARDINALS, FILLER, NUMBERS, ORDINALS, TENS, VERBS, lexicon
from sim import vocabulary as vocab

Perturbation = Callable[[str, random.Random], "str | None"]

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

LEAD_INS = ("please", "hey robot,", "could you", "ok so", "I need you to")
# lead-ins that want a verb next: "could you the red block is in the bowl" is not English
VERB_LEAD_INS = ("could you", "I need you to")
SIGN_OFFS = ("thanks!", ", cheers", ". ty", " pls", ", ok?")
MANNERS = ("carefully", "gently", "quickly", "slowly")

# the verbs a task opens with ("put", "slide", "drive"): a manner adverb may go before them
ACTION_VERBS = frozenset(w for sense in ("put", "move", "pick", "stack", "push", "pull", "go", "sort", "arrange",
                                         "swap", "flip")
                         for w in VERBS[sense] if " " not in w and not w.endswith("ing"))
# verb forms that are as often nouns or other words ("the order", "a line", "stand", "file")
NOT_SURELY_VERBS = frozenset({"order", "line", "match", "group", "return", "file", "stand", "rest", "tip", "land",
                              "draw", "head", "race", "dash", "run", "nav", "hold", "make", "build", "moved",
                              "sorted", "arranged", "aligned", "stage", "bear", "round", "reach", "come", "park"})
# the words after which a verb opens its clause ("then put", "could you slide", "first push")
CLAUSE_OPENERS = frozenset({"then", "and", "first", "please", "now", "you", "also", "next", "finally", "so", "just",
                            "kindly", "firstly", "lastly", "after", "afterwards"})
# contracted <-> spelled out
CONTRACTIONS = {"don't": "do not", "doesn't": "does not", "didn't": "did not", "isn't": "is not",
                "aren't": "are not", "can't": "cannot", "won't": "will not", "shouldn't": "should not",
                "it's": "it is", "that's": "that is", "there's": "there is", "i'm": "i am", "you're": "you are",
                "we're": "we are", "they're": "they are", "i'll": "i will", "you'll": "you will"}

# words whose slip would change a number, a colour or a kind (or name a thing the simulator cannot make)
PROTECTED = (set(CARDINALS) | set(TENS) | set(NUMBERS) | set(ORDINALS)
             | {w for words in vocab.COLORS.values() for w in words} | set(vocab.MISSING_COLORS)
             | set(vocab.UNKNOWN_THINGS))
# the words before a kind noun that show it is one ("the cube", "two blocks", "a red dish"), not a verb or an
# aim ("block the path", "the goal is ...")
BEFORE_A_NOUN = frozenset({"the", "a", "an", "each", "every", "all", "both", "other", "another", "that", "this",
                           "these", "those", "same", "big", "small", "large", "little", "tall", "short"}
                          | set(vocab.COLORS) | set(CARDINALS))


def _same_case(word: str, like: str) -> str:
    """``word`` cased as ``like`` is ("Cube" for "Block", "CUBE" for "BLOCK")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _words(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def _swap(text: str, match: re.Match, new: str) -> str:
    return text[:match.start()] + new + text[match.end():]


def _first_verb(text: str) -> re.Match | None:
    """The first word that opens a task's clause ("put" in "First, put the cube ...", "then slide ...", "could
    you push ..."), not a verb in the middle of one ("stays put", "should go", "a stack")."""
    end = 0
    previous = ""
    for m in _words(text):
        word = m.group().lower()
        clause_start = not previous or re.search(r"[,;:.!?]", text[end:m.start()]) or previous in CLAUSE_OPENERS
        if word in ACTION_VERBS and word not in NOT_SURELY_VERBS and clause_start:
            return m
        previous, end = word, m.end()
    return None


def _lowered_start(text: str) -> str:
    """The text with its first letter lowered for a lead-in before it ("Put" -> "put"), but not "I" or "OK"."""
    first = text.split(" ", 1)[0]
    if first == "I" or first.startswith("I'") or (first.isupper() and len(first) > 1):
        return text
    return text[:1].lower() + text[1:]


def lead_in(text: str, rng: random.Random) -> str | None:
    """A polite or casual opening: "please put ...", "hey robot, put ...", "could you put ..."."""
    opens_with_verb = _first_verb(text) is not None and _first_verb(text).start() == 0
    choices = LEAD_INS if opens_with_verb else tuple(w for w in LEAD_INS if w not in VERB_LEAD_INS)
    return f"{rng.choice(choices)} {_lowered_start(text)}"


def sign_off(text: str, rng: random.Random) -> str | None:
    """A closing: "... thanks!", "..., cheers", "... . ty", "... pls", "..., ok?"."""
    end = rng.choice(SIGN_OFFS)
    if end == "thanks!":
        return f"{text.rstrip()} thanks!"
    return text.rstrip().rstrip(".!?") + end


def manner_adverb(text: str, rng: random.Random) -> str | None:
    """How to do it, before the verb: "carefully put the cube ...", "then gently slide ..."."""
    verb = _first_verb(text)
    if verb is None:
        return None
    adverb = rng.choice(MANNERS)
    if verb.start() == 0:
        return _same_case(adverb, verb.group()) + " " + verb.group().lower() + text[verb.end():]
    return text[:verb.start()] + adverb + " " + text[verb.start():]


def upper_case(text: str, rng: random.Random) -> str | None:
    """SHOUTED: every letter capital."""
    return text.upper()


def lower_case(text: str, rng: random.Random) -> str | None:
    """every letter small."""
    return text.lower()


def title_case(text: str, rng: random.Random) -> str | None:
    """Every Word Capitalised (the rest of each word as typed)."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def no_punctuation(text: str, rng: random.Random) -> str | None:
    """Full stops, commas, question and exclamation marks, colons and semicolons left out (not a decimal point)."""
    return re.sub(r"\s{2,}", " ", re.sub(r"(?<!\d)[.](?!\d)|\.(?=\s|$)|[,!?;:]", "", text)).strip()


def doubled_punctuation(text: str, rng: random.Random) -> str | None:
    """The last mark made emphatic or trailing: "... bowl!!", "... bowl..."."""
    return text.rstrip().rstrip(".!?") + rng.choice(("!!", "..."))


@functools.cache
def _known_words() -> frozenset[str]:
    """Every word the reader knows: a slip that spells one ("stack" -> "sack") says something else."""
    table, _ = lexicon()
    names = {w for words in (*vocab.COLORS.values(), *vocab.KINDS.values()) for phrase in words for w in phrase.split()}
    return frozenset({w for phrase in table for w in phrase.split()} | names | FILLER | PROTECTED)


def _slip(text: str, rng: random.Random, slips: Callable[[str], list[str]]) -> str | None:
    """``text`` with one word of five or more letters, naming no number, colour or kind, mistyped as one of
    ``slips(word)`` that spells no word the reader knows."""
    words = [m for m in _words(text) if len(m.group()) >= 5 and m.group().isalpha()
             and m.group().lower() not in PROTECTED and vocab.kind_of(m.group().lower()) is None]
    rng.shuffle(words)
    for m in words:
        typed = [s for s in slips(m.group()) if s != m.group() and s.lower() not in _known_words()]
        if typed:
            return _swap(text, m, rng.choice(typed))
    return None


def swapped_letters(text: str, rng: random.Random) -> str | None:
    """Two neighbouring letters of one word swapped: "bheind", "silde"."""
    return _slip(text, rng, lambda w: [w[:k] + w[k + 1] + w[k] + w[k + 2:] for k in range(len(w) - 1)])


def doubled_letter(text: str, rng: random.Random) -> str | None:
    """One letter of one word typed twice: "bessides", "toouch"."""
    return _slip(text, rng, lambda w: [w[:k] + w[k] + w[k:] for k in range(len(w))])


def dropped_letter(text: str, rng: random.Random) -> str | None:
    """One letter of one word left out, never the first: "besde", "tuch"."""
    return _slip(text, rng, lambda w: [w[:k] + w[k + 1:] for k in range(1, len(w))])


def synonym(text: str, rng: random.Random) -> str | None:
    """A kind named by another of its words in `sim.vocabulary` ("cube" for "block", "dishes" for "bowls"), each
    time that word is said."""
    found = []
    previous = ""
    for m in _words(text):
        word = m.group().lower()
        kind = vocab.kind_of(word)
        if kind and previous in BEFORE_A_NOUN:
            plural = word not in vocab.KINDS[kind]
            others = [w for w in vocab.KINDS[kind] if w != word and re.search("[aeiou]", w)
                      and (not plural or vocab.plurals(w)[0] != word)]
            if others:
                found.append((m, [vocab.plurals(w)[0] if plural else w for w in others]))
        previous = word
    if not found:
        return None
    m, others = rng.choice(found)
    said, new = m.group().lower(), rng.choice(others)
    # every time the word is said, so that one thing keeps one name ("each marble ... as the marble")
    return WORD.sub(lambda w: _same_case(new, w.group()) if w.group().lower() == said else w.group(), text)


def contraction(text: str, rng: random.Random) -> str | None:
    """One contraction spelled out or one pair of words contracted: "don't" <-> "do not"."""
    spelled = {v: k for k, v in CONTRACTIONS.items()}
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted({*CONTRACTIONS, *spelled}, key=len,
                                                                         reverse=True)) + r")\b", re.I)
    found = list(pattern.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    said = m.group().lower()
    new = CONTRACTIONS.get(said) or spelled[said]
    if m.group()[:1] == "I" and new.startswith("i"):
        new = "I" + new[1:]
    return _swap(text, m, _same_case(new, m.group()))


# words said to fill a pause or soften an ask, mid-sentence: "put um the cube ...", "just put the cube ..."
PAUSE_FILLERS = ("like", "um")
SOFTENERS = ("just", "basically")


def filler_word(text: str, rng: random.Random) -> str | None:
    """A word said to fill a pause before a noun phrase ("put um the cube in like the bowl" holds one) or to soften
    the ask before its verb ("just put the cube ...", "then basically slide ...")."""
    filler = rng.choice(PAUSE_FILLERS + SOFTENERS)
    if filler in SOFTENERS:
        verb = _first_verb(text)
        if verb is None:
            return None
        if verb.start() == 0:
            return _same_case(filler, verb.group()) + " " + verb.group().lower() + text[verb.end():]
        return text[:verb.start()] + filler + " " + text[verb.start():]
    articles = [m for m in _words(text) if m.group().lower() == "the" and m.start() > 0]
    if not articles:
        return None
    m = rng.choice(articles)
    return text[:m.start()] + filler + " " + text[m.start():]


# one word spelt the British or the American way: each spelling -> the other
SPELLINGS = {"colour": "color", "centre": "center", "grey": "gray", "metre": "meter", "centimetre": "centimeter",
             "favourite": "favorite", "neighbouring": "neighboring", "neighbour": "neighbor", "organise": "organize",
             "organised": "organized", "recognise": "recognize", "analyse": "analyze", "aluminium": "aluminum"}
_OTHER_SPELLING = SPELLINGS | {v: k for k, v in SPELLINGS.items()}
_SPELT = re.compile(r"\b(" + "|".join(sorted(_OTHER_SPELLING, key=len, reverse=True)) + r")(s|ed|ing)?\b", re.I)


def other_spelling(text: str, rng: random.Random) -> str | None:
    """One word spelt the other side of the Atlantic's way: "colour" <-> "color", "centre" <-> "center", "grey"
    <-> "gray" (one colour either way), "metres" <-> "meters"."""
    found = list(_SPELT.finditer(text))
    if not found:
        return None
    m = rng.choice(found)
    new = _OTHER_SPELLING[m.group(1).lower()]
    return text[:m.start(1)] + _same_case(new, m.group(1)) + text[m.end(1):]


def spacing_slip(text: str, rng: random.Random) -> str | None:
    """A space typed twice between two words, or none after a comma ("the cube,then the ball")."""
    commas = [m.end() for m in re.finditer(r",(?= \S)", text)]
    gaps = [m.start() for m in re.finditer(r"(?<=[A-Za-z]) (?=[A-Za-z])", text)]
    if commas and rng.random() < 0.5:
        k = rng.choice(commas)
        return text[:k] + text[k + 1:]
    if not gaps:
        return None
    k = rng.choice(gaps)
    return text[:k] + " " + text[k:]


def repeated_article(text: str, rng: random.Random) -> str | None:
    """An article of a noun phrase typed twice by a slip: "put the the red block ...", "a a bowl"."""
    articles = [m for m in _words(text) if m.group().lower() in ("the", "a", "an")]
    if not articles:
        return None
    m = rng.choice(articles)
    return text[:m.end()] + " " + m.group().lower() + text[m.end():]


LAUGHS = ("lol", "😊", "🙂", "👍", "lol 😅", "🤖")


def trailing_laugh(text: str, rng: random.Random) -> str | None:
    """A laugh or an emoji after the last word: "... bowl lol", "... bowl. 👍"."""
    return f"{text.rstrip()} {rng.choice(LAUGHS)}"


PERTURBATIONS: dict[str, Perturbation] = {f.__name__: f for f in (
    lead_in, sign_off, manner_adverb, upper_case, lower_case, title_case, no_punctuation, doubled_punctuation,
    swapped_letters, doubled_letter, dropped_letter, synonym, contraction, filler_word, other_spelling,
    spacing_slip, repeated_article, trailing_laugh)}


def perturb(text: str, name: str, seed: int = 0) -> str | None:
    """``text`` changed by the perturbation called ``name``, the same every run for one seed; None where it has
    nothing to change or changes nothing."""
    rng = random.Random(f"{seed}:{name}:{text}")
    changed = PERTURBATIONS[name](text, rng)
    return None if changed is None or changed == text else changed
