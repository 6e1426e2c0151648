"""Typing slips mended before the words are tagged: a letter dropped, doubled or swapped, a key next to the
right one, two words run together, a slip a word's place in the sentence makes plain."""

from __future__ import annotations

import functools
import re
import string

from aspire_tui.agent.words.homophones import heard
from aspire_tui.agent.words.lexicon import CARDINALS, FILLER, HESITATIONS, NUMBERS, VERBS, lexicon
from aspire_tui.agent.words.sounds import by_sound
from sim import vocabulary as vocab


DROPPED_LETTER_TAGS = ("ALL", "EACH", "BOTH", "REL", "SIDE", "SIDEMOST", "CORNER", "MIDDLE", "EDGE", "EXCEPT")
# real words that a letter dropped from one of those spells: never mended
DROPPED_LETTER_WORDS = {"blow", "borer", "closes", "closet", "father", "font", "root", "tale", "corer"}
# real words that a letter dropped from a word the reader knows spells ("fist" from "first", "cold" from
# "could"): said as themselves, never mended
REAL_WORDS_NOT_SLIPS = frozenset({
    "aloe", "avid", "beak", "brig", "brow", "clan", "cold", "crow", "dive", "fist", "forge", "hell", "hone", "hose",
    "init", "kind", "large", "late", "lest", "ling", "loss", "mach", "mans", "math", "meat", "pace", "pain", "plat",
    "punk", "quit", "rage", "rang", "rise", "rout", "sack", "sage", "sand", "says", "seen", "seep", "self", "shoe",
    "sine", "slit", "soot", "spit", "stag", "star", "stat", "suck", "super", "tank", "teen", "teens", "thin", "tree",
    "whit", "wild", "writ", "slid", "rase"})
# the real words a slip spells: only these are looked up where a noun phrase shows what was meant
SLIP_SPELLINGS = frozenset(DROPPED_LETTER_WORDS) | REAL_WORDS_NOT_SLIPS


@functools.lru_cache(maxsize=1)
def _typos() -> dict[str, str]:
    """Slips of the keyboard -> the word meant: two letters swapped ("blokc"), a double letter typed once
    ("yelow") or a letter doubled ("bloock"). Other missing letters make real words too often ("sack",
    "lock"), so a dropped letter is mended only in words that say how many or where ("evry", "behnd") and in
    words of six letters or more ("cornr"),
    and never into a real word it spells ("blow", "font"). Only a slip that could come from one known word is mended, and never into a word the reader
    knows or a thing the simulator cannot make."""
    table, _ = lexicon()
    # never mend into a negation: a wrong "not" turns the task around ("ont" may be "onto")
    meaningful = {w for phrase, (tag_, _) in table.items() for w in phrase.split()
                  if tag_ not in ("NOT", "WITHOUT")} - (FILLER - set(table)) - {"not"}  # ("not much" is an amount)
    names = {w for words in (*vocab.COLORS.values(), *vocab.KINDS.values()) for phrase in words
             for w in phrase.split()}
    meaningful |= names
    # a dropped letter in a thing, a colour or a verb often spells another thing ("lock", "sack"); in words of
    # how many and where it seldom does
    where = {w for phrase, (tag_, _) in table.items() if tag_ in DROPPED_LETTER_TAGS for w in phrase.split()}
    known = _known()
    meant: dict[str, set[str]] = {}
    # mended only into words that mean something: "evry" read as the filler "very" would lose "every"
    for w in meaningful | {"the"}:
        if len(w) < 3 or not w.isalpha():
            continue
        slips = {w[:k] + w[k + 1] + w[k] + w[k + 2:] for k in range(len(w) - 1)}
        if len(w) < 4:  # "teh": short words only swap
            slips -= {w}
            for slip in slips:
                meant.setdefault(slip, set()).add(w)
            continue
        slips |= {w[:k] + w[k] + w[k:] for k in range(len(w))}
        slips |= {w[:k] + w[k + 1:] for k in range(len(w) - 1) if w[k] == w[k + 1]}
        if len(w) >= 5 and w in where:
            slips |= {w[:k] + w[k + 1:] for k in range(1, len(w))} - DROPPED_LETTER_WORDS  # not the first letter
        for slip in slips - {w}:
            meant.setdefault(slip, set()).add(w)
    # the longer words that only shape the sentence ("could", "along", "which", "sitting"): a swap or a doubled
    # letter in them ("cuold", "alnog", "whcih", "sittting") seldom spells another word, and is mended where no
    # word that means something could have been meant
    shaping: dict[str, set[str]] = {}
    for w in known - meaningful:
        if len(w) < 5 or not w.isalpha():
            continue
        slips = {w[:k] + w[k + 1] + w[k] + w[k + 2:] for k in range(len(w) - 1)} | {w[:k] + w[k] + w[k:]
                                                                                  for k in range(len(w))}
        for slip in slips - {w} - set(meant):
            shaping.setdefault(slip, set()).add(w)
    # a letter dropped from any known word of five letters or more ("cornr", "shoud", "frst", "alng") seldom
    # spells a word, and the real words it spells are listed (`REAL_WORDS_NOT_SLIPS`: "fist", "cold"); mended
    # last, where no swap or doubled letter could have been meant ("otward" is "toward", not "outward"), and
    # never into a kind ("plaes" is as likely "place" as "plates")
    dropped: dict[str, set[str]] = {}
    for w in known:
        if len(w) < 5 or not w.isalpha() or vocab.kind_of(w):
            continue
        # the last letter too ("colou", "reac"), but not an -s or -d: that leaves another form of the word
        # ("appreciate" is no slip of "appreciated")
        last = len(w) - 1 if w[-1] in "sd" else len(w)
        for slip in ({w[:k] + w[k + 1:] for k in range(1, last)} - DROPPED_LETTER_WORDS - REAL_WORDS_NOT_SLIPS
                     - set(meant) - set(shaping)):
            dropped.setdefault(slip, set()).add(w)
    unknown = set(vocab.UNKNOWN_THINGS) | {t + "s" for t in vocab.UNKNOWN_THINGS}
    return {slip: min(ws) for slip, ws in (*meant.items(), *shaping.items(), *dropped.items())
            if _one_meaning(ws, table) and slip not in known and slip not in unknown}


