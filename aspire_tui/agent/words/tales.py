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
                    r"glided|trundled|came|hid|drove|(?<!be )(?<!is )(?<!are )(?<!was )(?<!were )(?<!been )(?<!get )(?<!got )moved|made (?:its|their) way|found (?:its|their) way|"
                    # told as it happens, as a commentator does: "the cube climbs onto the plate"
                    r"climbs|creeps|crawls|hops|jumps|leaps|races|rolls|drifts|tumbles|settles|travels|floats|sails|"
                    r"glides|slots|drops|lands|dashes|darts|zooms|comes|proceeds|taxis|makes (?:its|their) way|"
                    # a commentator's moves: "the knight retreats onto the plate", "the cubes pour into the tray"
                    r"marches|retreats|advances|heads|steps|slips|shuffles|shifts|moves|follows|returns|pours|pour|"
                    r"stacks|sinks|falls|hurries|rushes|runs|sprints|settles down)"
                    # ("moves forward to the plate": the way there, where the place is said; "forward 10 cm" is a shift)
                    r"(?: back| off| over| away| home| up(?! to\b)| down| straight| right| forwards?(?= (?:to|into|onto)\b))?"
                    r"(?: [a-z]+ly| -- [a-z]+ly --|, [a-z]+ly,)?"  # "rolled gently to ...": how it went
                    r"(?: all the way)?"
                    r"(?= (?:to|into|onto|in|on|inside|toward|towards|near|beside|next|behind|left|right|up to|upon|"
                    r"atop|by|under|out|off|far|just|a little|a bit|a lot|\d|one|two|three|four|five|ten|fifteen|twenty|"
                    r"forwards?|backwards?))"
                    r"|\b(?:set|sets) (?:out|off) for\b"
                    r"|\b(?:heads|headed|(?:makes|made) a (?:run|dash|beeline|break)) (?:straight )?for\b"
                    r"|\b(?:found|reached|finds|reaches)(?= (?:the|a|an|its|their)\b)"  # "the ball found the crate": got there
                    # a piece that takes a square takes its place: "the red cube takes the plate"
                    r"|\b(?:takes|took|occupies|occupied|claims|claimed)(?= (?:the|a|an) (?:[a-z]+ )?(?:plate|bowl|tray|"
                    r"zone|crate|corner|marker)\b)")
# a move told in the passive as it happens ("the cube is nudged to the left of the bowl", "is carried to the
# middle"); not "is placed" or "is put", which say where a thing is
PASSIVE_MOVE = re.compile(r"\b(?:is|are|gets|get) ((?:nudged|pushed|slid|shoved|carried|moved|dragged|lifted|brought|"
                          r"taken|lowered)(?: (?:over|across|gently|carefully|slowly))?)(?= (?:to|into|onto|in|on|inside|"
                          r"toward|towards|next|beside|behind|left|right|up to|upon|atop|\d|a bit|a little|a lot)\b)")
# a push told as it happens ("the cube slides over into the zone"): pushed there, never lifted
SLID = re.compile(r"\b(?:slides|slid|shoves|nudges)(?: over| across| along)?(?= (?:to|into|onto|in|inside|toward|towards|"
                  r"next|beside|behind|left|right|\d|a bit|a little|a lot)\b)")
# an outing told before where it goes: "takes a walk now, heading over to the marker"
OUTING = re.compile(r"\b(?:takes|took|goes for|went for|is taking|makes) a (?:little |short |quick )?(?:walk|stroll|wander|"
                    r"trip|ride|drive|jog|journey)(?: now)?\s*,?(?=\s*(?:heading|going|making|driving|rolling|off)\b)")
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
# how an object felt, or what it had done, told as why it went ("the ball felt lonely, so it rolled ...", "the two
# blocks had quarrelled, so ..."): only the one it is told of is kept, the one who then went
FEELINGS = ("lonely", "sad", "bored", "tired", "sleepy", "restless", "homesick", "cold", "scared", "afraid", "shy",
            "curious", "happy", "unhappy", "grumpy", "jealous", "lost", "hungry", "left out", "fed up", "weary",
            "brave", "adventurous", "cross", "upset", "miserable")
FELT = re.compile(r"(?P<who>\b(?:the|a|an) (?:[a-z]+ )?[a-z]+) (?:felt|was|were|got|grew|became|seemed|looked)"
                  r"(?: so| very| a bit| rather| quite| terribly| a little| awfully)? (?:" + "|".join(FEELINGS) +
                  r")(?: out there| there| again| too| one day)?\s*,?\s*(?:and so|so|and then|and)\s+(?:it |they )?")
QUARREL = re.compile(r"(?:^|(?<=[.;!?]))\s*(?:(?:the|a|an) [a-z ]+? )?had (?:[a-z]+ed|fought|fallen out)"
                     r"(?: with (?:each other|one another|(?:the|a|an) [a-z ]+?))?\s*,?\s*(?:and so|so|and)\s+")
