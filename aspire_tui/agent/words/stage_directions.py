"""A stage director's blocking notes, said as plain words: the robot's table is the stage, the robot an actor
facing the audience across it. So "stage left" is the robot's left, "downstage" (towards the audience) is in
front, farther from the robot, and "upstage" behind, nearer it; "centre stage" is the middle of the table. A prop
"crosses to" a place, "hits its mark" there, "holds its mark" where it is, and beats are steps in turn."""

from __future__ import annotations

import re

# what a prop does on its way to a place: a move there ("the cube crosses to the zone")
_CROSSING = r"(?:cross(?:es)?|walks?|exits? to|enters? to)(?: (?:over|downstage|upstage)(?= (?:to|into|onto)\b))?"
# where after a crossing: a place word opens it
_WHERE = r"(?=\s+(?:to|over to|into|onto|in|on|behind|in front|next to|beside|left|right|downstage|upstage|stage)\b)"


def stage_directions(text: str) -> str:
    """``text`` (lower case) with a director's blocking words said as plain ones (see the module)."""
    if not re.search(r"stage|\bbeats?\b|\bmarks?\b|\bcross|\bwalk|\bride|\bfinish|\bscene|\bact\b|\bshow\b|\bentr|"
                     r"\bthat(?:'s| is|s) where\b|\bcue\b|\bcheat|\bstrike|\blights?\b|\bends\b", text):
        return text
    t = text
    # "the red cube enters and crosses to the bowl": coming on asks nothing; where it crosses to is the move
    t = re.sub(r"\b(?:enters|enter)(?: from (?:stage )?(?:left|right))?\s*,?\s*(?:and\s+)?(?=(?:then\s+)?(?:cross|walk|move|go))",
               "", t)
    # "cue the yellow cube: it moves ...", "on my cue, ...": the signal to begin, which asks nothing
    t = re.sub(r"(^|[.;!?]\s*)cue (?=(?:the|a|an) )", r"\1", t)
    # "the blue cube cheats out a little stage left": a small shift that way
    t = re.sub(r"\bcheat(s?)(?: out| over| open)?\b", r"move\1", t)
    # "strike the orange cube to the back corner": carried off to a place
    t = re.sub(r"\bstrike (?=(?:the|a|an|that|this|all|both|every) [a-z ]+? (?:to|into|onto|off to|behind|beside|next to)\b)",
               "move ", t)
    # "lights up on the red cube in the bowl": how things are when the scene opens
    t = re.sub(r"\blights? (?:up |come up |rise )?on ((?:the|a|an) (?:[a-z]+ ){0,2}?[a-z]+) (?=(?:in|on|inside|beside|next to|"
               r"behind|in front of|at)\b)", r"\1 is ", t)
    # "let's block this scene:": the director setting to work, which asks nothing
    t = re.sub(r"(^|[.;!?]\s*)let(?:'s| us) (?:block|run|set|stage) (?:this|the|that) (?:scene|bit|moment|number)\s*[:,.]?\s*",
               r"\1", t)
    # "the cube crosses (downstage) to the zone": a move there
    t = re.sub(rf"\b{_CROSSING}{_WHERE}", lambda m: "moves" if m.group(0).split()[0].endswith("s") else "move", t)
    # "downstage right corner", "upstage left": a corner of the stage, which is a corner of the table
    # ("finishes downstage left": in that corner, where no word before it says how it stands to it)
    t = re.sub(r"\b(down|up)stage (left|right)\b( corner)?",
               lambda m: ("" if re.search(r"\b(?:in|at|to|into|the|of|from|towards?)\s*$", t[:m.start()]) else "in the ") +
               f"{'front' if m.group(1) == 'down' else 'back'} {m.group(2)} corner", t)
    t = re.sub(r"\bdownstage of\b", "in front of", t)  # "downstage of the crate": nearer the audience than it
    t = re.sub(r"\bupstage of\b", "behind", t)
    # "a lot further upstage", "move it downstage a bit": the way it is shifted
    t = re.sub(r"\b(further|farther|more) upstage\b", r"\1 back", t)
    t = re.sub(r"\b(further|farther|more) downstage\b", r"\1 forward", t)
    t = re.sub(r"\bupstage\b", "back", t)
    t = re.sub(r"\bdownstage\b", "forward", t)
    t = re.sub(r"\b(?:dead )?(?:centre|center) stage\b|\bstage (?:centre|center)\b", "the middle", t)
    # "stage left of the red cube": left of it; "nudge it stage left": to the left
    t = re.sub(r"\b(?:to )?stage (left|right) of\b", r"\1 of", t)
    t = re.sub(r"\b(?:to )?stage (left|right)\b", r"to the \1", t)
    # "make your entrance and cross to the marker": the robot coming on asks nothing; the crossing is the move
    t = re.sub(r"\b(?:make|making) (?:your|its|an|the|their) entrances?\s*(?:,\s*)?(?:and\s+(?:then\s+)?)?", "", t)
    # "set the brown cube on its mark, the middle": the mark is the place said after it
    t = re.sub(r"\b(?:on|to|at) (?:its|your|their|the) marks?\s*[,:]?\s*(?=the middle\b|(?:in|on|at|to|into|onto|behind|"
               r"beside|next to|in front of)\b)", lambda m: "to " if t.startswith("the middle", m.end()) else "", t)
    # "find your mark in the yellow zone", "the cube hits its mark on the plate": goes there
    t = re.sub(r"\b(?:find|finds|hit|hits|take|takes|reach|reaches) (?:your|its|their|the) marks?"
               r"(?=\s+(?:in|on|at|to|into|onto|inside|behind|beside|next to|in front)\b)", "go", t)
    # "the black cube holds its mark": it stays where it is
    t = re.sub(r"\b(hold|holds|keep|keeps|stay|stays) (?:on )?(?:your|its|their) (?:marks?|positions?|places?|ground)\b",
               lambda m: "stays where it is" if m.group(1).endswith("s") else "stay where it is", t)
    # "the ball finishes in the corner", "a prop rides on the cube": where it ends up
    t = re.sub(r"\b(?:finishes|finish|rides|ride|ends)(?: up)?(?=\s+(?:in|on|at|inside|into|onto|on top of|beside|"
               r"next to|behind|in front of)\b)", "ends up", t)
    # "the cube ends the scene in the corner": where it ends up
    t = re.sub(r"\b(?:ends|finishes|closes) (?:the|this|that|our) (?:scene|act|show)\b", "ends up", t)
    t = re.sub(r"\b(?:end|finish|close) (?:the|this|that|our) (?:scene|act|show)\b", "end up", t)
    # "for this scene", "for the rest of the act": when, which asks nothing
    t = re.sub(r"\s*,?\s*\bfor (?:this|the|that|our|the whole|the rest of the) (?:scene|act|show|number|run)\b", "", t)
    # "hold for a beat, then ...", "take a beat": a pause, which asks nothing
    t = re.sub(r"\b(?:hold|wait|pause|take|give it)(?: for)? (?:a|one|half a) beat\b\s*,?\s*(?:and\s+)?", " ", t)
    # "beat one: ..., beat two: ...", "on the next beat, ...": beats are steps, each after the one before
    t = re.sub(r"\b(?:on )?(?:beat|act|scene) (?:\d+|one|two|three|four|five|six)\s*[:.,]\s*", " then ", t)
    t = re.sub(r"\bon beat (?:\d+|one|two|three|four|five|six)\s*", " then ", t)
    t = re.sub(r"\bon (?:the|this|that) (?:next|following|first|last|final) beat\b\s*,?\s*", " then ", t)
    # "upstage left corner: that is where the pink cube lives now": the object belongs at the place said first
    t = re.sub(r"(^|[.;!?]\s*)([a-z ]+?)\s*[:,;]\s*that(?:'s| is|s) where ((?:the|all the|every|both) [a-z ]+?) "
               r"(?:lives|live|belongs|belong|goes|go|ends up|end up|stands|stand|sits|sit)(?: now| from now on)?"
               r"(?=\s*(?:[.;!?]|$))", r"\1put \3 in \2", t)
    return t
