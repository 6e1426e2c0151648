"""What a speaker says of themselves around the task: what it is for ("for the display, ..."), the situation
before it ("so I've got guests coming and the plate looks odd, can you move it to the middle?") and a comment
after it ("... he'll love it", "..., I left something there"). None asks anything; the objects the situation
names stay named, so "it" can stand for one."""

from __future__ import annotations

import re

from aspire_tui.agent.words.asides import ASKING_TAGS
from aspire_tui.agent.words.setting_aside import asks_something, ends_up
from aspire_tui.agent.words.tagging import tag
from sim import vocabulary as vocab

# how a speaker opens a sentence about themselves: "so I ...", "ok so my ...", "we've ..."
FIRST_PERSON = re.compile(r"^\s*(?:(?:ok|okay|so|well|right|anyway|honestly|basically|um|uh|ugh|oh)\b[\s,]*)*"
                          r"(?:i|i'm|i've|i'd|i'll|we|we're|we've|we'd|my|our)\b", re.I)
# what the task is for, said first ("ok so for the display, ...", "before the party ..."): a word not read after it
OCCASION = re.compile(r"^\s*(?:(?:ok|okay|so|well|right|anyway)\b[\s,]*)*"
                      r"((?:for|before|ahead of) (?:the|my|our|this|a|an) ([a-z]+)\b,?)", re.I)
# when, or for what, said after the task ("... by noon", "... before lunch", "... at the party", "... this evening"):
# words not read after it, checked by `without_context`
OCCASION_AFTER = re.compile(r"\s+((?:(?:by|before|after|until|till|during|at|for|ahead of|in time for)\s+"
                            r"(?:the |my |our |this |that |a |an |his |her |their |next |tomorrow's )?|"
                            r"(?:this|next|tomorrow|tonight)\s*)(?P<what>[a-z']+(?: [a-z']+)?)?)[\s.!?]*$", re.I)
# a word or few not read that close the words after a task, with or without a comma ("..., ok?", "... capisce?"): a
# sign-off, which may follow an occasion ("... by teatime, capisce?"), kept and set apart by a comma
SIGN_OFFS = [re.compile(rf"[\s,;.!]+([a-z']+(?: [a-z']+){{{n}}})\s*[?!.]*\s*$", re.I) for n in (0, 1, 2)]
# a last word right before "?" with no comma before it ("... in the bowl capisce?"): maybe a sign-off
BARE_SIGN_OFF = re.compile(r"[a-z']\s+[a-z']+\s*\?+\s*$", re.I)
# an occasion said first with no determiner ("before lunch put ...", "by teatime, ..."): one word not read
OCCASION_BARE = re.compile(r"^\s*(?:(?:ok|okay|so|well|right|anyway)\b[\s,]*)*"
                           r"((?:for|before|by|after|until|till|ahead of|in time for) ([a-z']+)\b(,?))\s*", re.I)
# someone named first, with a determiner ("so the kids ...", "my neighbour ...")
SOMEONE = re.compile(r"^\s*(?:(?:ok|okay|so|well|right|anyway|honestly|basically|um|uh|ugh|oh)\b[\s,]*)*"
                     r"(?:the|my|our|his|her|their) ([a-z']+)\b", re.I)
# who a comment after the task is about: the speaker, someone else, or how it turns out
COMMENT_SUBJECT = re.compile(r"^\s*(?:(?:and|so|but|as|since)\s+)?(?:that\s+)?"
                             r"(?:i|i'm|i've|i'd|i'll|he|he's|he'll|he'd|she|she's|she'll|she'd|we|we'll|we'd|they|"
                             r"they'll|they'd|that|that'd|that'll|this|it'll|it'd|you'll)\b", re.I)
# tags that say what to do, in the task after a situation
TASK_TAGS = {"VERB", "MODAL", "TOWER", "LINE"}
# a clause that changes an object or names what the simulator lacks is refused, never set aside
CHANGING = {"change", "swap", "flip"}


