"""A word or two that opens or closes what a person says without being part of it: "please", "hey robot,",
"ok so" before it; "thanks!", ", cheers", " pls", ", ok?" after it. Dropped from the very start and the very
end, so that the rules for a whole instruction's shape ("given ... when ... then ...", "final state: ...", "take
them out" at its end) read it as they read it said bare.
Takes text (lower case) and gives text."""

from __future__ import annotations

import re

# "please", "kindly", "hey robot,", "hi there,", "okay guys", "ok so", "alright then": one or more, then the task;
# whoever is spoken to goes with them ("okay robot the cube goes in the tray" is not about a robot)
ADDRESSED = r"(?: (?:there|robot|bot|arm|guys|folks|everyone|team|buddy|pal|mate))?"
LEAD_IN = re.compile(rf"^\s*(?:(?:please|kindly|pls|(?:hey|hi|hello){ADDRESSED}|ok(?:ay)?{ADDRESSED}(?: so| then)?"
                     rf"|alright{ADDRESSED}(?: so| then)?|right so)\s*[,!]?\s+)+(?=[a-z0-9])")  # not "please - a, b"


def without_lead_in(text: str) -> str:
    """The text without the words that open it and ask nothing ("ok so given a ball, when done, then ..." as
    "given a ball, when done, then ..."); a text that is nothing but them stays as it is."""
    rest = LEAD_IN.sub("", text, count=1)
    return rest if rest.strip() else text


# ", thanks!", ". ty", " pls", ", ok?", " cheers": a word of thanks or a tag question said after the task
TAG_ON = re.compile(r"(?:\s*[,.;]|\s)\s*(?:(?:many|big|huge|massive) )?(?:thanks|thank you|thx|ty|cheers|pls|plz|please|ok"
                    r"|okay|alright)"
                    r"(?: (?:so much|a lot|robot|mate))?\s*[.!?]*\s*$")


def without_tag_on(text: str) -> str:
    """The text without the word of thanks or the "ok?" tagged on its end ("take them out, ok?" as "take them
    out"); a text that is nothing but it stays as it is."""
    rest = TAG_ON.sub("", text, count=1)
    return rest if rest.strip() else text
