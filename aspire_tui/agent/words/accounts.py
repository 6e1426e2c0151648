"""An account of how things came to be ("someone left the cube on the plate earlier", "I put the ball in the
bowl by mistake") says how they are now: a start state, read as "the cube is on the plate". Takes text (lower
case, contractions spelled out) and gives text."""

from __future__ import annotations

import re

# who did it, in the past: not the robot being asked ("you put ..." may be the request itself)
DOER = r"(?:someone|somebody|i|we|they)(?: (?:accidentally|already|just|mistakenly|earlier))?"
DID = r"(?:left|put|placed|dropped|set|stuck|stacked|moved|knocked|tossed|threw)"
# where the thing now is, said right after it
WHERE = (r"(?:in|on|inside|into|onto|on top of|next to|beside|behind|in front of|near|by|at|under|underneath|"
         r"over|to the (?:left|right) of)")
# when it happened, which asks nothing
WHEN = re.compile(r"\s*\b(?:earlier(?: today| on)?|yesterday|last night|this morning|a (?:moment|minute|while|second) "
                  r"ago|just now|a bit ago)\b")
# words before the doer that make the account a condition or a time, not how things are ("after I put ...")
NOT_AN_ACCOUNT = ("if", "when", "once", "after", "before", "until", "can", "could", "should", "shall", "may",
                  "will", "would", "do", "did", "where", "how", "why", "whether",
                  # "now we put the cube on the plate", "first we put ...": a step talked through as it is done
                  "now", "first", "then", "next")
ACCOUNT = re.compile(rf"\b{DOER} {DID} ((?:the|a|an|all|both|every|each|\d+) (?:[a-z]+ ){{0,4}}?)(?={WHERE}\b)")


def accounts(text: str) -> str:
    """The text with each account of how a thing came to be where it is said as where it is ("someone left
    the red cube on the plate earlier" as "the red cube is on the plate")."""
    def said(m: re.Match) -> str:
        before = text[:m.start()].split()[-1:]
        if before and before[0] in NOT_AN_ACCOUNT:
            return m.group(0)
        many = re.search(r"(?:all|both|\d+) |s $", m.group(1))
        return m.group(1) + ("are" if many else "is") + " \x01"

    out = ACCOUNT.sub(said, text)
    if "\x01" not in out:
        return text
    # when it happened, in the same sentence, asks nothing
    return re.sub(r"\x01([^.;!?]*)", lambda m: " " + WHEN.sub(" ", m.group(1)), out)
