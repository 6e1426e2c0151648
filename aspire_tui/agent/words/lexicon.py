"""The words of instructions: each phrase tagged with what it is (a verb, a relation, a colour, ...)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from sim import vocabulary as vocab


class InstructionError(ValueError):
    """The instruction cannot be read or cannot be done; the message is one line."""

    def __init__(self, message: str, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.reason = reason


VERBS: dict[str, tuple[str, ...]] = {
    "put": ("put", "putting", "placing", "place", "set", "give", "chuck", "park", "send", "dropping", "setting",
            "bringing", "stick it", "drop", "lay", "position", "stick", "pop", "toss", "throw", "load", "transfer",
            "deposit", "get", "bring", "relocate", "shift", "reposition", "carry", "plop", "plonk", "rest",
            "set down", "put down", "lower", "leave it", "tuck", "dump", "slot", "insert", "stand", "gather",
            "fit", "squeeze", "deliver", "transport", "haul", "ferry", "convey"),
    "move": ("move", "take", "moved", "unstack", "taking", "moving it", "scoot", "shuffle"),
    "pick": ("pick up", "grab", "lift", "pick", "grasp", "collect", "raise", "fetch", "take hold of", "hold"),
    "stack": ("stack", "pile", "stack up", "pile up", "build", "make", "balance", "rebuild", "restack"),
    "push": ("push", "slide", "shove", "nudge", "sweep", "poke", "pushing", "sliding", "shoving"),
    "pull": ("pull", "drag", "rake", "draw", "retrieve", "hook in", "reel in", "pull in", "drag in", "draw in",
             "rake in"),
    "go": ("go", "drive", "navigate", "head", "travel", "roll", "proceed", "come", "steer", "approach", "visit",
           "make your way", "get yourself", "reach"),
    "sort": ("sort", "organise", "organize", "group", "match", "separate", "distribute", "sorted"),
    "arrange": ("arrange", "line up", "line", "align", "lay out", "spread", "spread out", "order", "set out",
                "organise them", "arranged"),
    "leave": ("leave", "keep", "keeping", "leaving", "stay", "stays", "remain", "remains"),
    "touch": ("touch", "disturb", "bump", "knock", "hit", "move", "nudge"),
    "lift_verb": ("lifting", "picking up", "raising", "lift", "picking"),
    "change": ("paint", "turn", "change", "reshape", "melt", "bend", "break", "cut", "squash", "inflate",
               "grow", "shrink", "dye", "recolor", "recolour", "transform", "fold", "crush", "eat", "smash",
               "split", "merge", "weld", "glue", "flatten", "round", "colour", "color it", "repaint", "tint", "stain"),
    "use": ("use", "using", "with help of"),
    "swap": ("swap", "switch", "exchange", "trade", "swap around", "switch around", "interchange"),
    "flip": ("flip", "invert", "reverse", "turn upside down", "flip over", "upend"),
}
# The gerund forms that follow "without" / "avoid" / "don't".
GERUNDS = {"lifting": "lift", "raising": "lift", "picking up": "lift", "picking": "lift", "touching": "touch",
           "moving": "touch", "disturbing": "touch", "bumping": "touch", "knocking": "touch", "hitting": "touch",
           "nudging": "touch", "displacing": "touch", "grabbing": "grasp", "grasping": "grasp",
           "picking it up": "lift"}

FILLER = {"the", "a", "an", "please", "could", "would", "can", "you", "kindly", "i", "want", "need", "like",
          "d", "ll", "go ahead and", "now", "just", "then please", "arm", "yourself", "base", "for me", "me", "hey", "ok",
          "okay", "so", "that", "carefully", "gently", "quickly", "slowly", "neatly", "nicely", "somewhere",
          "there", "right away", "also", "too", "some", "your", "my", "our", "let", "us", "try", "to try",
          "see", "if", "go and", "thanks", "thank", "thx", "will", "should", "must", "be", "able", "up",
          "down", "back", "away", "exactly", "directly", "right", "straight", "gripper", "should be",
          "end up", "ends up", "end", "ends", "sure", "make sure", "is placed", "are placed",
          "placed", "positioned", "sitting", "lying", "resting", "its position", "so that", "which",
          "currently", "here", "this", "these", "those", "single", "little", "small", "big", "tiny",
          "whole", "entire", "well", "again", "very", "really", "all the way", "over", "out", "itself", "themselves",
          "off", "around", "about", "roughly", "approximately", "by hand", "yourself", "spot", "position",
          "whichever", "whatever", "which", "painted", "coloured", "colored", "enough", "who", "what", "is",
          "at least", "least", "by", "so", "it sits", "goes", "go", "whole time", "time", "while you", "its",
          "their", "going", "there is", "since", "tidy", "tidy up", "stop there", "and stop", "or more",
          "as well", "for me", "too", "along", "in turn", "one by one", "each time", "maybe", "perhaps",
          "if possible", "if you can", "when you can", "when ready", "whenever", "simply", "be", "been", "being",
          "do", "does", "did", "done", "have", "has", "we", "he", "she", "him", "her", "his", "hers", "ours",
          "yours", "mine", "quite", "rather", "bit more", "fairly", "pretty", "nice", "good", "real", "actual",
          "currently there", "right there", "over there", "in here", "in there", "okay so", "alright", "hi",
          "then just", "i'll", "we'll", "you'll", "i want you to", "would like", "like you to", "neat", "tidy",
          "across", "through", "until", "till", "anything", "anything else", "everything else", "obstacles",
          "other objects", "other things", "into anything", "in a moment", "for now", "u", "plz", "pls", "please do",
          "would you mind", "do you mind", "mind", "instead", "thank you", "cheers", "hey robot", "ok robot",
          "okay robot", "hi robot", "yo", "someone", "somebody", "for a reason", "traffic", "at",
          "gentle", "slight", "light", "soft", "firm", "careful", "high", "tall", "close", "between them",
          "apart", "um", "uh", "uhm", "erm", "er", "ah", "oh", "hmm", "more",
          # thanks, praise and haste: how it is asked, never what
          "great", "awesome", "perfect", "wonderful", "lovely", "brilliant", "asap", "quick", "hello", "greetings",
          "buddy", "mate", "pal", "friend", "dear", "as soon as possible", "in advance", "appreciated",
          "appreciate it", "would be great", "that would be great", "much appreciated", "ya", "so kind as to",
          "kind enough to", "grateful", "would be grateful", "when you get a moment", "when you get a chance",
          "when you have a moment", "when you have a chance", "where it belongs", "where they belong",
          "without further ado"}
# Words that are filler only in some places are listed again in PHRASES below, which win.

COPULA = ("is", "are", "sits", "sit", "starts", "start", "lies", "lie", "stands", "was", "were",
          "is sitting", "are sitting", "is lying", "are lying", "is resting", "are resting", "begins",
          "is currently", "are currently", "rests", "is placed", "are placed", "currently sits")

# Words that only say which objects there are ("there's a green bowl and a blue bowl. ..."): the objects
# count as named, so a later bare "the bowl" is one of them.
INTRODUCING = ("there is", "there are", "i have", "i've got", "i have got", "we have", "we've got", "here is",
               "here are", "you have", "you've got")

SEQUENCE = ("then", "and then", "after that", "afterwards", "afterward", "next", "finally", "after this",
            "once done", "once that is done", "when done", "lastly", "and finally", "followed by", "later",
            "subsequently", "secondly")
FIRST = ("first", "firstly", "to start", "to begin", "first of all", "begin by", "start by")

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "pair": 2, "a pair": 2,
           "couple": 2, "a couple": 2}
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "2nd": 2, "3rd": 3, "4th": 4, "next-to-last": 2}


@dataclass(frozen=True)
class Word:
    """One tagged token: the grammar's terminal name, the words it covers and their meaning."""

    tag: str
    text: str
    value: Any = None