def without_context(text: str) -> tuple[str, list[str]]:
    """The text without what the task is for, the speaker's situation before it and comments after it, and
    those words. What it is for opens the words ("for the display", "before the party") with a word not read;
    when it is wanted, or for what, closes them with words not read ("... by noon", "... for the audit").

    A situation is the first clause, about the speaker ("I", "my", "we") or someone else ("the kids"), with a
    word the reader does not read, before a task of its own; the objects it names are kept as named ("there is
    the plate"). A comment is a last clause whose subject is a person or "that" ("he'll love it", "that would
    help") and that names no object, place, amount or verb."""
    set_apart: list[str] = []
    while True:
        m = re.search(r"[,.;!?]\s*([^,.;!?]+?)[\s.!?]*$", text)
        if m is None or not _comment(m.group(1)) or not _has_task(text[:m.start()]):
            break
        set_apart.append(m.group(1).strip())
        text = text[:m.start()]
    m = OCCASION_AFTER.search(text)
    if m is None or not _unread(m.group("what") or m.group(1)):
        # "... by teatime, capisce?": the occasion stands before the sign-off
        m, text = _occasion_before_sign_off(text)
    if m is not None and _unread(m.group("what") or m.group(1)) and _asks(text[:m.start()]):
        set_apart.append(m.group(1).strip())  # "... by noon": when it is wanted, which now always meets
        text = text[:m.start()] + text[m.end():]
    sign_off = _sign_off(text) if BARE_SIGN_OFF.search(text) else None
    if sign_off is not None and not re.search(r"[,;.!]", text[sign_off.start():sign_off.start(1)]) and \
            "?" in text[sign_off.end(1):] and tag(sign_off.group(1)) and \
            _has_task(text[:sign_off.start()]):
        text = text[:sign_off.start()] + ", " + text[sign_off.start(1):]  # "... in the bowl capisce?": set apart
    m = OCCASION_BARE.match(text)
    if m is not None and _unread(m.group(2)) and (m.group(3) or _opens_task(text[m.end():])):
        set_apart.append(m.group(1).strip(" ,"))  # "before lunch put ...": when it is wanted, said first
        text = text[:m.start(1)] + text[m.end():]
    m = OCCASION.match(text)
    if m is not None and all(w.tag == "UNKNOWN" for w in tag(m.group(2))):
        set_apart.append(m.group(1).strip())  # "for the display, ...": what the task is for
        text = text[:m.start(1)] + text[m.end(1):]
    m = re.match(r"\s*([^,.;!?]+)[,.;!]+\s*", text)  # not before "?": an object asked about is a topic
    if m is not None and _about_people(m.group(1)) and _situation(m.group(1)) and _has_task(text[m.end():]):
        named = _named(m.group(1))
        set_apart.insert(0, m.group(1).strip())
        text = (f"there is {' and '.join(named)} . " if named else "") + text[m.end():]
    return text, set_apart


def _about_people(clause: str) -> bool:
    """Whether a clause is about the speaker ("I", "my", "we") or someone the reader does not know as a thing
    ("the kids mixed up the balls", "my neighbour's cat ..."), not about the objects."""
    if FIRST_PERSON.match(clause.replace("’", "'")):
        return True
    m = SOMEONE.match(clause)
    # a sentence with words after its subject; a noun phrase alone ("the teapot? put it ...") is a topic
    return m is not None and len(clause[m.end():].split()) >= 2 and all(w.tag == "UNKNOWN" for w in tag(m.group(1)))


def _comment(clause: str) -> bool:
    # "... the realm. I mean the table": a correction that says the place again, never a comment
    if re.match(r"\s*i\s+mean", clause, re.I) or not COMMENT_SUBJECT.match(clause.replace("’", "'")):
        return False
    return not {w.tag for w in tag(clause)} & (ASKING_TAGS - {"PRON"})


