"""Words spelt the way they sound ("kyoob", "grene", "bawl", "kornor", "behiend"): a child, someone writing in a
second language or in a hurry writes a word by its sound. Each word has a sound key (`sound_key`), and a word the
reader does not know is read as the one word of its vocabulary with the same key (`by_sound`): anywhere when the
word is long enough that a sound-alike is no accident, and where its place says what kind of word goes there when
the word is a real English word of its own ("bawl", "trey", "blew")."""

from __future__ import annotations

import functools
import re
from typing import Callable

from aspire_tui.agent.words.homophones import COLOUR_SOUNDS, NUMBER_SOUNDS, SIDE_SOUNDS
from aspire_tui.agent.words.lexicon import (CARDINALS, FILLER, IRREGULAR_FORMS, NUMBERS, TENS, VERBS, lexicon,
                                            lookup, third_person, verb_form)
from sim import vocabulary as vocab

VOWELS = "aeiou"
# each vowel said long (a silent final e after one consonant makes it so: "cube", "zone", "plate")
LONG = {"a": "ay", "e": "ee", "i": "eye", "o": "oh", "u": "oo", "y": "eye"}
# a single vowel ending a word, after another, as said: "yelo" as "yellow", "evry" as "every", "aria" as "area"
FINAL = {"a": "@", "e": "ee", "i": "ee", "o": "oh", "u": "oo", "y": "ee", "ie": "ee"}
# two letters that spell one vowel sound, -> that sound
VOWEL_PAIRS = {"ee": "ee", "ea": "ee", "ei": "ay", "ai": "ay", "ay": "ay", "ey": "ay", "oa": "oh", "oe": "oh",
               "oh": "oh", "oo": "oo", "ue": "oo", "ew": "oo", "ui": "oo", "eu": "oo", "aw": "aw", "au": "aw",
               "oi": "oy", "oy": "oy", "uy": "eye", "ou": "ow", "ow": "ow", "ie": "ee"}