def _phrases() -> dict[str, tuple[str, Any]]:
    """Every known phrase -> (tag, value); longest phrases are matched first."""
    table: dict[str, tuple[str, Any]] = {}

    def add(words, tag, value=None):
        for w in words:
            table.setdefault(w, (tag, value if value is not None else w))

    add(["and then", "then", *SEQUENCE], "THEN")
    add(FIRST, "FIRST")
    add(["after", "once"], "FIRST")      # "after putting A in X, put B in Y": the clause it opens comes first
    add(["before"], "BEFORE")            # "before putting A in X, put B in Y": the clause it opens comes second
    add(["leftmost", "left-most", "furthest left", "farthest left", "most left"], "SIDEMOST", "leftmost")
    add(["rightmost", "right-most", "furthest right", "farthest right", "most right"], "SIDEMOST", "rightmost")
    add(["frontmost", "front-most", "furthest forward", "farthest forward"], "SIDEMOST", "frontmost")
    add(["backmost", "rearmost", "back-most", "hindmost"], "SIDEMOST", "backmost")
    # "the bowl on the right", "the block at the very back": where an object is picks it out of its kind
    for side, rule in (("left", "leftmost"), ("right", "rightmost"), ("back", "backmost"), ("rear", "backmost"),
                       ("front", "frontmost"), ("far end", "frontmost"), ("near end", "backmost")):
        add([f"{at} {very}{side}{tail}" for at in ("on", "at") for very in ("", "very ", "far ")
             for tail in ("", " side", " hand side", " end")], "SIDEMOST", rule)
    add(["largest", "biggest", "bigger", "larger"], "SIZEMOST", "largest")
    add(["smallest", "tiniest", "smaller", "littlest"], "SIZEMOST", "smallest")
    add(["nearest", "closest", "closer one", "most near"], "SUPER", "nearest")
    add(["closer", "nearer"], "CLOSER", "nearest")
    add(["further away", "farther away"], "CLOSER", "farthest")
    for side, rule in (("left", "leftmost"), ("right", "rightmost"), ("front", "frontmost"), ("back", "backmost"),
                       ("far end", "frontmost"), ("rear", "backmost")):
        add([f"{w} {side}" for w in ("farthest to", "furthest to", "nearest", "closest to", "nearest to",
                                     "closest", "most to", "farthest on", "furthest on")], "SIDEMOST", rule)
    add(["same"], "SAME")
    add(["any"], "ANY")
    add(["farthest", "furthest", "farther", "further", "most distant", "remotest"], "SUPER", "farthest")
    for word, rank in ORDINALS.items():
        add([word], "ORD", rank)
    add(["other", "remaining", "another", "second one"], "OTHER")
    add(["one", "ones"], "ONE")
    add(["it", "them", "they", "that one", "this one", "those ones", "the thing", "em", "'em"], "PRON")
    add(["all", "every", "all of", "each of", "every single", "all of them", "everything", "each and every"],
        "ALL")
    add(["each"], "EACH")
    add(["both", "both of"], "BOTH")
    add(["of"], "OF")
    add(["and", "as well as", "along with", "plus", "together with", "but", "while", "and also"], "AND")
    add(["or"], "OR")
    add(["not", "never", "do not", "does not", "dont", "don't", "no", "nor", "must not", "should not",
         "avoid", "without ever", "cannot", "can not", "not to", "make sure not to", "be careful not to",
         "careful not to", "try not to"], "NOT")
    add(["without", "with no", "but not", "but do not"], "WITHOUT")
    add(["with", "by using"], "WITH")
    add(["on robot's side of", "robot's side of", "on near side of", "between robot and"], "REL", "behind")
    add(["to right hand side of", "on right hand side of", "right hand side of"], "REL", "right_of")
    add(["left hand", "left-hand"], "SIDE", "left")
    add(["right hand", "right-hand"], "SIDE", "right")
    add(["to left hand side of", "on left hand side of", "left hand side of"], "REL", "left_of")
    add(["stay away from", "keep away from", "keep clear of", "stay clear of", "avoid", "avoiding", "staying away from",
         "keeping away from", "keeping clear of", "steering clear of", "steer clear of", "far from", "far away from",
         "well away from", "a long way from"], "AWAY")
    add(["out of", "outside of"], "REL", "out_of")
    add(["off", "off of"], "REL", "off")  # "keep it off the plate"; "off the table" is ELSEWHERE, longer
    add(["someone left", "somebody left", "i left", "you left", "we left", "they left", "someone has left",
         "somebody has left"], "COPULA")  # "someone left the ball in the tray": how things are, not a side
    add(list(COPULA), "COPULA")
    # "is to" only with what follows: "the block is to go in the bowl", never "is to the left of"
    add(["should", "must", "needs to", "need to", "has to", "have to", "ought to", "is to be", "are to be",
         "is to go", "are to go", "is to end up", "are to end up", "is to sit", "are to sit",
         "should be", "must be", "needs to be", "has to be", "should end up", "must end up", "shall", "will be",
         "belongs", "belong", "goes", "go back", "needs to go", "should go", "must go", "would rather",
         "would prefer"],
        "MODAL")
    add(["already", "initially", "at start", "at the start", "to begin with", "right now", "at moment", "moment",
         *INTRODUCING,
         "currently"], "ALREADY")
    # "the white plate and the black plate are both empty": only says the objects are there (named, so a
    # later bare "the plate" could be either); "empty the tray" stays a word not read
    add(["is empty", "are empty", "are both empty", "both are empty", "is still empty", "are still empty"],
        "COPULA")
    add(["where it is", "where they are", "in place", "where it was", "alone", "as it is", "as they are",
         "untouched", "still", "unmoved", "stationary", "in its place", "in their place",
         "where it started", "stay put", "stays put", "remain put", "remains put", "staying put", "it there",
         "them there"], "WHERE")
    add(["within reach", "in reach", "within arm's reach", "reachable", "within range", "in range",
         "near robot", "in reach of robot", "within robot's reach", "into robot's reach", "close enough",
         "close enough to grab", "close enough to reach", "into its reach", "into arm's reach", 
         "back in reach", "within its reach", "into reach"], "REACH")
    add(["out of reach", "out of range", "too far", "unreachable", "beyond reach", "too far away",
         "beyond its reach", "out of its reach", "out of robot's reach", "beyond arm's reach", "far out of reach",
         "out of arm's reach", "beyond robot's reach"], "OUT_OF_REACH")
    add(["by color", "by their color", "by its color", "according to color", "by colors",
         "according to their color", "by colour"], "BYCOLOR")
    add(["of its color", "of its own color", "of their color", "of their own color", "of same color",
         "that matches its color", "that matches their color", "matching its color", "matching their color",
         "with same color", "in same color", "same color", "of matching color", "its own color",
         "their own color", "its color", "their colors", "their color", "matching", "corresponding",
         "that is its color", "that is same color as it", "same color as it", "same color as them",
         "same colors as them", "with same colors as them", "that is their color", "of same colors",
         "that matches", "which matches", "its own", "their own", "of same colour", "same colored",
         "same coloured", "matching colored", "matching coloured", "color-matched", "that match", "matched",
         "matched up"], "MATCH")
    add(["own corner", "separate corner", "different corner", "separate corners", "different corners",
         "own corners", "their own corner", "a corner each", "one corner each", "a different corner",
         "per corner", "one per corner", "every corner", "one in every corner", "one in each corner",
         "corner to itself", "corner to themselves", "corner of its own", "corner of their own", "corner each",
         "its own corner", "each corner", "four corners", "corners"], "CORNERS")
    add(["corner"], "CORNERWORD")
    for place, words in vocab.CORNERS.items():
        add([f"{w} corner" for w in words], "CORNER", place)
        # "put it in the back right": a corner without the word; not "far left"/"left back", which start a
        # side or an amount as often ("far left of the tray")
        add([w for w in words if not w.startswith(("far", "near", "left", "right"))], "CORNER", place)
    add(["middle", "center", "centre", "middle of table", "center of table", "centre of table",
         "table's center", "table's centre", "table center", "table centre", "the middle"], "MIDDLE")
    add(["edge", "side", "border", "rim", "edges", "end"], "EDGE")
    add(["table", "table's", "workspace", "work area", "tabletop", "table top", "surface"], "TABLE")
    add(["line", "row", "column", "straight line", "single line", "single row", "a line", "a row", "lined up",
         "lined", "in a line", "in a row", "neat line", "neat row",
         "line up", "queue"], "LINE")
    add(["tower", "stack", "pile", "tower out of", "stack out of"], "TOWER")
    add(["keeping it on table", "keep it on table", "keeping it on table whole time", "on table whole time",
         "keep it flat on table", "keep it on table whole time", "without it leaving table"], "KEEPDOWN")
    add(["stacked", "piled", "piled up", "stacked up", "in a stack", "in a tower", "in a pile", "stacked on top of each other",
         "on top of each other", "on top of one another", "stacked on each other"], "STACKED")
    add(["bottom", "base", "foundation", "at bottom", "on bottom", "as base", "underneath"], "BOTTOM")
    add(["top", "on top", "at top", "uppermost", "topmost"], "TOP")
    add(["from"], "FROM")
    add(["to", "toward", "towards", "for"], "TO")
    add(["left to right", "from left to right", "left-to-right"], "ORDER", "left_to_right")
    add(["bottom to top", "from bottom to top", "bottom up", "from bottom up"], "ORDER", "bottom_to_top")
    add(["top to bottom", "from top to bottom", "top down", "from top down", "in that order from top"],
        "ORDER", "top_to_bottom")
    add(["right to left", "from right to left", "right-to-left"], "ORDER", "right_to_left")
    add(["front to back", "from front to back", "far to near"], "ORDER", "front_to_back")
    add(["back to front", "from back to front", "near to far"], "ORDER", "back_to_front")
    add(["in that order", "in order", "in this order", "in the order given", "in order named"], "INORDER")
    add(["left", "right", "front", "near side", "forward", "forwards", "ahead", "back", "rear",
         "backward", "backwards"], "SIDE")
    add(["leftwards", "leftward"], "SIDE", "left")
    add(["rightwards", "rightward"], "SIDE", "right")
    for amount, metres in vocab.AMOUNTS.items():
        add([amount, amount.removeprefix("a ")], "AMOUNT", metres)
    add(["away from robot", "further from robot", "farther from robot", "away", "further away from robot",
         "farther away from robot", "further away", "farther away"], "SIDE", "front")
    add(["long way", "good way", "long distance", "good distance"], "AMOUNT", 0.2)
    add(["towards robot", "toward robot", "closer to robot", "nearer to robot", "nearer robot", "towards you",
         "toward you", "closer to you", "nearer to you", "towards yourself"], "SIDE", "back")
    add(["away from you", "further from you", "farther from you", "further away from you",
         "farther away from you"], "SIDE", "front")
    add(list(vocab.UNITS), "UNIT")
    add(["color", "colors", "shape", "size", "form", "colour"], "PROPERTY")
    add(["floor", "ceiling", "room", "wall", "window", "door", "ground", "outside", "off table", "off of table",
         "off edge of table", "off side of table", "work cell", "cell", "building", "kitchen", "shelf", "drawer",
         "fridge", "pocket", "sky", "space", "moon", "roof", "lab", "another room", "next room", "hallway",
         "out of work cell", "out of workspace", "outside workspace", "beyond table", "mars", "house", "home",
         "garden", "yard", "garage", "office", "street", "trash", "attic", "basement"],
        "ELSEWHERE")
    add(["robot", "robot arm", "mobile robot", "rover"], "ROBOT")
    for verb_class, words in VERBS.items():
        add(words, "VERB", verb_class)
    for word, verb in GERUNDS.items():
        add([word], "GERUND", verb)
    for rel, words in vocab.RELATIONS.items():
        add(words, "REL", rel)
    return table


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, tuple[str, Any]], int]:
    """The phrase table and its longest phrase, in words."""
    table = _phrases()
    return table, max(len(k.split()) for k in table)


