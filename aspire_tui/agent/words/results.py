"""A result said as how things must end: "make sure that the red block is left of the blue block", "arrange the
blocks so that the red block is left of the blue block". The state after the words that ask for it is the
goal, said as a wish; read as it stands, "is left of" would say how things are now, a start state."""

from __future__ import annotations

import re

# the words that ask for a state: what follows them is how things must end
ASKING = (r"(?:make it so|see to it|make sure|making sure|ensure|ensuring|so that|such that|in such a way that)"
          r"(?: that)?")
# a named object of its own ("the red block", "the big green bowl"); "it", "each one" read as they do now
SUBJECT = r"the (?:[a-z]+ ){0,2}?[a-z]+"
# a place or a relation right after "is": only such a state is a goal ("so that the bowl is full" says why)
PLACED = (r"(?:in|inside|into|on|onto|on top of|left of|right of|to the left of|to the right of|in front of|behind|"
          r"next to|beside|near|close to|at|along|against|between)")
RESULT = re.compile(rf"\b{ASKING} ({SUBJECT}) (?:is|are|sits|sit|stands|stand|lies|lie) "
                    rf"(?:(?:directly|right|just|exactly|squarely|neatly) )?(?={PLACED}\b)")
ALSO = re.compile(rf"(\x01 [^.;]*?\band )({SUBJECT}) (?:is|are|sits|sit|stands|stand|lies|lie) (?={PLACED}\b)")
# a verb over a whole group before such a result: the result says where they go, the verb nothing more
# ("arrange the blocks so that ..." asks no line of all the blocks)
REARRANGED = re.compile(r"\b(?:arrange|rearrange|move|shift|shuffle|position|place|put|set out|lay out|organi[sz]e|"
                        r"reorgani[sz]e|reposition) (?:all |both )?(?:of )?the (?:[a-z]+ )?"
                        r"(?:blocks|balls|cubes|objects|things|items|bowls|plates)(?: around| about| out)?\s*,?\s*"
                        r"(?=" + ASKING + " the )")


def results(text: str) -> str:
    """``text`` with each asked-for state said as a wish ("X should be left of Y")."""
    text = REARRANGED.sub("", text)
    # "build a stack in which the red block is on ...": the thing made is said by the states in it
    text = re.sub(r"\b(?:a|the|one) (?:stack|tower|pile|row|line|arrangement)(?: of [a-z ]{1,30}?)? (?:in which|where|"
                  r"wherein)(?= the )", "so that", text)
    text = RESULT.sub("\\1 should be\x01 ", text)
    # "so that the red block is on the green one and the green one is on the blue one": every state joined to
    # the asked-for one by "and" is asked for too
    while (more := ALSO.sub("\\1\\2 should be\x01 ", text)) != text:
        text = more
    return text.replace("\x01", "")