def _one_meaning(words: set[str], table: dict) -> bool:
    """Whether a slip of any of ``words`` is read one way: one word, or spellings the lexicon reads the same
    ("centr" is "centre" or "center", "frthest" "farthest" or "furthest")."""
    if len(words) == 1:
        return True
    if any(w not in table for w in words):
        return False
    # a value that is one of the words themselves ("centre" -> MIDDLE "centre") is only its spelling
    meanings = {(table[w][0], "" if table[w][1] in words else table[w][1]) for w in words}
    return len(meanings) == 1


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Every single word the reader knows: phrase words, fillers, colours, kinds and numbers."""
    table, _ = lexicon()
    words = {w for phrase in table for w in phrase.split()}
    words |= {w for words_ in (*vocab.COLORS.values(), *vocab.KINDS.values()) for phrase in words_
              for w in phrase.split()}
    words |= {p for words_ in vocab.KINDS.values() for w in words_ for p in vocab.plurals(w)}
    return frozenset(words | FILLER | set(NUMBERS) | set(CARDINALS))


def _mend(word: str) -> str:
    """The word meant by a slip of the keyboard, or by a word drawn out ("pleeease", "sooo"), else ``word``."""
    if word in _known():  # no slip is a known word: the slips' table is built only when a word is unknown
        return word
    typos = _typos()
    if word in typos:
        return typos[word]
    if re.search(r"([a-z])\1\1", word):
        for n in (2, 1):  # two letters first ("greeen" -> "green"), then one ("pleeease" -> "please")
            short = re.sub(r"([a-z])\1{2,}", lambda m: m.group(1) * n, word)
            short = typos.get(short, short)
            if short in _known():
                return short
    return word


def mended(words: list[str]) -> list[str]:
    """Each word as meant: two words typed without the space between them apart (`run_together`), slips of
    one word alone (`_mend`), then slips that only the place of the word shows (`_mend_by_place`), words
    spelt as they sound ("kyoob", "grene": `sounds.by_sound`), and words heard for others that sound the same
    (`homophones.heard`)."""
    return heard(by_sound(_mend_by_place([_mend(w) for w in apart(words)]), _known(), opens_clause))


def mended_text(text: str) -> str:
    """The lowered text with each whole word mistyped by one slip mended on its own (`_mend`), before the
    rewrites read it: "the balls alnog the front edge" is read as "along" by the rule for lines, which the
    mending of tagged words comes too late for."""
    text = re.sub(r"(?<![\w'])[a-z]+(?![\w'])", lambda m: _mend(m.group()), text)
    # a real word a slip made of a noun phrase's word, right after "the": a noun ("on the tale", "to the root"),
    # or a word before a thing ("the fist block"); "in the closet" stays a closet
    return re.sub(r"(?<![\w'])(the )([a-z]+)(?![\w'])(?= ?([a-z]*))", _noun_phrase_slip, text)


def _noun_phrase_slip(m: re.Match) -> str:
    """"the tale" -> "the table"; "the fist block" -> "the first block"; "the closet" kept."""
    meant = _real_word_slips().get(m.group(2)) if m.group(2) in SLIP_SPELLINGS else None
    if meant is None or (_tag_of(meant) not in NOUNS and not vocab.kind_of(m.group(3))):
        return m.group(0)
    return m.group(1) + meant


def apart(words: list[str]) -> list[str]:
    """The words with each one typed without a space between two words split in two (`run_together`)."""
    return [part for w in words for part in (run_together(w) or [w])]


def run_together(word: str) -> list[str] | None:
    """"thegreen", "redblock", "onthe": a word the reader does not know that is two words it knows, typed
    without the space, split in the one way it can be (never when it splits two ways, "nowhere")."""
    if len(word) < 5 or not word.isalpha() or word in _known() or word in _typos() or word in _not_mended():
        return None
    known = _known()
    splits = [[word[:k], word[k:]] for k in range(2, len(word) - 1) if word[:k] in known and word[k:] in known]
    # two fillers make no word worth reading ("theme" is not "the me"), and a hesitation is said, not typed
    # into a word ("career" is not "care er")
    splits = [p for p in splits if any(w not in FILLER or w in lexicon()[0] for w in p)
              and not any(w in HESITATIONS for w in p)]
    # a slip joins a word of the task to the next ("redblock", "putthe", "inthe"), and small words joined read as
    # their halves ("thereafter"); a noun joined to a word that is neither makes an English word of its own
    # ("roommate", "backyard"), never split
    splits = [p for p in splits if any(_joined_by_a_slip(w) for w in p) or not any(_noun(w) for w in p)]
    return splits[0] if len(splits) == 1 else None


# the small words a slip runs into the next one: articles, prepositions, pronouns, conjunctions
SMALL_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "at", "up", "by", "off", "out", "down"})
SLIP_TAGS = ("VERB", "REL", "OF", "TO", "FROM", "WITH", "PRON", "AND", "THEN", "ALL", "EACH")


def _noun(word: str) -> bool:
    """Whether ``word`` names a thing or a place the reader knows is not on the table ("room", "yard")."""
    tag = lexicon()[0].get(word)
    return (tag is not None and tag[0] == "ELSEWHERE") or word in vocab.UNKNOWN_THINGS


def _joined_by_a_slip(word: str) -> bool:
    """Whether ``word`` is one a slip runs into its neighbour: a small word, a colour, a kind or a verb."""
    tag = lexicon()[0].get(word)
    return word in SMALL_WORDS or bool(vocab.color_of(word) or vocab.kind_of(word)) or \
        (tag is not None and tag[0] in SLIP_TAGS)


# words after which a clause starts, so that the next word read is its verb
CLAUSE_OPENERS = {",", ".", ";", "and", "then", "first", "next", "now", "please", "robot", "husky", "bot", "rover"}


def _mend_by_place(words: list[str]) -> list[str]:
    """Slips that many real words also make ("stak", "blu", "plase") mended only where one kind of word
    is expected: a word not known that opens a clause is a verb ("plase the cube ..."), one right before a
    thing's noun is its colour ("the blu cube"). Mended only when one known word is one slip away."""
    out = list(words)
    for k, w in enumerate(words):
        if not w.isalpha() or len(w) < 3 or w in _known() or w in _not_mended():
            continue
        nxt = words[k + 1] if k + 1 < len(words) else ""
        prev = words[k - 1] if k > 0 else ""
        between = (vocab.kind_of(prev) or prev in ("it", "them")) and (vocab.kind_of(nxt) or nxt in _colour_words())
        # "push the cube int the zone": between an object and the next noun phrase, a relation ("into")
        meant = _one_slip_from(w, _relation_words(), shortest=4) if between else None
        if meant is None and prev in ("by", "same", "matching", "own", "its", "their"):
            meant = _one_slip_from(w, {"color": "color", "colors": "colors"}, shortest=4)  # "sort them by colr"
        if meant is None and w in SLIP_SPELLINGS and w in _real_word_slips():
            meant = _in_a_noun_phrase(_real_word_slips()[w], prev, nxt)  # "in font of", "the font left corer"
        if meant is not None:
            pass
        elif vocab.kind_of(nxt) or nxt in ("one", "ones"):
            meant = _one_slip_from(w, _colour_words(), shortest=4)  # "blu"
            if meant is None:  # "grean", "yelluw": a vowel spelt as another, said as it sounds
                meant = _one_from(w, _colour_words(), _vowel_for_vowel)
        elif k > 0 and words[k - 1] in _colour_words() and not vocab.kind_of(w):
            meant = _one_slip_from(w, _kind_words(), shortest=4)  # "the red bowel": right after a colour, a thing
        elif k > 0 and (prev in ("the", "a", "an") or prev in _relation_words()) and not vocab.kind_of(nxt) and \
                nxt not in _colour_words():
            # "drop it in the bowel": right after an article or "in", with no noun after it, the word is the thing
            meant = _one_slip_from(w, _kind_words(), shortest=4)
        elif opens_clause(words, k):
            meant = _one_slip_from(w, _verb_words(), shortest=5)  # not "had" for "head"
            if meant is None and len(w) == 4:  # "puth": a key pressed after a short verb, the one slip it can be
                extra = {v for v in _verb_words() if len(v) == 3 and w.startswith(v)}
                meant = extra.pop() if len(extra) == 1 else None
        else:
            continue
        if meant is not None:
            out[k] = meant
    return out