def _words(text: str) -> list[str]:
    t = text.lower().replace("’", "'").replace("colour", "color").replace("grey", "gray")
    t = re.sub(r"\b(do|does|is|are|was|were|should|must|could|would)n't\b", r"\1 not", t)
    t = t.replace("->", " to ").replace("=>", " to ")
    t = re.sub(r"\s[-–—]+\s", " ; ", t)  # a dash between words: a pause, as a semicolon is
    t = re.sub(r"\b(there|that|it|what|here|where)'s\b", r"\1 is", t)
    t = re.sub(r"(\w)'s (in|on|inside|already|currently|sitting|out|at|under|behind|next)\b", r"\1 is \2", t)
    t = re.sub(r"\b(you|we|they)'re\b", r"\1 are", t)
    t = re.sub(r"\b(you|we|they|i)'ve\b", r"\1 have", t)
    t = t.replace("can't", "can not").replace("won't", "will not").replace("it's", "it is") \
        .replace("let's", "let us").replace("i'd", "i would").replace("i'm", "i am").replace("that's", "that is")
    # "the corner farthest from you": said to the robot, "you" is the robot (elsewhere it is filler)
    t = re.sub(r"\b(nearest|closest|farthest|furthest)( to)? (?:you|yourself)\b", r"\1\2 robot", t)
    t = re.sub(r"\bfrom (?:you|yourself)\b", "from robot", t)
    t = re.sub(r"\bbetween (?:you|yourself) and\b", "between robot and", t)
    # "your job is to stack ...", "the goal is to have ...": a frame around the task (not "the goal is to the left")
    t = re.sub(r"(^|[.!?;:,]\s*)(?:(?:your|the|my|our|this)\s+)?(?:job|task|goal|aim|objective|mission|plan)"
               r"(?:\s+(?:here|now|today|for you))?\s+(?:is|will be)\s+to\s+(?!(?:the|a|an|left|right|front|back)\b)",
               r"\1", t)
    t = _side_adjectives(t)
    t = _cardinals(t)
    t = re.sub(r"(\d)\s*(cm|mm|m|in)\b", r"\1 \2", t)
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1\2", t)
    t = re.sub(r"[!?\"()]", " . ", t)
    t = re.sub(r"[^a-z0-9.,;:' -]", " ", t)
    t = re.sub(r"(?<![0-9])\.|\.(?![0-9])", " . ", t)
    t = re.sub(r"[;:]", " ; ", t).replace(",", " , ")
    # articles never change what is asked; "at" only says where before a side ("the block at the back")
    t = re.sub(r"\b(?:the|a|an)\b|\bat\b(?!\s+(?:the\s+)?(?:very\s+|far\s+)?"
               r"(?:left|right|back|front|rear|far|near)\b)", " ", t)
    t = _colour_compounds().sub(lambda m: m.group(1) + "~" + m.group(2), t)  # "navy-blue": one colour word
    t = re.sub(r"(?<=[a-z0-9])-(?=[a-z])", " ", t).replace("left most", "leftmost").replace("right most", "rightmost")
    return [w.strip("'") for w in t.split() if w.strip("'")]