def _situation(clause: str) -> bool:
    words = tag(clause)
    if not any(w.tag == "UNKNOWN" for w in words):
        return False  # "I have the red block in the bowl, ...": how things are, read as such
    things = set(vocab.UNKNOWN_THINGS) | set(vocab.MISSING_COLORS)
    return not any(w.tag == "VERB" and w.value in CHANGING and _on_an_object(words, k) or w.text in things or
                   w.text.rstrip("s") in things for k, w in enumerate(words))


def _on_an_object(words: list, k: int) -> bool:
    """Whether the verb at words[k] acts on an object ("paint the bowl", "the cube painted"); the speaker's own
    doing ("I'd rather not bend over the table") names none beside it."""
    near = [w.tag for w in words[max(k - 1, 0):k] + words[k + 1:k + 2]]
    return any(t in ("KIND", "KINDS", "COLOR", "PRON") for t in near)


def _unread(words: str) -> bool:
    """Whether every word is one the reader does not read, and none names what the simulator lacks."""
    tags = tag(words)
    things = set(vocab.UNKNOWN_THINGS)
    return bool(tags) and all(w.tag == "UNKNOWN" and w.text.rstrip("s") not in things for w in tags)


def _occasion_before_sign_off(text: str) -> tuple[re.Match | None, str]:
    """The occasion said right before a sign-off ("... by teatime, capisce?"), if any, and the text with the
    sign-off set apart by a comma after it."""
    for said in SIGN_OFFS:
        sign_off = said.search(text)
        m = OCCASION_AFTER.search(text[:sign_off.start()]) if sign_off is not None else None
        # told apart by patterns first; only then are the words read
        if m is None:
            continue
        if not _signs_off(sign_off.group(1)):
            break  # nor will a longer run, which holds this one
        if _unread(m.group("what") or m.group(1)):
            return m, text[:m.end()] + ", " + sign_off.group(1) + text[sign_off.end(1):]
    return None, text


def _sign_off(text: str) -> re.Match | None:
    """The longest run of up to three last words that signs off ("..., ok?", "... capisce?"), if any."""
    return next(reversed(list(_sign_offs(text))), None)


def _sign_offs(text: str):
    """The runs of one, two and three last words that sign off, shortest first: a run that does not sign off
    ends them, as every longer run holds it."""
    for said in SIGN_OFFS:
        m = said.search(text)
        if m is None or not _signs_off(m.group(1)):
            return
        yield m


def _signs_off(words: str) -> bool:
    """Whether the last words ("ok", "capisce", "yeah") ask nothing: none is read, none says how an object ends up
    ("upside down") or names what the simulator lacks."""
    if any(vocab.kind_of(w) or vocab.kind_of(w.rstrip("s")) or vocab.color_of(w) for w in words.lower().split()):
        return False  # "... into the bowl?": an object named, told without reading the words
    tags = tag(words)
    return all(w.tag == "UNKNOWN" and not ends_up(w.text) and not asks_something(w.text) for w in tags)


def _opens_task(text: str) -> bool:
    """Whether the words open with a task's verb ("put the cube ...")."""
    words = tag(text)
    return bool(words) and words[0].tag in TASK_TAGS


def _asks(text: str) -> bool:
    """Whether the words ask a task: with a verb, or an object and where it goes ("the red block in the bowl")."""
    if _has_task(text):
        return True
    tags = [w.tag for w in tag(text)]
    return "REL" in tags and any(t in ("KIND", "KINDS") for t in tags[:tags.index("REL")]) and \
        any(t in ("KIND", "KINDS") for t in tags[tags.index("REL"):])


def _has_task(text: str) -> bool:
    return bool(re.search(r"[a-z]", text)) and bool({w.tag for w in tag(text)} & TASK_TAGS)


def _named(clause: str) -> list[str]:
    """The objects a clause names, as "the red plate", "the balls"."""
    words = tag(clause)
    named = []
    for k, w in enumerate(words):
        if w.tag in ("KIND", "KINDS"):
            color = words[k - 1].text + " " if k and words[k - 1].tag == "COLOR" else ""
            named.append(f"the {color}{w.text}")
    return named