def sound_key(word: str) -> str:
    """How ``word`` sounds, as a key that spellings of one sound share:

        "kyoob", "cewb", "cube"       -> "k-oo-b"      "bawl", "ball"   -> "b-aw-l" ("bowl": "b-oh-l")
        "grene", "grean", "green"     -> "g-r-ee-n"    "zohn", "zone"   -> "s-oh-n"
        "kornor", "corner"            -> "k-or-n-@-r"  "rite", "right"  -> "r-eye-t"
        "purpul", "perple", "purple"  -> "p-er-p-@-l"  "yelo", "yellow" -> "y-e-l-oh"

    Letters that sound alike fold together: c/k/ck/q (a c before e, i, y is an s), ph/f, s/z, x/ks, wh/w, a
    soft g and j, a doubled letter, and a first letter nobody says ("wr", "kn"). The first vowel keeps its sound:
    ee/ea/ie, ai/ay/ey, oa/oh, oo/ew/ue, aw/au and an a before l, and a silent final e makes the vowel before it
    long ("grene", "zone"). The vowels after it are mostly unstressed and spelt any way ("purpul", "midel",
    "behiend"), so each is the one sound "@", but for one that ends the word, which is said as spelt ("yelo",
    "yellow"; "area" is not "array")."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if len(w) >= 5 and w.endswith("es") and w[-3] not in VOWELS + "sxzh" and w[-3] != w[-4]:
        key = sound_key(w[:-1])  # "cubes", "kyoobs": the silent e of "cube" before the s
        return f"{key}-@-s" if key.endswith("s") else f"{key}-s"  # "surfaces" as said
    w = re.sub(r"([b-df-hj-np-tv-z])\1+", r"\1", w)  # "ball" -> "bal", "middle" -> "midle"
    if len(w) >= 4 and w[-2:] in ("le", "re") and w[-3] not in VOWELS + "y" and any(c in VOWELS for c in w[:-3]):
        w = w[:-2] + "e" + w[-2]  # "table" -> "tabel", "centre" -> "center": the vowel said before the l or r
    n = len(w)
    silent_e = n >= 3 and w[-1] == "e" and w[-2] not in VOWELS + "y" and any(_vowel(w, k) for k in range(n - 2))
    long_at = n - 3 if silent_e and _vowel(w, n - 3) and (n == 3 or not _vowel(w, n - 4)) else -1
    sounds: list[str] = []
    heard_vowel = False
    i = 0
    while i < n:
        if silent_e and i == n - 1:
            break
        if _vowel(w, i):
            sound, i = _vowel_sound(w, i, long_at)
            if heard_vowel:
                # a vowel after the first is unstressed, spelt any way: "@" ("purpul", "purple"), but for one that
                # ends the word, which is said as spelt ("yelo", "yellow"; "every", "evry"; not "aria", "area")
                if sound in ("ar", "or", "er"):
                    sounds += ["@", "r"]  # "corner", "kornor"
                elif i >= n or (silent_e and i == n - 1):
                    sounds.append(FINAL.get(sound, sound))
                else:
                    sounds.append("@")
            else:
                sounds.append(sound)
                heard_vowel = True
            continue
        sound, i = _consonant_sound(w, i)
        sounds.extend(sound)
    sounds = [s for s in sounds if s]
    return "-".join(s for k, s in enumerate(sounds) if k == 0 or s != sounds[k - 1])


def _vowel(w: str, i: int) -> bool:
    """Whether the letter at ``i`` is said as a vowel: a, e, i, o, u, and a y that neither starts the word nor
    comes before a vowel ("evry", "whyte"; not "yelo", "kyoob")."""
    if i < 0 or i >= len(w):
        return False
    if w[i] == "u" and i > 0 and w[i - 1] == "q":
        return False  # "square": the u of "qu" is said as a w
    return w[i] in VOWELS or (w[i] == "y" and i > 0 and (i + 1 == len(w) or w[i + 1] not in "aeou"))  # "flying"


def _vowel_sound(w: str, i: int, long_at: int) -> tuple[str, int]:
    """The vowel sound that starts at ``i`` and the index after it."""
    n = len(w)
    for spelt, sound in (("eigh", "ay"), ("augh", "aw"), ("ough", "aw"), ("igh", "eye")):
        if w.startswith(spelt, i):
            return sound, i + len(spelt)
    pair = w[i:i + 2]
    after = w[i + 2] if i + 2 < n else ""
    if pair in VOWEL_PAIRS and (pair[1] not in "wyh" or after == "" or after not in VOWELS):
        sound = VOWEL_PAIRS[pair]
        if pair == "ie":
            sound = "eye" if i + 2 == n else "ee"  # "pie"; "field"
        elif pair in ("ou", "ow"):
            sound = "oh" if after == "l" or after == "" else "ow"  # "bowl", "yellow"; "brown", "round"
        return sound, i + 2
    ch = w[i]
    nxt = w[i + 1] if i + 1 < n else ""
    if ch in VOWELS and nxt == "r" and not _vowel(w, i + 2) and i != long_at:
        return {"a": "ar", "o": "or"}.get(ch, "er"), i + 2  # "corner", "purple"/"perple"/"pirple"
    if i == long_at or (i + 1 == n and ch != "a" and not any(_vowel(w, k) for k in range(i))):
        return LONG[ch], i + 1  # "cube", "zone"; the one vowel, ending the word: "blu", "thre"
    if ch == "u" and i > 0 and w[i - 1] == "y":
        return "oo", i + 1  # "kyub": the "yu" of "cube"
    if ch == "a" and nxt == "l" and not _vowel(w, i + 2):
        return "aw", i + 1  # "ball" ("bal"), "talk": an a before l said "aw"
    if ch == "i" and w.startswith(("nd", "ld"), i + 1):
        return "eye", i + 1  # "find", "child"
    if ch == "y":
        return ("ee" if i + 1 == n else "eye" if nxt == "i" else "i"), i + 1  # "every", "flying", "gym"
    return ch, i + 1


def _consonant_sound(w: str, i: int) -> tuple[list[str], int]:
    """The consonant sounds that start at ``i`` and the index after them."""
    n = len(w)
    ch = w[i]
    nxt = w[i + 1] if i + 1 < n else ""
    two = w[i:i + 2]
    if w.startswith("sch", i):
        return ["s", "k"], i + 3
    if w.startswith("tch", i):
        return ["ch"], i + 3
    if i == 0 and two in ("wr", "kn", "gn"):
        return [two[1]], 2  # "wrap", "knock": the first letter is not said
    if two == "ch":
        return (["k"] if w[i + 2:i + 3] == "r" else ["ch"]), i + 2  # "chrome"
    if two in ("sh", "th"):
        return [two], i + 2
    if two == "ph":
        return ["f"], i + 2
    if two == "wh":
        return ["w"], i + 2
    if two == "gh":
        return (["g"] if i == 0 else []), i + 2  # "ghost"; "though"
    if two == "ck":
        return ["k"], i + 2
    if two == "qu":
        return ["k", "w"], i + 2  # "square", "skwair"
    if two == "dg":
        return ["j"], i + 2  # "edge"
    if two == "mb" and i + 2 == n:
        return ["m"], n  # "thumb"
    if ch == "q":
        return ["k"], i + 1
    if ch == "x":
        return (["s"] if i == 0 else ["k", "s"]), i + 1  # "boks", "box"
    if ch == "c":
        # a c before e, i or y is an s ("place"), but "cew" spells no English word's s: "cewb" is "cube"
        soft = nxt in "eiy" and nxt and not w.startswith(("ew", "eu"), i + 1)
        return (["s"] if soft else ["k"]), i + 1
    if ch == "g":
        return (["j"] if nxt and nxt in "eiy" else ["g"]), i + 1  # "oringe", "orenj"
    if ch == "z":
        return ["s"], i + 1  # "zohn", "sone": s and z are heard alike at a word's start and end
    if ch == "h":
        said = (i == 0 or _vowel(w, i - 1)) and _vowel(w, i + 1)  # "behind"; not "zohn"
        return (["h"] if said else []), i + 1
    if ch == "y":
        return (["y"] if i == 0 else []), i + 1  # "yelo"; the glide in "kyoob" is the u of "cube"
    if ch == "w":
        return (["w"] if _vowel(w, i + 1) or nxt == "" else []), i + 1
    return [ch], i + 1


# Real English words that sound like a word of the vocabulary: a child may write "bawl" for "ball" or "trey" for
# "tray", but "bawl" is also a word of its own, so these are read by sound only where their place asks for that
# kind of word ("the bawl" where a thing goes), never anywhere. (Found by keying every word of a large English
# word list and keeping the real words whose key is one vocabulary word's: "plays" sounds like "place", "trace"
# like "trays", "console" like "conceal". "blew", "rite", "write" are `homophones`', read there by their place.)
SOUND_ALIKE_WORDS = frozenset({
    "acre", "arose", "arrays", "arrows", "assure", "balloons", "bawl", "bays", "became", "beer", "beers", "bellow",
    "bole", "cain", "caries", "categories", "collar", "console", "consoles", "displays", "employees", "goods",
    "grouse", "hall", "halls", "heed", "jets", "lace", "laze", "leis", "lode", "lyme", "navvy", "pare", "paste",
    "plaice", "plait", "plays", "pleas", "pulse", "putt", "refill", "refuel", "relays", "relies", "repent",
    "restock", "roes", "rout", "sone", "taxes", "tern", "throe", "trace", "trey", "violate", "wight", "wrest",
})


# words for the same thing that a sound key cannot tell apart are one reading, not two ("gray", "grey")
def _meaning(word: str) -> object:
    """What ``word`` means to the reader, so that two spellings of one meaning are not two readings."""
    if vocab.color_of(word):
        return ("COLOR", vocab.color_of(word))
    if vocab.kind_of(word):
        return ("KIND", vocab.kind_of(word), word in vocab.KINDS[vocab.kind_of(word)])
    table, _ = lexicon()
    hit = lookup(word, table) or third_person(word, table)  # "places": the verb "place"
    # one tag and a value spelt two ways that sound alike are one meaning: "center" and "centre"
    return (hit.tag, sound_key(str(hit.value))) if hit is not None else word


# the lexicon's tags for the words of places, relations and counts: with things, colours and verbs, the
# vocabulary a word may be read as by its sound anywhere
PLACE_TAGS = ("SIDE", "EDGE", "CORNERWORD", "CORNERS", "MIDDLE", "TOP", "BOTTOM", "TABLE", "SIDEMOST")
RELATION_TAGS = ("REL", "TO")
COUNT_TAGS = ("ALL", "EACH", "BOTH", "ORD")
VERB_TAGS = ("VERB",)
NEGATION_TAGS = ("NOT", "WITHOUT")


@functools.lru_cache(maxsize=1)
def _vocabulary() -> dict[str, dict[str, str]]:
    """Each sort of word a place asks for -> its one-word spellings -> the word to read (the spelling itself):
    "thing", "colour", "verb", "relation", and "any" (those with places and counts)."""
    table, _ = lexicon()
    things = {w for words in vocab.KINDS.values() for phrase in words for w in (phrase, *vocab.plurals(phrase))}
    colours = {w for words in vocab.COLORS.values() for w in words}
    verbs = {w for words in VERBS.values() for w in words} | {p for p, (t, _) in table.items() if t in VERB_TAGS}
    verbs |= {f for v in list(verbs) for f in vocab.plurals(v)} | {"please"}  # "pleez put ...": a clause's opener
    relations = {w for words in vocab.RELATIONS.values() for w in words}
    relations |= {p for p, (t, _) in table.items() if t in RELATION_TAGS}
    places = {p for p, (t, _) in table.items() if t in PLACE_TAGS}
    counts = {p for p, (t, _) in table.items() if t in COUNT_TAGS} | set(NUMBERS) | set(CARDINALS)
    one_word = lambda words: {w: w for w in words if w.isalpha()}  # noqa: E731
    return {"thing": one_word(things), "colour": one_word(colours), "verb": one_word(verbs),
            "relation": one_word(relations),
            "any": one_word(things | colours | verbs | relations | places | counts)}


@functools.lru_cache(maxsize=1)
def _by_key() -> dict[str, set[object]]:
    """Each sound key -> the meanings of every word the reader knows with that key (the vocabulary's and all the
    others': a key two known words share is read as neither)."""
    table, _ = lexicon()
    words = {w for phrase in (*table, *FILLER) for w in phrase.split()} | set(TENS) | set(IRREGULAR_FORMS)
    words |= {w for phrase in vocab.UNITS for w in phrase.split()}
    words |= set(_vocabulary()["any"])
    out: dict[str, set[object]] = {}
    for w in words:
        if w.isalpha():
            out.setdefault(sound_key(w), set()).add(_meaning(w))
    return out


@functools.lru_cache(maxsize=1)
def _negation_keys() -> frozenset[str]:
    """The keys of words that say "not": never a reading by sound, as a wrong "not" turns the task around."""
    table, _ = lexicon()
    return frozenset(sound_key(w) for p, (t, _) in table.items() if t in NEGATION_TAGS for w in p.split())


def sounds_like(word: str, sort: str) -> str | None:
    """The one word of the vocabulary of ``sort`` ("thing", "colour", "verb", "relation", "any") that sounds
    like ``word`` ("kyoob" -> "cube"), or None. None too when two words the reader knows share the key, as
    which was meant cannot be told: "rase" is "race" or "raise", "gude" "guide" or the filler "good", "uv" "of"
    or "off"; and never a word that says "not" ("knot")."""
    key = sound_key(word)
    if not key or key in _negation_keys() or len(_by_key().get(key, ())) != 1:
        return None
    hits = _keyed(sort).get(key, ())
    return min(hits) if len({_meaning(w) for w in hits}) == 1 else None


@functools.lru_cache(maxsize=None)
def _keyed(sort: str) -> dict[str, set[str]]:
    """Each sound key -> the words of the vocabulary of ``sort`` with that key."""
    out: dict[str, set[str]] = {}
    for w in _vocabulary()[sort]:
        out.setdefault(sound_key(w), set()).add(w)
    return out


def by_sound(words: list[str], known: frozenset[str], opens_clause: Callable[[list[str], int], bool]) \
        -> list[str]:
    """The words with each one the reader cannot read (not in ``known``, no form of a verb it knows, and no
    thing or colour the simulator lacks) that sounds like one word of its vocabulary read as that word: where its
    place says what kind of word goes there (before a thing's noun a colour, where a thing goes a thing, opening
    a clause a verb, between an object and the next a relation), and anywhere when it has four letters or more
    and is no English word of its own (`SOUND_ALIKE_WORDS`). Run after the keyboard's slips are mended, so only
    what those leave unread is read by sound."""
    out = list(words)
    for _ in range(2):  # "grene kyoob": the thing read first shows the colour's place
        changed = False
        for k, w in enumerate(out):
            if not w.isalpha() or len(w) < 3 or not _unread(w, known) or w in _HEARD_BY_HOMOPHONES:
                continue
            meant = _by_place(out, k, opens_clause)
            if meant is None and len(w) >= 4 and w not in SOUND_ALIKE_WORDS:
                meant = sounds_like(w, "any")
            if meant is not None and meant != w:
                out[k] = meant
                changed = True
        if not changed:
            break
    return out


# sound-alikes `homophones.heard` reads by their place, each as its own word ("write" for "right")
_HEARD_BY_HOMOPHONES = frozenset({*SIDE_SOUNDS, *COLOUR_SOUNDS, *NUMBER_SOUNDS})

# words after which a thing's noun phrase starts (the article before it is dropped by then): a verb, a relation,
# "of", "and", a count ("put the bawl in the trey", "two bawls")
_BEFORE_A_THING = ("VERB", "REL", "TO", "OF", "AND", "FROM", "WITH", "ALL", "EACH", "BOTH", "ORD", "OTHER", "NUM")


def _unread(word: str, known: frozenset[str]) -> bool:
    """Whether the reader cannot read ``word``: not known, no form of a verb it knows ("placed", "pushes"), and
    no thing or colour the simulator lacks ("banana", "gold": refused by name)."""
    table, _ = lexicon()
    return word not in known and word not in _LACKED and verb_form(word, table) is None and \
        third_person(word, table) is None


# things and colours the simulator lacks, refused by name: never read as another word by its sound
_LACKED = frozenset({*vocab.UNKNOWN_THINGS, *(t + "s" for t in vocab.UNKNOWN_THINGS), *vocab.MISSING_COLORS})


def _by_place(words: list[str], k: int, opens_clause: Callable[[list[str], int], bool]) -> str | None:
    """The word of the vocabulary words[k] sounds like, of the sort its place asks for, or None."""
    w = words[k]
    nxt = words[k + 1] if k + 1 < len(words) else ""
    prev = words[k - 1] if k > 0 else ""
    sorts = []
    if (vocab.kind_of(prev) or prev in ("it", "them")) and (vocab.kind_of(nxt) or vocab.color_of(nxt)):
        sorts.append("relation")  # "the cube behiend the bowl"
    if vocab.kind_of(nxt) or nxt in ("one", "ones"):
        sorts.append("colour")  # "the grene cube", "the blew one"
    elif vocab.color_of(prev) or _tag(prev) in _BEFORE_A_THING:
        sorts.append("thing")  # "the red bawl", "put it in the trey"
    if opens_clause(words, k):
        sorts.append("verb")  # "pleez put ...", "putt the cube ..." (the article is gone: a noun follows)
    return next((meant for sort in sorts if (meant := sounds_like(w, sort)) is not None), None)


def _tag(word: str) -> str:
    """The lexicon's tag for ``word`` (NUM for a number, STOP and COMMA for marks), or ""."""
    if word in (".", ";"):
        return "STOP"
    if word == ",":
        return "COMMA"
    hit = lookup(word, lexicon()[0])
    return hit.tag if hit is not None else ""
