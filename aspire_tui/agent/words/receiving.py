"""A place said as the one that gets something ("the red bowl gets the white ball", "the plate should receive
both cubes", "load the crate with the ball"): the thing goes there, as "put the white ball in the red bowl"
says. Takes text (lower case) and gives text."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# what can be said to get or hold a thing put there
RECEIVERS = vocab.CONTAINERS + vocab.SURFACES + ("plate",)


def receiving(text: str) -> str:
    """The text with each "<place> (should) get(s) <thing>", and each "load <place> with <thing>", said as "put
    <thing> into (onto) <place>"."""
    def put(m: re.Match) -> str:
        onto = vocab.kind_of(m.group(2).split()[-1]) in vocab.SUPPORTS
        return f"{m.group(1)}put {m.group(3)} {'onto' if onto else 'into'} {m.group(2)}"

    return _receives().sub(put, _filled().sub(put, text))


def _place() -> str:
    nouns = sorted({w for k in RECEIVERS for w in vocab.KINDS.get(k, ())}, key=vocab.longest_first)
    return rf"(?:the|a|an) (?:[a-z]+ )?(?:{'|'.join(nouns)})"


# what is put there: an object, a group or a count, up to the clause's end
THING = r"(?:the|a|an|both|all|every|each|\d+|one|two|three|four) [^.;!?,]+?"


@functools.lru_cache(maxsize=1)
def _filled() -> re.Pattern:
    # "load the crate with the red block", "fill the bowl up with both balls"
    return re.compile(rf"(\b)(?:load|fill|pack|stock|restock|refill)(?: up)? ({_place()})(?: up)? with ({THING})"
                      r"(?=\s*(?:$|[.;!?,]|\band\b|\bthen\b))")


@functools.lru_cache(maxsize=1)
def _receives() -> re.Pattern:
    place, thing = _place(), THING
    # "gets" and "receives" move a thing there in any tense; "holds" and "contains" only as a wish ("the tray should
    # hold the ball"), as "the tray holds the ball" says how things are
    modal = r"(?:should|must|will|is to|needs to|has to|ought to)"
    verb = rf"(?:{modal} |can )?(?:gets?|receives?|takes?)|{modal} (?:hold|contain|have|end up with|end up holding)"
    # the clause's start, with words for when before the place ("ultimately the tray should ...", "in the end ...")
    opens = r"(?:^|[.;!?,]\s*|\b(?:then|and|first|next|finally|lastly)\s+)(?:[a-z]+ly,?\s+|(?:in|at|by) the end,?\s+)?"
    return re.compile(rf"({opens})({place})\s+(?:{verb})\s+({thing})(?=\s*(?:$|[.;!?,]|\band\b|\bthen\b))")