def opens_clause(words: list[str], k: int) -> bool:
    """Whether words[k] comes first in its clause, past fillers ("please you put ...")."""
    table, _ = lexicon()
    j = k - 1
    while j >= 0 and words[j] in FILLER and words[j] not in table and words[j] not in CLAUSE_OPENERS:
        j -= 1
    return j < 0 or words[j] in CLAUSE_OPENERS


# the sorts of word a noun phrase holds that a slip may make a real word of ("tale", "corer", "font", "root")
NOUN_PHRASE_TAGS = frozenset({"TABLE", "CORNERWORD", "EDGE", "ROBOT", "SIDE", "FIRST", "SUPER"})
# those of them that are nouns, said with nothing after them ("on the tale")
NOUNS = frozenset({"TABLE", "CORNERWORD", "EDGE", "ROBOT"})
# the words right before such a word (the articles are gone by then: "on tale", "front left corer") ...
AFTER_A_RELATION = frozenset({"REL", "TO", "OF", "FROM", "SIDE"})
# ... or right after it ("fist block", "font edge")
BEFORE_A_NOUN = frozenset({"SIDE", "CORNERWORD", "EDGE", "KIND", "KINDS"})


@functools.lru_cache(maxsize=1)
def _real_word_slips() -> dict[str, str]:
    """Real words never mended on their own (`REAL_WORDS_NOT_SLIPS`, `DROPPED_LETTER_WORDS`) -> the one word of
    a noun phrase a letter dropped from it spells ("tale" -> "table", "font" -> "front", "fist" -> "first"): read
    so only right after an article or a side ("the tale", "the front left corer")."""
    table, _ = lexicon()
    known = _known()
    out = {}
    for slip in SLIP_SPELLINGS:  # each word a letter put back into the slip spells (not before its first)
        meant = {w for k in range(1, len(slip) + 1) for letter in string.ascii_lowercase
                 if (w := slip[:k] + letter + slip[k:]) in known and table.get(w, ("",))[0] in NOUN_PHRASE_TAGS}
        if len(meant) == 1:
            out[slip] = meant.pop()
    return out