@functools.lru_cache(maxsize=1)
def _colour_compounds() -> re.Pattern:
    """Two colour words joined by a hyphen ("navy-blue", "blue-green"): one shade, kept as one word (written
    with "~") so that it is not read as two objects of two colours."""
    words = {w for ws in vocab.COLORS.values() for w in ws} | {w for w in vocab.MISSING_COLORS if "-" not in w}
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"\b({alternatives})-({alternatives})\b")


def _side_adjectives(text: str) -> str:
    """"the left bowl", "the right red one": a side before a noun picks the object on that side, as
    "leftmost" does; after a verb ("put back the ball") or before anything else it stays a direction."""
    return _side_before_noun().sub(lambda m: m.group(1) + "most", text)


@functools.lru_cache(maxsize=1)
def _side_before_noun() -> re.Pattern:
    colors = sorted({w for words in vocab.COLORS.values() for w in words}, key=len, reverse=True)
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))}
                   | {"one", "ones"}, key=len, reverse=True)
    return re.compile(rf"(?<=\bthe )(left|right)(?= (?:(?:{'|'.join(colors)}) )?(?:{'|'.join(nouns)})\b)")


CARDINALS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}


def _cardinals(text: str) -> str:
    """Number words as digits ("twelve" -> 12, "twenty-five" -> 25, "half a" -> 0.5), all but "one", which
    is as often "the one on the left" as a number (the phrase table reads it where it counts)."""
    text = re.sub(r"\bhalf (?:a|an) ", "0.5 ", text)
    units = "|".join(CARDINALS)

    def number(m: re.Match) -> str:
        tens, unit = m.group(1), m.group(2) or m.group(3)
        if tens is None and unit == "one":
            return m.group(0)
        return str(TENS.get(tens or "", 0) + CARDINALS.get(unit or "", 0))

    return re.sub(rf"\b(?:({'|'.join(TENS)})(?:[- ]({units}))?|({units}))\b", number, text)


