"""A place asked about and answered by the speaker ("the red cube behind the tray? yes, put it there"): the
object goes to the place the question named; "there" is that place, not where the object is now. So does a
place said right after asking where ("where should the cube go? the tray"). A yes that names an object ("? yes,
the white zone") says which of that kind was meant."""

from __future__ import annotations

import re

# an object and a place asked with no verb ("the red cube behind the tray?"), answered yes, with at most "put it
# there" or "do that" after it
ASKED = re.compile(r"(^|[.!;]\s*)((?:the|a|an|all|both|every|each) (?:(?!\b(?:is|are|was|were|sits|lies|stands|"
                   r"should|must|goes|go)\b)[^?.!;])+?)\s*\?\s*(?:yes|yeah|yep|yup|sure)\b[,.!]?\s*"
                   r"(?:(?:put|place|set|move|take|leave) (?:it|them) there|do (?:that|it|so)|go ahead)?\s*(?=$|[.;!])")


# a yes that goes on to name an object ("should it go in the zone? yes, the white zone"): it says which one
YES_NAMING = re.compile(r"\?\s*(?:yes|yeah|yep|yup)\b[,.!]?\s+(?=(?:the|that|this) [a-z ]+?\s*(?:[.!]\s*)?$)")


# "where should the ball go? the bowl": asked where, and answered with a place straight after ("where's the ball
# going? behind the bowl!", as a parent asks a child)
WHERE_ASKED = re.compile(r"\bwhere(?:'s| (?:should|shall|must|does|do|will|would|could|can|is|are)) "
                         r"((?:the|a|an|all|both|every|each) [a-z ]+?) (?:go|going|end up|sit|be)\b[\s?.,;:!-]*"
                         r"((?:in|on|into|onto|to|at|behind|beside|next to|"
                         r"near|by) )?((?:the|a|an) [a-z ]+?)(?=\s*(?:[,.!?;]|$))")


# "where should the robot take the ball? to the plate!": asked where the doer takes it, answered with the
# place
WHERE_TAKEN = re.compile(r"\bwhere (?:should|shall|must|does|do|will|would|could|can) (?:the robot|you|we|i|it) "
                         r"(take|put|move|bring|carry|push|slide|drop|place) "
                         r"((?:the|a|an|all|both|every|each) [a-z ]+?)"
                         r"[\s?.,;:!-]+((?:in|on|into|onto|to|behind|beside|next to|near|by) (?:the|a|an) [a-z ]+?)"
                         r"(?=\s*(?:[,.!?;]|$))")


def self_answers(text: str) -> str:
    """``text`` (lower case) with each place asked and answered said as the task ("put the red cube behind the
    tray", "the ball should go to the bowl"), and a yes that names an object said as naming it again ("..., i
    mean the white zone")."""
    text = WHERE_TAKEN.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}", text)
    text = WHERE_ASKED.sub(lambda m: f"{m.group(1)} should go {m.group(2) or 'to '}{m.group(3)}", text)
    return YES_NAMING.sub(", i mean ", ASKED.sub(lambda m: f"{m.group(1)}put {m.group(2)} ", text))