def _in_a_noun_phrase(meant: str, prev: str, nxt: str) -> str | None:
    """``meant`` where its place shows a noun phrase's word: before a thing, a side or a corner ("font left
    corer", "fist block"), a noun after a relation ("near root"), a side before "of" ("in font of"); else None
    ("in the closet" stays a closet)."""
    if _tag_of(nxt) in BEFORE_A_NOUN or (_tag_of(prev) in AFTER_A_RELATION and _tag_of(meant) in NOUNS) or \
            (_tag_of(meant) == "SIDE" and nxt == "of"):
        return meant
    return None


def _tag_of(word: str) -> str:
    """The lexicon's tag for ``word``, or ""."""
    return lexicon()[0].get(word, ("",))[0]


@functools.lru_cache(maxsize=1)
def _not_mended() -> frozenset[str]:
    """Words that name what the simulator lacks: refused by name, never mended into a colour or verb."""
    things = set(vocab.UNKNOWN_THINGS) | {t + "s" for t in vocab.UNKNOWN_THINGS}
    return frozenset(things | set(vocab.MISSING_COLORS))


@functools.lru_cache(maxsize=1)
def _relation_words() -> dict[str, str]:
    return {p: p for words in vocab.RELATIONS.values() for p in words if p.isalpha()}


@functools.lru_cache(maxsize=1)
def _colour_words() -> dict[str, str]:
    return {w: w for words in vocab.COLORS.values() for w in words if w.isalpha()}


