"""A load read out as a dispatcher reads it: "Load: yellow block. Destination: the crate.", "Pickup purple ball,
drop off yellow bowl, over.", "All balls, staging area: middle of the table.", "Stack order top to bottom:
purple, cyan, orange. Blocks." The fields of the sheet are said as one task: where the load goes after "to",
the radio's sign-off dropped, the kind said once at the end given to each colour listed."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# the field that says where a load goes ("destination: the crate", "drop-off point - tray")
DESTINATION = (r"(?:final )?(?:destination|dest|drop[- ]?off(?: point| location| at)?|delivery(?: point| location)?|"
               r"deliver to|staging(?: area| point)?|unload(?:ing)? (?:point|bay|at)|consignee|route to)")
# the radio's words that close a call: never a task
SIGN_OFFS = (r"(?:over(?: and out)?|out|confirm|please confirm|confirm receipt|copy|copy that|roger(?: that)?|"
             r"acknowledge|ack|10-4|ten-four)")
# a load's own verb for being somewhere ("the orange ball to sit next to the bowl"): where it is to be
BEING = r"(?:sit|rest|stand|lie|stay|remain|wait|end up)"


def load_sheets(text: str) -> str:
    """``text`` (lower case) with a dispatcher's load sheet said as one task."""
    # "unit 4, ...", "truck two: ...": the call sign of the one called, which names nothing to move
    text = re.sub(r"^\s*(?:unit|car|truck|rig|van|driver|team|crew)\s+(?:\d+|one|two|three|four|five|six)\s*[,:;]\s*", "", text)
    # ", over.", ". Confirm.": the sign-off closing the call
    text = re.sub(rf"(?<=[a-z0-9])\s*[,.;]\s*{SIGN_OFFS}\s*[.!?]*\s*$", ".", text)
    # "yellow block. destination: the crate": the load goes to the destination
    text = re.sub(rf"(?<=[a-z0-9])\s*[,.;]?\s*\b{DESTINATION}\s*[:=–—-]\s*", " to ", text)
    # "pickup purple ball, drop off yellow bowl": dropped off at a holder named bare
    if re.search(r"\bpick ?up\b", text):
        text = re.sub(rf"\bdrop[- ]?off (?:at |in |into |on |onto |to )?(?=(?:the |a )?(?:[a-z]+ )?(?:{_holders()})\b)",
                      "drop it off to ", text)
    # "orange ball to sit right next to the blue bowl": to be there
    text = re.sub(rf"\bto {BEING}(?= (?:right |just |directly )?(?:in|on|next|beside|behind|left|right|near|"
                  r"in front|at|by|on top)\b)", "to be", text)
    # "..., then return to the red marker": the driver goes back there (a load is returned to a holder, not a marker)
    text = re.sub(r"\b(?:return|head back|come back|go back)(?= to (?:the |a )?(?:[a-z]+ )?markers?\b)", "go", text)
    # "stack order top to bottom:", "stacking order": the order of the tower, which the list says
    text = re.sub(r"\bstack(?:ing)? order\b", "stack", text)
    return _kind_said_last(text)


def _kind_said_last(text: str) -> str:
    """"black on white on gray, all blocks.", "purple, cyan, orange. blocks.": the kind said after a list of bare
    colours is each one's kind."""
    m = re.search(rf"\s*[,.;]\s*(?:all )?(?:the )?({_plural_kinds()})\s*[.!]?\s*$", text)
    if not m:
        return text
    body, kind = text[:m.start()], vocab.kind_of(m.group(1))
    colours = "|".join(w for words in vocab.COLORS.values() for w in words)
    nouns = "|".join(w for words in vocab.KINDS.values() for w in words)
    bare = rf"\b({colours})\b(?!\s+(?:{nouns}|one|ones)\b|\s+\w*s\b)"
    if kind is None or len(re.findall(bare, body)) < 2:
        return text
    return re.sub(bare, rf"\1 {kind}", body) + "."


@functools.lru_cache(maxsize=1)
def _holders() -> str:
    return "|".join(w for k in (*vocab.CONTAINERS, *vocab.SURFACES, "plate") for w in vocab.KINDS[k])


@functools.lru_cache(maxsize=1)
def _plural_kinds() -> str:
    return "|".join(p for words in vocab.KINDS.values() for w in words for p in vocab.plurals(w))
