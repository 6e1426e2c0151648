"""A task narrated as the robot does it, as a parent tells a small child what is about to happen: "look, the
robot is going to put the block on the plate!", "the robot's pushing the ball next to the bowl", "now the robot
will stack them", "bye bye balls!". What the robot is said to do is what it is asked to do; the words said to the
child around it ask nothing."""

from __future__ import annotations

import re

# the robot told of as the one who does it, in the future or as it happens: "the robot is going to", "robot's
# gonna", "the robot will", "the robot's" (before a verb in -ing), "the clever robot is now"
ROBOT_DOES = re.compile(r"(^|[.;:!?,]\s*|\b(?:and|so|then|now|look|see|watch|oo+h|oh|wow|hey|aw+)\s*,?\s*)"
                        r"(?:the |our |this |that )?(?:(?:little|clever|big|good|silly|smart|busy) )?robot"
                        r"(?:(?:'s| is) (?:now |just )?(?:going to|gonna|gon|gunna|about to) |"
                        r"(?:'s| is) (?:now |just )?(?=[a-z]{2,}ing\b)|(?: will|'ll) (?:now |just )?)")
# the robot made or let to do it: "make the robot drive to the marker", "have the robot put ...", "get the robot to
# push ..." (never "make it so ...", "get it out", whose "it" is a thing or the outcome)
CAUSED = re.compile(r"\b(?:make|makes|have|has|let|lets|get|gets)\s+(?:the |our |this |that )?robot\s+(?:to )?"
                    r"(?=[a-z]+)(?!(?:go|be)\b\s*(?:[.,;!?]|$))")
# what the robot is told doing in the third person, and the verb asked: "the robot puts", "then it goes"
DOES = {"goes": "go", "drives": "drive", "heads": "head", "rolls": "roll", "uses": "use", "takes": "take",
        "grabs": "grab", "picks": "pick", "puts": "put", "pulls": "pull", "pushes": "push", "moves": "move",
        "drops": "drop", "places": "place", "stacks": "stack", "sorts": "sort", "brings": "bring",
        "carries": "carry", "slides": "slide", "lines": "line", "gets": "get", "lifts": "lift", "sets": "set",
        "loads": "load", "fetches": "fetch", "shifts": "shift"}
# the robot, narrated as the doer, told of again as "it" before what it does: "..., then it goes to the marker",
# "so it uses the hook" (an object narrated so would be a story's, which has no robot doing things)
IT_DOES = re.compile(rf"(^|[.;:!?,]\s*|\b(?:then|so|and|now|next|first|here|finally|eventually|today|in the end|"
                     rf"at last|this time|in this (?:task|one|case|scene|step))\s+)(?:(?:the |our |this )?robot|it)\s+"
                     rf"({'|'.join(DOES)})\b")
# a second thing the narrated robot does, its subject left out: "the robot picks up the block and carries it ...",
# "... and then goes to the marker"
AND_DOES = re.compile(rf"(\b(?:and|then|and then|,)\s+)({'|'.join(DOES)})\b")
# the robot told of doing something in the third person: "the robot puts the ball in the bowl, then it goes ..."
NARRATED = re.compile(rf"\brobot (?:{'|'.join(DOES)})\b")
# what the robot cannot reach is out of its reach at the start: "the robot can't reach the ball"
CANNOT_REACH = re.compile(r"\b(?:(?:the |our |this )?robot|it|you|he|she) (?:can not|cannot|can't|could not|"
                          r"couldn't) reach ((?:the|that|this) (?:[a-z]+ ){0,2}?(?:block|cube|ball|bowl|plate|tray|"
                          r"crate|barrel|cone|marker)s?)\b")
# a child's goodbye to the robot and a parent's cheers, whole sentences that ask nothing: "bye bye robot!", "yay!",
# "wheee!", "vroom vroom!", "up it goes!", "clever robot!", "go robot!", "there it goes!"
CHEER = re.compile(r"(?:^|(?<=[.;!?]))\s*(?:(?:say )?bye[- ]?bye(?: to)?(?: the)? (?:robot|now|everyone|everybody)|"
                   r"ya+y+|whe+e*|vroo+m(?: vroo+m)*|woo+(?:hoo+)?|"
                   r"up (?:it|they) go(?:es)?|there (?:it|they|she|he) goes|down (?:it|they) go(?:es)?|"
                   r"(?:go|good|clever|smart|silly|brave) robot|uh[- ]?oh|all done|ta[- ]?da+)\s*[!.]+")


def narrating(text: str) -> str:
    """``text`` (lower case) with what the robot is narrated doing said as asked."""
    text = CHEER.sub(" ", text).strip()
    # "bye bye balls!", "say bye bye to the blue block!": the object waved off is named, which "it" may stand for
    text = re.sub(r"(?:^|(?<=[.;!?]))\s*(?:say )?bye[- ]?bye(?: to)?\s+(?=(?:the )?[a-z])", " ", text).strip()
    text = CAUSED.sub("", text)
    narrated = bool(ROBOT_DOES.search(text) or NARRATED.search(text) or re.search(r"\brobot can", text))
    text = CANNOT_REACH.sub(r"\1 is out of reach", text)
    if not narrated:
        return text
    # "the robot's pushing the ball": the verb in -ing is read as the verb, once the robot is no longer its doer
    text = IT_DOES.sub(lambda m: m.group(1) + DOES[m.group(2)], ROBOT_DOES.sub(r"\1", text))
    return AND_DOES.sub(lambda m: m.group(1) + DOES[m.group(2)], text)
