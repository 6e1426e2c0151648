"""A letter's closing ("With all my love, Grandma", "Best wishes, Tom", "xoxo"): who wrote it and how fondly,
said after the task, never part of it. Takes text (lower case) and gives text."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# "with all my love", "lots of love", "yours truly", "kind regards", "hugs and kisses": a letter's last words
CLOSING = (r"(?:with )?(?:all |lots of |much |so much |all of )?(?:my |our )?(?:love(?: always| you)?|hugs(?: and kisses)?|"
           r"kisses|best wishes|(?:warm|warmest|kind|kindest|best) regards|regards|cheers|many thanks|"
           r"yours(?: truly| sincerely| faithfully| always| ever)?|sincerely(?: yours)?|fondly|warmly|take care|"
           r"xoxo|x{2,}|all the best)")
SIGNED = re.compile(rf"(^|[.!?;\n]\s*)({CLOSING})\s*[,!.-]*\s*((?:[a-z']+\s*){{0,3}}?)[.!\s]*$")


def without_sign_off(text: str) -> str:
    """``text`` without the closing of a letter at its end ("..., would you? With all my love, Grandma"); a
    name that is a colour or a kind ("love, the red one") is no signature, and stays."""
    m = SIGNED.search(text)
    if m is None or any(vocab.kind_of(w) or vocab.color_of(w) for w in m.group(3).split()):
        return text
    return text[:m.start()] + m.group(1)