# a place's remark told after it ("the middle of the table, where everyone could see it"): why, not where
WHERE_REMARK = re.compile(r",\s*where (?:everything|everyone|everybody|all|it|they|he|she|nobody|no one|the [a-z]+)"
                          r" [^.;!?]*")
# words that ask in plain words (an order's wish, or a want said by the teller): the story is then how things are
ASKED = re.compile(r"\b(?:should|must|want|need|needs|needed|would like|'d like|has to|have to|goal|expected|ensure|"
                   r"make sure|let|please|pls|plz)\b")


def tales(text: str) -> str:
    """A story about the objects with no order in it, told as the wishes it stands for: "X rolled into Y" as
    "X should go into Y", "X longed to rest on Y" as "X should rest on Y"."""
    text = OUTING.sub(" ", text)  # "the robot takes a walk now, heading over to ...": going, said twice
    told = TELLING.sub(" ", text)  # ("... and lay still": told, not an order to lay anything)
    if not any(p.search(told) for p in (LONGING, DREAMING, MOTION, FAR_OFF, PASSIVE_MOVE, SLID)):
        return text
    if _ordered(told):
        return _told_before(text)
    text = HAD_BEEN.sub("was", told)
    text = FAR_OFF.sub("was", text)
    text = re.sub(r"\btook up\b", "picked up", text)  # "the robot took up its hook": picked it up
    text = re.sub(rf"\b(the|a|an) (?:{'|'.join(MOODS)}) ", r"\1 ", text)
    text = QUARREL.sub(" ", FELT.sub(lambda m: m.group("who") + " ", text))  # why it went, not where
    text = WHERE_REMARK.sub("", re.sub(r"^\s*once\s*,?\s+(?=(?:the|a|an|there)\b)", "", text))  # "once the cube ..."
    # "climbed onto the broad back of the red cube": on top of it (a back in a story is no side)
    text = re.sub(r"\b(onto|upon|on) (?:the |its |his |her )?(?:[a-z]+ )?back of\b", r"\1", text)
    # "went to sleep in the bowl": went into it
    text = re.sub(r"\b(went|goes|go|came|crept|crawled|climbed|moved) (?:off )?to (?:sleep|rest|bed|nap|live|stay|dwell|hide|"
                  r"play)(?= (?:in|on|inside|beside)\b)",
                  r"\1", text)
    text = LONGING.sub("should", text)
    text = DREAMING.sub("should go to", text)
    text = MOTION.sub(_went, text)
    # "the black cube is nudged to the left of the bowl": a move told in the passive as it happens, as it is asked
    text = PASSIVE_MOVE.sub(lambda m: f"is to be {m.group(1)}", text)
    text = SLID.sub("is to be pushed", text)
    # "should go home to the bowl": home is where the story sends it
    return re.sub(r"\bshould go home (?=to\b)", "should go ", text)


def _went(m: re.Match) -> str:
    """How far an object went, said as where it should go; "back" before a distance is the way it went ("rolls back
    5 cm"), elsewhere a return ("went back to the bowl")."""
    if m.group(0).endswith((" for", "found", "reached", "finds", "reaches", "takes", "took", "occupies", "occupied",
                            "claims", "claimed")):
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


# a past going, told before an order: where the object came to be ("the cube went to the bowl; now put it ...")
WENT = re.compile(r"\b(?:went|rolled|climbed|crept|crawled|wandered|hopped|jumped|leapt|leaped|fled|hurried|ran|raced|"
                  r"walked|marched|drifted|tumbled|travelled|traveled|floated|sailed|flew|scurried|scampered|strolled|"
                  r"stepped|skipped|bounced|glided|trundled|came|made (?:its|their) way|found (?:its|their) way)"
                  r"(?: back| off| over| away| home| down| straight| right)?(?: all the way)?"
                  r" (?P<rel>to|into|onto|inside|in|on|upon|up to)(?= (?:the|a|an|its|their) )")


def _told_before(text: str) -> str:
    """The sentences of a story told before the order ("once the cube felt lonely, so it went to the bowl. now put
    it on the plate"): how things are, each going said as where the object ended up (the order reads that)."""
    sentences = re.split(r"(?<=[.;!?])", text)
    for k, sentence in enumerate(sentences):
        if _ordered(sentence):
            break
        told = QUARREL.sub(" ", FELT.sub(lambda m: m.group("who") + " ", sentence))
        told = re.sub(r"^\s*once\s*,?\s+(?=(?:the|a|an|there)\b)", "", told)
        sentences[k] = WENT.sub(lambda m: "ended up " + ("in" if m.group("rel") in ("to", "into", "inside", "in")
                                                          else "on"), told)
    return "".join(sentences)