@functools.lru_cache(maxsize=1)
def _kind_words() -> dict[str, str]:
    return {w: w for words in vocab.KINDS.values() for w in words if w.isalpha()}


@functools.lru_cache(maxsize=1)
def _verb_words() -> dict[str, str]:
    """Each one-word verb, and its form with -s ("places"), -> the verb."""
    verbs = {w for words in VERBS.values() for w in words if w.isalpha()}
    out = {w: w for w in verbs} | {"please": "please"}  # "plase put ...": a clause opens with "please" too
    for w in verbs:
        for form in vocab.plurals(w):
            out.setdefault(form, w)
    return out


def _one_slip_from(word: str, targets: dict[str, str], shortest: int) -> str | None:
    """The one target word ``word`` is a slip of (a letter left out, added, changed or two swapped; never the
    first letter, which people seldom miss), or None when none or several are; targets shorter than
    ``shortest`` letters are left out, as their slips are too often other words."""
    if word in targets:  # "places": a form of a verb the lexicon lists bare
        return targets[word]
    hits = {meant for t, meant in targets.items() if len(t) >= shortest and t[0] == word[0] and _one_slip(word, t)}
    return next(iter(hits)) if len(hits) == 1 else None


def _one_from(word: str, targets: dict[str, str], slip) -> str | None:
    """The one target word ``word`` is ``slip`` of, or None when none or several are."""
    hits = {meant for t, meant in targets.items() if slip(word, t)}
    return next(iter(hits)) if len(hits) == 1 else None


def _vowel_for_vowel(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one vowel (not the first letter) spelt as another ("grean")."""
    diff = [k for k in range(len(word)) if len(word) == len(target) and word[k] != target[k]]
    return len(word) >= 4 and len(diff) == 1 and diff[0] > 0 and word[diff[0]] in "aeiou" and target[diff[0]] in "aeiou"


def _one_slip(word: str, target: str) -> bool:
    if len(word) == len(target) - 1:  # a letter left out
        return any(target[:k] + target[k + 1:] == word for k in range(1, len(target)))
    if len(word) == len(target) + 1:  # a letter added
        return any(word[:k] + word[k + 1:] == target for k in range(1, len(word)))
    if len(word) != len(target) or word == target:
        return False
    diff = [k for k in range(len(word)) if word[k] != target[k]]
    if len(diff) == 2 and diff[1] == diff[0] + 1:  # two letters swapped
        return word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]]
    # a key next to the one meant ("plsce"): in short words, or with any other letter, it makes other words
    # too often ("check" is not "chuck")
    return len(diff) == 1 and len(word) >= 5 and word[diff[0]] in NEAR_KEYS.get(target[diff[0]], "")


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _near_keys(r: int, c: int) -> str:
    """The keys touching row r, column c of a keyboard whose rows are staggered (each a half key right of the
    one above): beside it, and the two above and the two below it."""
    spots = [(r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1), (r + 1, c - 1), (r + 1, c)]
    return "".join(_ROWS[r2][c2] for r2, c2 in spots if 0 <= r2 < 3 and 0 <= c2 < len(_ROWS[r2]))


# each letter -> the letters beside it on the keyboard
NEAR_KEYS = {ch: _near_keys(r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
