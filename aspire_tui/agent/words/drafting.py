"""A task drafted as a contract: "the Robot shall ...", a defined term in brackets ("the green block (hereinafter,
the 'Block')"), a number written twice ("fifteen (15) centimetres"), a word defined the way every side word is read
already ("'behind' meaning nearer to the Robot"), a recital of how things are ("WHEREAS the red block rests upon the
plate, ...") and a proviso ("provided, however, that ..."). The drafter's habits are said in plain words, so what
the clauses ask is read."""

from __future__ import annotations

import re

from aspire_tui.agent.words.lexicon import CARDINALS, TENS

QUOTED = r"[\"'“‘][^\"'”’()]{1,40}[\"'”’]"
# "(hereinafter, the 'Block')", "(the 'Base')", "(collectively, the 'Balls')": a name given to what was just said
DEFINED = re.compile(rf"\s*\(\s*(?:(?:hereinafter|hereafter|collectively|together|each|individually)(?: (?:referred to|"
                     rf"called|known) as)?\s*,?\s*)?(?:the |a |an )?{QUOTED}\s*\)")
# ", hereinafter the 'Reference Object'": the same, said after a comma
DEFINED_AFTER = re.compile(rf"\s*,?\s*\b(?:hereinafter|hereafter)(?: (?:referred to|called|known) as)?\s*,?\s*"
                           rf"(?:the |a |an )?{QUOTED}")
# "the term 'left' being construed from the Robot's own point of view", "'behind' meaning nearer to the Robot",
# "behind means closer to you": a side word defined as the reader reads it already
SIDE_WORD = r"(?:left|right|behind|in front(?: of)?|front|back)"
DEFINITION = re.compile(rf"(?:^|(?<=[.;!?])|\s*,)\s*(?:the (?:term|word|expression) )?[\"'“‘]?{SIDE_WORD}[\"'”’]?\s+"
                        rf"(?:means|meaning|shall mean|being construed|is construed|shall be construed|being read|"
                        rf"is read|refers to|referring to)\b[^.;!?]*")


def drafting(text: str) -> str:
    """``text`` (lower case) with a drafter's habits said plainly."""
    text = DEFINED.sub(" ", text)
    text = DEFINED_AFTER.sub(" ", text)
    # "two (2) of the blocks", "fifteen (15) centimetres": the number said once
    text = re.sub(rf"\b({'|'.join([*CARDINALS, *TENS])})\s*\(\s*(\d+)\s*\)", r"\2", text)
    text = DEFINITION.sub(" ", text)
    # "WHEREAS the red block rests upon the plate, ...": a recital says how things are, as "since" does
    text = re.sub(r"(^|[.;]\s*)whereas\b", r"\1since", text)
    text = re.sub(r"\bpresently\b", "currently", text)
    # "remove it therefrom", "take it out of there": from where it was said to be
    text = re.sub(r"\b(remove|take|lift|move) (it|them) (?:therefrom|from there)\b", r"\1 \2 out of it", text)
    text = re.sub(r",?\s*\bfor the avoidance of doubt\b,?\s*", " ", text)
    # "provided, however, that ...": the proviso, with the drafter's commas taken out
    text = re.sub(r"\bprovided,? however,? that\b", "provided that", text)
    # "at no time shall the block be lifted": the block shall never be lifted
    text = re.sub(r"\bat no time (?:shall|should|may|will|must) ((?:the|it|they|any|a|an) (?:[a-z]+ ){0,2}?)"
                  r"(be|leave|lose)\b", r"\1 shall never \2", text)
    # "save and except the green block": except it
    text = re.sub(r"\bsave and except\b", "except", text)
    # "the Robot shall cause the ball to rest upon the plate": the ball shall rest there
    text = re.sub(r"\bcause ((?:the|all|each|every|both) (?:[a-z]+ ){0,3}?[a-z]+) to\b", r"make sure \1 should",
                  text)
    # "remain undisturbed in its original position": where it was, said twice
    text = re.sub(r"\b(undisturbed|untouched|unmoved|where it is|in place) in (?:its|their) (?:original|current|"
                  r"present|initial) (?:position|location|place|spot)s?\b", r"\1", text)
    # "...; provided that ...": a proviso set off by a semicolon, read as one set off by a comma
    text = re.sub(r";\s*(?=provided\b)", ", ", text)
    # "the Robot shall place ...", "the mobile Robot shall travel ...": the robot bound to do it is told to
    text = re.sub(r"(^|[.;:]\s*|,\s*(?:and\s+)?|\b(?:and|then)\s+)the (?:mobile )?robot (?:shall|is to|must),?\s+"
                  r"(?!not\b|never\b|be\b|remain\b|stay\b)", r"\1", text)
    # "the Robot shall not move the white block": it is told not to
    text = re.sub(r"(^|[.;:]\s*|,\s*(?:and\s+)?|\b(?:and|then)\s+)the (?:mobile )?robot (?:shall|must) (not|never) "
                  r"(?=(?:move|touch|disturb|displace|lift|push)\b)", lambda m: f"{m.group(1)}"
                  f"{'do not' if m.group(2) == 'not' else 'never'} ", text)
    # "the blocks are contained in the tray": they are in it
    text = re.sub(r"\b(is|are)( currently| presently)? contained (in|within|inside)\b", r"\1\2 in", text)
    # "proceed to the marker and remain in its vicinity": staying where it went, which the going asks already
    text = re.sub(r",?\s*\band (?:remain|stay|wait|rest) (?:in (?:its|their|the) (?:vicinity|proximity|immediate "
                  r"vicinity)|there|nearby|close by)\b", "", text)
    # "a tower wherein the red block bears the green block": under the green block, which is on it
    text = re.sub(r"\b(tower|stack|pile)\s*,?\s*(?:wherein|whereby)\b", r"\1:", text)
    text = re.sub(r"\b((?:the|a|an) (?:[a-z]+ )?[a-z]+)\s+(?:bears|supports|carries|holds up|shall bear|shall support) "
                  r"((?:the|a|an) (?:[a-z]+ )?[a-z]+)", r"\2 on \1", text)
    # "a stack of the three blocks, being the yellow block on top of ...": what the stack is, said after it
    text = re.sub(r"\b(tower|stack|pile)( of [a-z ]{1,30}?)\s*,\s*(?:being|namely|consisting of|comprising)\b",
                  r"\1\2:", text)
    # "a substantial distance, namely a lot,": the amount said again after "namely" is the one meant
    text = re.sub(r"\b(?:a|an) (?:[a-z]+ )?(?:distance|amount|way),?\s*namely\b", "", text)
    # "the bowl whose colour corresponds to the colour of such block": the bowl of its own colour
    text = re.sub(r"\bwhose colou?rs? (?:corresponds?|matches|match|is identical|are identical|is equal|equals?)"
                  r"(?: to| with)? the colou?rs? of (?:such|that|the|each|said|the said) [a-z]+\b", "of its own color",
                  text)
    # "the green block, which the Robot shall not move": the block is not to be moved
    text = re.sub(r",?\s*which (?:the robot|you|it) (?:shall|should|must|will|may) not (move|touch|disturb|displace)\b",
                  r", and do not \1 it", text)
    return text
