"""A task told as a story about the objects: where nothing is ordered or wished in plain words, what the objects
did or longed to do is what the teller wants ("the red cube rolled into the bowl", "the ball longed to rest on
the plate"). Told before an order, the same story is how things are ("the ball rolled into the bowl; put it on
the plate"), which the reader does already."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import VERBS

# an object longing to do something: what it longs to do is where it is to be
LONGING = re.compile(r"\b(?:longed|longs|wished|wishes|wanted|wants|yearned|yearns|hoped|hopes|ached|aches|"
                     r"(?:was|were) (?:longing|eager|desperate|hoping|dying))(?: only| so much| dearly| more than "
                     r"anything)? to\b")
# dreaming of a place: longing to go there
DREAMING = re.compile(r"\b(?:dreamt|dreamed|dreams|longed|longs|yearned|yearns) (?:of|for|about)(?= (?:the|a|an)\b)")
# going somewhere, told as it happened ("rolled into", "made its way to", "set out for")
MOTION = re.compile(r"\b(?:went|rolled|climbed|crept|crawled|wandered|hopped|jumped|leapt|leaped|fled|crowded|"
                    r"hurried|ran|raced|walked|marched|drifted|tumbled|settled|travelled|traveled|floated|sailed|"
                    r"flew|headed|scurried|scampered|nestled|snuggled|huddled|strolled|stepped|skipped|bounced|"
                    r"glided|trundled|came|hid|drove|made (?:its|their) way|found (?:its|their) way|"
                    # told as it happens, as a commentator does: "the cube climbs onto the plate"
                    r"climbs|creeps|crawls|hops|jumps|leaps|races|rolls|drifts|tumbles|settles|travels|floats|sails|"
                    r"glides|slots|drops|lands|dashes|darts|zooms|comes|proceeds|taxis|makes (?:its|their) way)"
                    r"(?: back| off| over| away| home| up(?! to\b)| down| straight| right)?"
                    r"(?: [a-z]+ly)?"  # "rolled gently to ...": how it went
                    r"(?= (?:to|into|onto|in|on|inside|toward|towards|near|beside|next|behind|left|right|up to|upon|"
                    r"atop|by|under|out|off|far|just|a little|a bit|\d))"
                    r"|\b(?:set|sets) (?:out|off) for\b"
                    r"|\b(?:heads|headed|(?:makes|made) a (?:run|dash|beeline|break)) (?:straight )?for\b"
                    r"|\b(?:found|reached)(?= (?:the|a|an|its|their)\b)")  # "the ball found the crate": got there
# where an object sat, out of the arm's reach: how things were ("the cube sat too far away")
FAR_OFF = re.compile(r"\b(?:sat|stood|lay)(?= (?:too far|far away|out of reach|beyond reach)\b)")
# what a story says only to be told: "once upon a time", "at last", "and so it did", "..., and slept", "as was
# proper", "all night", ", tired of waiting,"
TELLING = re.compile(r"\b(?:once upon a time|(?:long,? )?long ago|one (?:day|morning|evening|night)|at (?:long )?last|"
                     r"in the (?:morning|evening|night)|(?:that|the next) (?:day|morning|evening|night))"
                     r"\b,?|,?\s*\band so (?:it|they) did\b|,?\s*\b(?:and (?:then )?(?:slept|rested|dozed|stayed there|"
                     r"stayed put|fell asleep|smiled|sighed|was happy|were happy|(?:was|lay|stayed|were) still)|as (?:was|is) (?:only )?(?:proper|right|"
                     r"fitting))(?=\s*(?:[.;!?,]|$))|,\s*(?:weary|tired|bored|sick|fed up) of [a-z]+(?: [a-z]+)?\s*,|\b(?:all (?:night|day)(?: long)?|for (?:ages|years|a long time))\b")
# how the objects felt, said before them: "the weary ball", "the lonely green cube"
MOODS = ("weary", "lonely", "brave", "happy", "sad", "tired", "sleepy", "proud", "shy", "curious", "clever",
         "cheerful", "grumpy", "bold", "restless", "bored", "hungry", "cold", "eager", "timid", "jolly")
# where an object had long been, before the story: where it is at the start
HAD_BEEN = re.compile(r"\bhad (?:long )?(?:slept|sat|rested|stood|lain|lay|lived|waited|been|stayed|dozed|napped|hidden)"
                      r"(?= (?:in|on|inside|beside|next to|behind|under|near|by|on top of)\b)")
# words that ask in plain words (an order's wish, or a want said by the teller): the story is then how things are
ASKED = re.compile(r"\b(?:should|must|want|need|needs|needed|would like|'d like|has to|have to|goal|expected|ensure|"
                   r"make sure|let|please|pls|plz)\b")


def tales(text: str) -> str:
    """A story about the objects with no order in it, told as the wishes it stands for: "X rolled into Y" as
    "X should go into Y", "X longed to rest on Y" as "X should rest on Y"."""
    told = TELLING.sub(" ", text)  # ("... and lay still": told, not an order to lay anything)
    if not any(p.search(told) for p in (LONGING, DREAMING, MOTION, FAR_OFF)) or _ordered(told):
        return text
    text = HAD_BEEN.sub("was", told)
    text = FAR_OFF.sub("was", text)
    text = re.sub(r"\btook up\b", "picked up", text)  # "the robot took up its hook": picked it up
    text = re.sub(rf"\b(the|a|an) (?:{'|'.join(MOODS)}) ", r"\1 ", text)
    # "went to sleep in the bowl": went into it
    text = re.sub(r"\b(went|goes|go|came|crept|crawled|climbed) (?:off )?to (?:sleep|rest|bed|nap)(?= (?:in|on|inside|beside)\b)",
                  r"\1", text)
    text = LONGING.sub("should", text)
    text = DREAMING.sub("should go to", text)
    text = MOTION.sub(_went, text)
    # "should go home to the bowl": home is where the story sends it
    return re.sub(r"\bshould go home (?=to\b)", "should go ", text)


def _went(m: re.Match) -> str:
    """How far an object went, said as where it should go; "back" before a distance is the way it went ("rolls back
    5 cm"), elsewhere a return ("went back to the bowl")."""
    if m.group(0).endswith((" for", "found", "reached")):
        return "should go to"
    back = m.group(0).endswith(" back") and re.match(r"\s+(?:\d|a (?:bit|little|lot)\b)", m.string[m.end():])
    return "should go back" if back else "should go"


def _ordered(text: str) -> bool:
    """Whether the words ask in plain words: an order (a clause that opens with a verb) or a wish."""
    if ASKED.search(text):
        return True
    for clause in re.split(r"[.;:!?,]|\b(?:and|now|so|but|then|first|next|finally|after that)\b", text):
        words = re.sub(r"^\s*(?:(?:hey|ok|okay|robot|just|also)\s+)*", "", clause).split()
        if words and words[0] in _bare_verbs():
            return True
    return False


@functools.lru_cache(maxsize=1)
def _bare_verbs() -> frozenset[str]:
    return frozenset(w for words in VERBS.values() for w in words if w.isalpha() and not w.endswith(("ing", "ed")))