DROPPED_LETTER_TAGS = ("ALL", "EACH", "BOTH", "REL", "SIDE", "SIDEMOST", "CORNER", "MIDDLE", "EDGE")
# real words that a letter dropped from one of those spells: never mended
DROPPED_LETTER_WORDS = {"blow", "borer", "closes", "closet", "father", "font", "root", "tale", "corer"}


@functools.lru_cache(maxsize=1)
def _typos() -> dict[str, str]:
    """Slips of the keyboard -> the word meant: two letters swapped ("blokc"), a double letter typed once
    ("yelow") or a letter doubled ("bloock"). Other missing letters make real words too often ("sack",
    "lock"), so a dropped letter is mended only in words that say how many or where ("evry", "behnd"),
    and never into a real word it spells ("blow", "font"). Only a slip that could come from one known word is mended, and never into a word the reader
    knows or a thing the simulator cannot make."""
    table, _ = lexicon()
    # never mend into a negation: a wrong "not" turns the task around ("ont" may be "onto")
    meaningful = {w for phrase, (tag_, _) in table.items() for w in phrase.split()
                  if tag_ not in ("NOT", "WITHOUT")} - (FILLER - set(table))
    names = {w for words in (*vocab.COLORS.values(), *vocab.KINDS.values()) for phrase in words
             for w in phrase.split()}
    meaningful |= names
    # a dropped letter in a thing, a colour or a verb often spells another thing ("lock", "sack"); in words of
    # how many and where it seldom does
    where = {w for phrase, (tag_, _) in table.items() if tag_ in DROPPED_LETTER_TAGS for w in phrase.split()}
    known = _known()
    meant: dict[str, set[str]] = {}
    # mended only into words that mean something: "evry" read as the filler "very" would lose "every"
    for w in meaningful | {"the"}:
        if len(w) < 3 or not w.isalpha():
            continue
        slips = {w[:k] + w[k + 1] + w[k] + w[k + 2:] for k in range(len(w) - 1)}
        if len(w) < 4:  # "teh": short words only swap
            slips -= {w}
            for slip in slips:
                meant.setdefault(slip, set()).add(w)
            continue
        slips |= {w[:k] + w[k] + w[k:] for k in range(len(w))}
        slips |= {w[:k] + w[k + 1:] for k in range(len(w) - 1) if w[k] == w[k + 1]}
        if len(w) >= 5 and w in where:
            slips |= {w[:k] + w[k + 1:] for k in range(1, len(w))} - DROPPED_LETTER_WORDS  # not the first letter
        for slip in slips - {w}:
            meant.setdefault(slip, set()).add(w)
    unknown = set(vocab.UNKNOWN_THINGS) | {t + "s" for t in vocab.UNKNOWN_THINGS}
    return {slip: next(iter(ws)) for slip, ws in meant.items()
            if len(ws) == 1 and slip not in known and slip not in unknown}


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Every single word the reader knows: phrase words, fillers, colours, kinds and numbers."""
    table, _ = lexicon()
    words = {w for phrase in table for w in phrase.split()}
    words |= {w for words_ in (*vocab.COLORS.values(), *vocab.KINDS.values()) for phrase in words_
              for w in phrase.split()}
    words |= {p for words_ in vocab.KINDS.values() for w in words_ for p in vocab.plurals(w)}
    return frozenset(words | FILLER | set(NUMBERS) | set(CARDINALS))


def _mend(word: str) -> str:
    """The word meant by a slip of the keyboard, or by a word drawn out ("pleeease", "sooo"), else ``word``."""
    typos = _typos()
    if word in typos:
        return typos[word]
    if re.search(r"([a-z])\1\1", word) and word not in _known():
        for n in (2, 1):  # two letters first ("greeen" -> "green"), then one ("pleeease" -> "please")
            short = re.sub(r"([a-z])\1{2,}", lambda m: m.group(1) * n, word)
            short = typos.get(short, short)
            if short in _known():
                return short
    return word


def mended_words(text: str) -> list[tuple[str, str]]:
    """The slips of the keyboard in ``text`` and the words `tag` reads them as."""
    return [(w, _mend(w)) for w in _words(text) if _mend(w) != w]


def tag(text: str) -> list[Word]:
    """The instruction's words as tagged tokens (fillers dropped, unknown words tagged UNKNOWN); a word
    mistyped by one slip is read as the word meant."""
    table, longest = lexicon()
    words = [_mend(w) for w in _words(text)]
    out: list[Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w == ";":
            out.append(Word("STOP", w))
            i += 1
            continue
        if w == ",":
            out.append(Word("COMMA", w))
            i += 1
            continue
        if w == ".":
            out.append(Word("STOP", w))
            i += 1
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            out.append(Word("NUM", w, float(w)))
            i += 1
            continue
        if w in ("hook", "stick") and (not out or out[-1].tag in ("COMMA", "STOP", "AND", "THEN", "FIRST")) and \
                i + 1 < len(words) and words[i + 1] not in (",", ".", "to"):
            # "hook the ball", "stick the cube in the bowl": the verb, not the tool
            out.append(Word("VERB", w, "pull" if w == "hook" else "put"))
            i += 1
            continue
        noun = vocab.kind_of(w)
        verbal = [_lookup(" ".join(words[i:i + n]), table) for n in (1, 2)]
        if out and out[-1].tag == "VERB" and noun and w in vocab.KINDS[noun] and \
                any(v is not None and v.tag == "VERB" for v in verbal):
            # "put the hook in the bowl", "use the stick": right after a verb, "hook" ("hook in") or "stick"
            # is the thing acted on, not a verb
            out.append(Word("KIND", w, noun))
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            hit = _lookup(phrase, table)
            if hit is not None and hit.tag == "SIDEMOST" and phrase.startswith(("on ", "at ")) and \
                    _says_where_it_goes(words, i, i + n):
                continue  # "put the block on the left": where it goes, not which block
            if hit is not None and hit.tag == "AWAY" and not phrase.startswith(("stay", "keep", "avoid", "steer")) \
                    and i + n < len(words) and words[i + n] in ("robot", "you", "yourself"):
                continue  # "move it far away from the robot": a direction and an amount, not a place to avoid
            if hit is not None:
                out.append(hit)
                i += n
                break
        else:
            out.append(Word("FILLER" if w in FILLER or w.endswith("ly") else "UNKNOWN", w))
            i += 1
    return [w for w in out if w.tag != "FILLER"]


CLAUSE_ENDS = (".", ";", ",", "and", "then")
PLACE_WORDS = ("left", "right", "front", "back", "corner", "corners", "edge", "of", "side", "half", "part", "end")
RELATION_WORDS = {w for words in vocab.RELATIONS.values() for phrase in words for w in phrase.split()[:1]}


def _says_where_it_goes(words: list[str], start: int, end: int) -> bool:
    """Whether "on the left" at words[start:end] says where, not which object: before a place of the
    table, after a corner, or ending a clause that named no place before it ("put the block on the
    left"; but "put the ball in the bowl on the right" picks a bowl)."""
    if end < len(words) and words[end] in PLACE_WORDS:
        return True  # "at the front left corner", "on the left edge": a place of the table
    before = start
    while before > 0 and words[before - 1] not in CLAUSE_ENDS:
        before -= 1
    if any(w in ("corner", "corners") for w in words[before:start]):
        return True  # "the corner nearest the robot on the left": which corner
    if end < len(words) and words[end] not in CLAUSE_ENDS:
        return False
    return not any(w in RELATION_WORDS for w in words[before:start])


def _lookup(phrase: str, table: dict[str, tuple[str, Any]]) -> Word | None:
    if phrase in table:
        tag_, value = table[phrase]
        return Word(tag_, phrase, value)
    color = vocab.color_of(phrase)
    if color:
        return Word("COLOR", phrase, color)
    kind = vocab.kind_of(phrase)
    if kind:
        plural = phrase not in vocab.KINDS[kind]
        return Word("KINDS" if plural else "KIND", phrase, kind)
    if phrase in NUMBERS:
        return Word("NUM", phrase, float(NUMBERS[phrase]))
    if phrase in FILLER:
        return Word("FILLER", phrase)
    return None


