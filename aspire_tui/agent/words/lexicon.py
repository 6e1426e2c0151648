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
            "bringing", "stick it", "drop", "drop off", "dropping off", "lay", "position", "stick", "pop", "toss", "throw", "load", "transfer",
            "deposit", "get", "bring", "relocate", "shift", "reposition", "carry", "plop", "plonk", "rest",
            "set down", "put down", "lower", "leave it", "tuck", "dump", "slot", "insert", "stand", "gather",
            "fit", "squeeze", "deliver", "transport", "haul", "ferry", "convey", "release"),
    "move": ("move", "take", "moved", "unstack", "taking", "moving it", "scoot", "shuffle", "translate", "displace",
             "remove", "translating"),
    "pick": ("pick up", "grab", "lift", "pick", "grasp", "collect", "raise", "fetch", "take hold of", "hold"),
    "stack": ("stack", "pile", "stack up", "pile up", "build", "make", "balance", "rebuild", "restack"),
    "push": ("push", "slide", "shove", "nudge", "sweep", "poke", "pushing", "sliding", "shoving"),
    "pull": ("pull", "drag", "rake", "draw", "retrieve", "hook in", "reel in", "pull in", "drag in", "draw in",
             "rake in"),
    "go": ("go", "drive", "navigate", "nav", "head", "travel", "roll", "proceed", "come", "steer", "approach", "visit",
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
# A gerund right after "first", "then", "before" or "after" opens its clause ("start by moving the ball ..."):
# there it is the clause's verb.
GERUND_VERBS = {"moving": "move", "lifting": "pick", "raising": "pick", "picking up": "pick", "picking": "pick",
                "grabbing": "pick", "grasping": "pick", "nudging": "push"}
# The perfect tense ("after you have placed the block ...") says the same as the verb: read as the verb.
PARTICIPLES = {"placed": "place", "put": "put", "moved": "move", "set": "set", "dropped": "drop",
               "stacked": "stack", "pushed": "push", "slid": "slide", "transferred": "transfer",
               "positioned": "position", "relocated": "relocate", "deposited": "deposit", "taken": "take",
               "lifted": "lift", "picked up": "pick up", "brought": "bring"}

FILLER = {"the", "a", "an", "please", "could", "would", "can", "you", "kindly", "i", "want", "need", "like",
          "d", "ll", "go ahead and", "now", "just", "then please", "arm", "yourself", "base", "for me", "me", "hey", "ok",
          "okay", "so", "that", "carefully", "gently", "quickly", "slowly", "neatly", "nicely", "somewhere",
          "there", "right away", "also", "too", "some", "your", "my", "our", "let", "us", "try", "to try",
          "see", "if", "go and", "thanks", "thank", "thx", "will", "should", "must", "be", "able", "up",
          "down", "back", "away", "exactly", "directly", "right", "straight", "should be",
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
          "then just", "is it possible to", "is it possible for you to", "would it be possible to", "would it be possible for you to",
          "given that", "assuming that", "occupies", "occupy", "i'll", "we'll", "you'll", "i want you to", "would like", "like you to", "neat", "tidy",
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
          "without further ado",
          # how a thing came to be, or whether it is a bother: never what is asked
          "by mistake", "by accident", "in error", "by error", "if it is not too much trouble",
          "if it is no trouble", "if it is not any trouble", "if that is not too much trouble", "if you do not mind",
          "if that is ok", "if that is okay", "if that is alright", "if that is all right", "if it is ok",
          "if it is okay", "if possible please", "if you would", "if you could",
          "by way", "btw", "fyi", "hey all", "hi all", "hey guys", "hi guys", "hey everyone", "hi everyone", "guys", "several", "anywhere", "any ideas", "makes sense", "make sense", "just so you know", "for your information", "for what it is worth"}
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

# Words that take back what was just said and say it again ("the red, sorry i mean the blue block"): what
# follows replaces the last words of the same kind before them (see `_corrected`).
CORRECTIONS = ("sorry", "i mean", "sorry i mean", "i meant", "no i mean", "no sorry", "sorry no", "no wait",
               "wait no", "wait", "actually no", "no actually", "actually make that", "make that", "or rather",
               "scratch that", "correction", "my mistake", "my bad", "oops")
# The robot's own parts: said as the means ("using the end effector, grasp ...") they add nothing; as what to
# move or where ("move the end effector above the block") they are words the reader cannot read, and named.
ROBOT_PARTS = ("end effector", "effector", "gripper", "grippers", "claw", "fingers", "jaws", "wrist",
               "tool center point", "tool centre point", "tcp", "suction cup")

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
    # "after putting A in X, put B in Y": the clause it opens comes first
    add(["after", "once", "as soon as", "right after", "just after"], "FIRST")
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
    # "every block except the red one": a group less some of it
    add(["except", "except for", "excluding", "apart from", "other than", "save for", "with exception of",
         "but for", "leaving out", "aside from"], "EXCEPT")
    add(["with", "by using"], "WITH")
    add(CORRECTIONS, "CORRECT")
    add(ROBOT_PARTS, "PART")
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
    # "the bowl should have the ball in it": the container said first (read in `clauses`; elsewhere filler)
    add(["has", "have", "contains", "contain", "should contain", "must contain", "holds"], "HAVE")
    # "is to" only with what follows: "the block is to go in the bowl", never "is to the left of"
    add(["should", "must", "needs to", "need to", "has to", "have to", "ought to", "is to be", "are to be",
         "is to go", "are to go", "is to end up", "are to end up", "is to sit", "are to sit",
         "should be", "must be", "needs to be", "has to be", "should end up", "must end up", "shall", "will be",
         "belongs", "belong", "goes", "go back", "needs to go", "should go", "must go", "would rather",
         "would prefer",
         # "I want that the ball is in the bowl": a wish, so what follows is how things are to be
         "want that", "wants that", "wish that", "would like that", "hope that", "would love that"],
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
         "back in reach", "within its reach", "into reach", "can be reached", "it can be reached",
         "can reach it", "can be grasped"], "REACH")
    add(["out of reach", "out of range", "too far", "unreachable", "beyond reach", "too far away", "too far to grab", "too far away to grab", "too far to reach", "too far away to reach",
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
         "with same color as them", "with same color as it", "of same color as them", "of same color as it",
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
         "keep it flat on table", "keeping it in contact with table", "keep it in contact with table",
         "in contact with table", "in contact with table whole time", "keep it on table whole time", "without it leaving table"], "KEEPDOWN")
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
    add(["back to front", "from back to front", "near to far", "going away from robot", "leading away from robot",
         "going away from you", "going outward from robot"], "ORDER", "back_to_front")
    add(["coming toward robot", "coming towards robot", "going toward robot", "going towards robot"], "ORDER",
        "front_to_back")
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
    add(["robot", "robot arm", "mobile robot", "rover", "bot"], "ROBOT")
    for verb_class, words in VERBS.items():
        add(words, "VERB", verb_class)
    for word, verb in GERUNDS.items():
        add([word], "GERUND", verb)
    # "it must never leave the table": kept on it, as "without lifting it" (unnegated, "off the table" is
    # ELSEWHERE)
    add(["leave table", "leaves table", "leaving table", "leave surface", "leaves surface", "leaving surface",
         "come off table", "comes off table", "coming off table", "lose contact with table",
         "loses contact with table", "losing contact with table"], "GERUND", "lift")
    for rel, words in vocab.RELATIONS.items():
        add(words, "REL", rel)
    return table


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, tuple[str, Any]], int]:
    """The phrase table and its longest phrase, in words."""
    table = _phrases()
    return table, max(len(k.split()) for k in (*table, *FILLER))  # fillers of many words are matched whole


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
    # "from where the robot stands": the robot's view is the one every side word is read in already
    t = re.sub(r"\b(?:as seen |seen |looking )?from (?:where (?:the robot|you) (?:stands?|sits?|is|are)|"
               r"(?:the robot's|your) (?:point of view|perspective|viewpoint|view|position)|"
               r"(?:the robot|you)(?= *,))", " ", t)
    t = re.sub(r"\bfrom (?:you|yourself)\b", "from robot", t)
    # "the tray should be left with the ball in it": "left" the verb, not the side
    t = re.sub(r"\b(be|is|are|was|were|been|get|gets|got)\s+left(?=\s+with\b)", r"\1", t)
    t = re.sub(r"\bbetween (?:you|yourself) and\b", "between robot and", t)
    # "your job is to stack ...", "the goal is to have ...": a frame around the task (not "the goal is to the left")
    t = re.sub(r"(^|[.!?;:,]\s*)(?:(?:your|the|my|our|this)\s+)?(?:job|task|goal|aim|objective|mission|plan)"
               r"(?:\s+(?:here|now|today|for you))?\s+(?:is|will be)\s+to\s+(?!(?:the|a|an|left|right|front|back)\b)",
               r"\1", t)
    t = re.sub(r"(^|[.!?;:,]\s*)what (?:i|we) (?:would like|want|need|wish|would love)(?: (?:you|robot|the robot) to do)?"
               r"(\s*,[^,.;]*,)?\s+is\s+(?:for\s+|that\s+)?", r"\1\2 ", t)  # an aside inside it is kept, and read
    t = FORUM_FRAME.sub(r"\1", t)
    t = _comparative_referents(t)
    t = _goal_frames(t)
    t = re.sub(rf"\b(?:(?:you|we|i|they) )?(?:have|has|'ve) ({'|'.join(PARTICIPLES)})\b",
               lambda m: PARTICIPLES[m.group(1)], t)
    t = _side_adjectives(t)
    t = _cardinals(t)
    # "Step 1: ... Step 2: ...": a teacher's numbered steps are a sequence (not "step 2 cm")
    t = re.sub(r"\bstep\s+(?:\d+|one)\b(?!\s*(?:cm|mm|m|ft|in|inch|inches|feet|foot|centi|milli|met)\w*)\s*(?:[:.)]|is\b)?", " then ",
               t)
    t = re.sub(r"(\d)in\b|(\d)\s*(?:\"|'')", r"\1\2 inch", t)  # "4in", '4"': inches ("2 in the bowl" a count)
    t = re.sub(r"(\d)\s*(cm|mm|m|ft|cms|mms)\b", r"\1 \2", t)
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


# "final state: ...", "the desired end configuration has ...", "the goal pose of ...": a heading that says the
# words after it are how things are to be (read as "want that", a wish), not how they are now
GOAL_FRAME = re.compile(
    r"\b(?:the\s+)?(?:final|end|goal|target|desired|resulting|wanted)(?:\s+end|\s+final)?\s+"
    r"(?:state|configuration|config|pose|poses|arrangement|layout|result|situation|scene|placement)"
    r"(?:\s+(?:of|is|has|should be|will be|looks like|must be|should have|must have|with))?\s*:?")


def _goal_frames(text: str) -> str:
    """Headings of the state to reach as a wish; when the task is done ("at the end") and which way ("in the
    direction away from ...", "the robot's right") said plainly."""
    text = _as_wished(GOAL_FRAME.sub(_frame_opens, _acceptance_criteria(text)))
    # "I want the ball in the bowl", "I'd like the blocks stacked": a wish for how things are to be (not "I want
    # you to ...", where a verb follows)
    text = re.sub(r"\b(?:i|we) (?:really )?(?:want|need|would like|would love|'d like)\b(?! (?:you|to|robot|the robot)\b)",
                  " want that ", text)
    text = re.sub(r"\b(?:at|in|by) the (?:very )?(?:end|finish)\b(?! of)", " ", text)
    text = re.sub(r"\bin the direction of\b", "toward", text)
    text = re.sub(r"\bin (?:the|a) direction(?= (?:away|toward|towards|to|further|farther|closer)\b)", " ", text)
    text = re.sub(r"\b(?:the )?robot's (left|right|front|back)\b", r"\1", text)
    # "beside the tray is where the ball should go": the place said first
    if " is where " in text:
        text = re.sub(r"([^.;:!?]+?)\s+is where\s+([^.;:!?,]+?)\s+(should go|should be|must go|must be|goes|belongs|"
                      r"should end up|needs to go|has to go)\b", _place_last, text)
    # "on the side of the plate nearest the robot": the plate's near side
    return re.sub(r"\bon (?:the )?(?:side|end) of ((?:the )?(?:\w+ )?\w+) (nearest|closest|farthest|furthest)"
                  r"(?: to| from)? (?:the )?(?:robot|you)\b",
                  lambda m: f"on the {'near' if m.group(2) in ('nearest', 'closest') else 'far'} side of {m.group(1)}",
                  text)


# "Given <how things are>, when <the robot acts>, then <how things are to be>": acceptance criteria
GIVEN_WHEN_THEN = re.compile(r"^\s*(?:acceptance(?: criteria)?\s*:?\s*)?given\s+(?P<given>[^.;]+?)\s*,?\s+when\s+"
                             r"(?P<when>[^.;]+?),?\s+then\s+(?P<then>.+)$")
# words in a "when" part that change the goal ("when the robot pushes it": kept on the table; "without
# touching the bowl"): such a part is read; any other only says how the robot acts, which the goal leaves to it
WHEN_ASKS = re.compile(r"\b(?:push|pushes|pushing|slide|slides|sliding|shove|shoves|shoving|nudge|nudges|nudging|"
                       r"without|never|not|don't|doesn't|no)\b")


# "I'm trying to get the arm to ...", "how do I make the robot ...": a post asking how, around the task itself
FORUM_FRAME = re.compile(
    r"(^|[.!?;:,]\s*|\bso\s+)(?:(?:i am|im|we are)\s+)?(?:(?:just\s+)?trying\s+to|"
    r"how\s+(?:do|can|would|should)\s+(?:i|we|you))\s+(?:(?:get|make|have)\s+(?:the\s+)?(?:arm|robot|bot)\s+(?:to\s+)?)?")


def _comparative_referents(text: str) -> str:
    """"the ball nearer to the robot in the bowl": a comparison with the robot right after a noun, with where it goes
    after it, picks which ball (as "nearest"); elsewhere ("move the ball closer to the robot") it is a direction."""
    return _comparative_after_noun().sub(lambda m: f"{m.group(1)} {COMPARED[m.group(2)]} robot", text)


COMPARED = {"closer": "nearest", "nearer": "nearest", "farther": "farthest", "further": "farthest"}


@functools.lru_cache(maxsize=1)
def _comparative_after_noun() -> re.Pattern:
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))}
                   | {"one"}, key=len, reverse=True)
    rel = "|".join(sorted({w for words in vocab.RELATIONS.values() for p in words for w in p.split()[:1]}
                          - {"to", "by", "up"}))
    return re.compile(rf"\b({'|'.join(nouns)}) (?:that is |which is )?(closer|nearer|farther|further) "
                      rf"(?:to|from) (?:the )?(?:robot|you)(?= (?:the )?(?:{rel}|left|right)\b)")


def _acceptance_criteria(text: str) -> str:
    """"Given ..., when ..., then ..." as a start and a wish: the "given" part is how things are (or, with no
    verb, only which objects there are), the "when" part is read where it changes the goal (`WHEN_ASKS`), the
    "then" part is the goal."""
    m = GIVEN_WHEN_THEN.match(text)
    if m is None:
        return text
    given, when = m.group("given"), m.group("when").strip()
    start = given if COPULA_WORD.search(given) else f"there is {given}"
    acting = f"{when} . " if WHEN_ASKS.search(when) else ""
    return f"{start} . {acting}want that \x00{m.group('then')}"


def _frame_opens(m: re.Match) -> str:
    """A heading of the state to reach as "want that"; every clause of its sentence is how things are to be
    ("goal state: the ball is in the bowl and the cube is on the plate"), so its "is" becomes "should be"."""
    rest = m.string[m.end():]
    stop = re.search(r"(?<!\d)[.;!?](?!\d)", rest)
    sentence = rest[:stop.start() if stop else len(rest)]
    return " want that " + ("" if COPULA_WORD.search(sentence) is None else "\x00")


COPULA_WORD = re.compile(r"\b(?:is|are|sits|sit|rests|rest|lies|lie|stands|stand)\b")


def _as_wished(text: str) -> str:
    """The sentence after each marked heading with its "is" as "should be"."""
    while "\x00" in text:
        head, _, rest = text.partition("\x00")
        stop = re.search(r"(?<!\d)[.;!?](?!\d)", rest)
        end = stop.start() if stop else len(rest)
        text = head + COPULA_WORD.sub("should be", rest[:end]) + rest[end:]
    return text


def _place_last(m: re.Match) -> str:
    """"<place> is where <object> should go" as "<object> should go <place>" ("to" before a place with no
    relation word: "the bowl is where the ball goes")."""
    place = m.group(1).strip()
    related = place.split()[0] in RELATION_WORDS | {"in", "on", "to", "into", "onto", "beside", "behind", "near"}
    return f"{m.group(2)} {m.group(3)} {'' if related else 'to '}{place}"


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
    raw = _words(text)
    return [(w, m) for w, m in zip(raw, _mended(raw)) if m != w]


def _mended(words: list[str]) -> list[str]:
    """Each word as meant: slips of one word alone (`_mend`), then slips that only the place of the word
    shows (`_mend_by_place`)."""
    return _mend_by_place([_mend(w) for w in words])


# words after which a clause starts, so that the next word read is its verb
CLAUSE_OPENERS = {",", ".", ";", "and", "then", "first", "next", "now", "please", "robot"}


def _mend_by_place(words: list[str]) -> list[str]:
    """Slips that many real words also make ("stak", "blu", "plase") mended only where one kind of word
    is expected: a word not known that opens a clause is a verb ("plase the cube ..."), one right before a
    thing's noun is its colour ("the blu cube"). Mended only when one known word is one slip away."""
    out = list(words)
    for k, w in enumerate(words):
        if not w.isalpha() or len(w) < 3 or w in _known() or w in _not_mended():
            continue
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if vocab.kind_of(nxt) or nxt in ("one", "ones"):
            meant = _one_slip_from(w, _colour_words(), shortest=4)  # "blu"
        elif _opens_clause(words, k):
            meant = _one_slip_from(w, _verb_words(), shortest=5)  # not "had" for "head"
        else:
            continue
        if meant is not None:
            out[k] = meant
    return out


def _opens_clause(words: list[str], k: int) -> bool:
    """Whether words[k] comes first in its clause, past fillers ("please you put ...")."""
    table, _ = lexicon()
    j = k - 1
    while j >= 0 and words[j] in FILLER and words[j] not in table and words[j] not in CLAUSE_OPENERS:
        j -= 1
    return j < 0 or words[j] in CLAUSE_OPENERS


@functools.lru_cache(maxsize=1)
def _not_mended() -> frozenset[str]:
    """Words that name what the simulator lacks: refused by name, never mended into a colour or verb."""
    things = set(vocab.UNKNOWN_THINGS) | {t + "s" for t in vocab.UNKNOWN_THINGS}
    return frozenset(things | set(vocab.MISSING_COLORS))


@functools.lru_cache(maxsize=1)
def _colour_words() -> dict[str, str]:
    return {w: w for words in vocab.COLORS.values() for w in words if w.isalpha()}


@functools.lru_cache(maxsize=1)
def _verb_words() -> dict[str, str]:
    """Each one-word verb, and its form with -s ("places"), -> the verb."""
    verbs = {w for words in VERBS.values() for w in words if w.isalpha()}
    out = {w: w for w in verbs} | {"please": "please"}  # "plase put ...": a clause opens with "please" too
    for w in verbs:
        for form in vocab.plurals(w):
            out.setdefault(form, w)
    return out


def _one_slip_from(word: str, targets: dict[str, str], shortest: int) -> str | None:
    """The one target word ``word`` is a slip of (a letter left out, added, changed or two swapped; never the
    first letter, which people seldom miss), or None when none or several are; targets shorter than
    ``shortest`` letters are left out, as their slips are too often other words."""
    if word in targets:  # "places": a form of a verb the lexicon lists bare
        return targets[word]
    hits = {meant for t, meant in targets.items() if len(t) >= shortest and t[0] == word[0] and _one_slip(word, t)}
    return next(iter(hits)) if len(hits) == 1 else None


def _one_slip(word: str, target: str) -> bool:
    if len(word) == len(target) - 1:  # a letter left out
        return any(target[:k] + target[k + 1:] == word for k in range(1, len(target)))
    if len(word) == len(target) + 1:  # a letter added
        return any(word[:k] + word[k + 1:] == target for k in range(1, len(word)))
    if len(word) != len(target) or word == target:
        return False
    diff = [k for k in range(len(word)) if word[k] != target[k]]
    if len(diff) == 2 and diff[1] == diff[0] + 1:  # two letters swapped
        return word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]]
    # a key next to the one meant ("plsce"): in short words, or with any other letter, it makes other words
    # too often ("check" is not "chuck")
    return len(diff) == 1 and len(word) >= 5 and word[diff[0]] in NEAR_KEYS.get(target[diff[0]], "")


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _near_keys(r: int, c: int) -> str:
    """The keys touching row r, column c of a keyboard whose rows are staggered (each a half key right of the
    one above): beside it, and the two above and the two below it."""
    spots = [(r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1), (r + 1, c - 1), (r + 1, c)]
    return "".join(_ROWS[r2][c2] for r2, c2 in spots if 0 <= r2 < 3 and 0 <= c2 < len(_ROWS[r2]))


# each letter -> the letters beside it on the keyboard
NEAR_KEYS = {ch: _near_keys(r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}


def tag(text: str) -> list[Word]:
    """The instruction's words as tagged tokens (fillers dropped, unknown words tagged UNKNOWN); a word
    mistyped by one slip is read as the word meant."""
    table, longest = lexicon()
    words = _mended(_words(text))
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
        if w in VERB_FILLERS and _opens_clause(words, i):
            n = 2 if words[i + 1:i + 2] == ["up"] else 1
            # "tidy the blocks into the tray" puts them there; "tidy up the table" asks what the reader cannot
            # read, and is refused by name, never dropped with its clause
            out.append(Word("VERB", w, "put") if _clause_has_place(words, i + n) else Word("UNKNOWN", w))
            i += n
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
    kept = _robot_parts(_corrected([w for w in out if w.tag != "FILLER"]))
    return _conditions_as_steps(_gerunds_as_verbs(_on_top_before_object(kept)))


# tags that end the phrase a correction can take back: it never reaches past a verb or into the clause before
PHRASE_BREAKS = ("VERB", "THEN", "FIRST", "AND", "STOP", "COMMA", "BEFORE")


def _corrected(words: list[Word]) -> list[Word]:
    """The words with each correction applied: "put the red uh no the blue block in the bowl", "on the plate
    sorry i mean in the bowl", "left no right": the words after the correction replace those from the last word
    of the same kind (the same tag) before it. A bare "no" corrects only between two words of one kind ("red no
    blue", "the bowl no the tray"); elsewhere it is a "no" ("no block on the plate")."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        w = words[k]
        marker = w.tag == "CORRECT" or (w.tag == "NOT" and w.text == "no")
        if not marker:
            out.append(w)
            k += 1
            continue
        nxt = k + 1
        while nxt < len(words) and (words[nxt].tag in ("COMMA", "STOP", "CORRECT") or words[nxt].text == "no"):
            nxt += 1
        said = _unpunctuated(out)
        swap = _same_kind_said_again(said, words[nxt:])
        if swap is not None:  # "put the red block in the bowl, no, the blue block": only the block is taken back
            start, stop, end = swap
            out = said[:start] + words[nxt:nxt + end] + said[stop:]
            k = nxt + end
            continue
        start = _taken_back(out, words[nxt:nxt + 2], bare=w.tag == "NOT")
        if start is None:
            if w.tag == "NOT":
                out.append(w)  # a "no" that corrects nothing says no
            k += 1  # "sorry, put the block ...": taking back nothing, it says nothing
            continue
        taken = out[start:]
        del out[start:]
        k = nxt
        if taken[0].tag == "VERB":  # "... actually no put it in the green bowl": "it" is what the clause moved
            words = words[:k] + _pronoun_as(words[k:], _object_of(taken))
    return out


# the tags an object's words are made of ("all the red blocks", "the second cube", "the blue one")
OBJECT_TAGS = ("COLOR", "KIND", "KINDS", "ALL", "EACH", "BOTH", "NUM", "SIDEMOST", "SIZEMOST", "ONE", "ORD")


def _same_kind_said_again(said: list[Word], then: list[Word]) -> tuple[int, int, int] | None:
    """Where a correction that is an object alone ("..., no, the blue block") says again an object of the same kind
    in the same clause: (where that object starts and ends in ``said``, where the new one ends in ``then``). Not
    where it says again the word right before it ("the red no the blue block"): that word alone is taken back."""
    end = next((j for j, w in enumerate(then) if w.tag not in OBJECT_TAGS), len(then))
    kind = next((w.value for w in then[:end] if w.tag in ("KIND", "KINDS")), None)
    if kind is None or (end < len(then) and then[end].tag not in PHRASE_BREAKS) or not said or \
            said[-1].tag == then[0].tag:
        return None
    for j in range(len(said) - 1, -1, -1):
        if said[j].tag in PHRASE_BREAKS:
            return None
        if said[j].tag in ("KIND", "KINDS") and said[j].value == kind:
            start = j
            while start > 0 and said[start - 1].tag in OBJECT_TAGS:
                start -= 1
            return start, j + 1, end
    return None


def _object_of(clause: list[Word]) -> list[Word]:
    """The words of the object a clause's verb acts on: those after the verb, up to where it goes."""
    out: list[Word] = []
    for w in clause[1:]:
        if w.tag not in OBJECT_TAGS:
            break
        out.append(w)
    return out


def _pronoun_as(words: list[Word], meant: list[Word]) -> list[Word]:
    """The words with the first "it" of their clause said as ``meant``."""
    for k, w in enumerate(words):
        if w.tag in ("THEN", "FIRST", "AND", "STOP", "COMMA"):  # the next clause
            break
        if w.tag == "PRON" and meant:
            return words[:k] + meant + words[k + 1:]
    return words


def _unpunctuated(said: list[Word]) -> list[Word]:
    """The words without the commas and stops they end with ("the red block in the bowl, no, ...")."""
    end = len(said)
    while end > 0 and said[end - 1].tag in ("COMMA", "STOP"):
        end -= 1
    return said[:end]


def _taken_back(said: list[Word], then: list[Word], bare: bool) -> int | None:
    """Where the words a correction takes back start in ``said``: the last word with the tag of the first word
    after it, in the same phrase; None when there is none."""
    end = len(_unpunctuated(said))
    if not then or end == 0 or (bare and said[end - 1].tag not in {t.tag for t in then}) or \
            then[0].tag in PHRASE_BREAKS[1:]:  # a correction says again a word, never a joining one
        return None
    for j in range(end - 1, -1, -1):
        if said[j].tag == then[0].tag:
            return j
        if said[j].tag in PHRASE_BREAKS:
            return None
    return None


def _robot_parts(words: list[Word]) -> list[Word]:
    """The robot's parts dropped where they are the means ("with the gripper", "using the end effector") and
    kept as words not read elsewhere, so that a refusal names them ("move the end effector above the block")."""
    out: list[Word] = []
    for w in words:
        if w.tag != "PART":
            out.append(w)
        elif not (out and (out[-1].tag == "WITH" or out[-1].tag == "VERB" and out[-1].value == "use")):
            out.append(Word("UNKNOWN", w.text))
    return out


def _gerunds_as_verbs(words: list[Word]) -> list[Word]:
    """"start by moving the ball ...", "then lifting the cube ...": a gerund that opens a clause of a sequence
    is its verb (after "without" it stays what must not happen)."""
    return [Word("VERB", w.text, GERUND_VERBS[w.text]) if w.tag == "GERUND" and w.text in GERUND_VERBS and k > 0
            and words[k - 1].tag in ("FIRST", "THEN", "BEFORE") else w for k, w in enumerate(words)]


def _conditions_as_steps(words: list[Word]) -> list[Word]:
    """"once the ball is in the bowl, move ...", "as soon as the cube is on the plate, ...": a state said after
    "once" / "after" is one to reach first, a step of the sequence (its "is" as "should be"), not how things are."""
    out = list(words)
    for k, w in enumerate(words):
        if w.tag != "FIRST" or w.text not in CONDITION_OPENERS:
            continue
        for j in range(k + 1, len(words)):
            if words[j].tag in ("COMMA", "STOP", "THEN", "VERB", "ALREADY"):
                break
            if words[j].tag == "COPULA":
                out[j] = Word("MODAL", words[j].text, "should be")
                break
    return out


CONDITION_OPENERS = ("once", "after", "as soon as", "right after", "just after")


# fillers ("a tidy row") that, opening a clause, stand where its verb goes
VERB_FILLERS = ("tidy", "neaten")


def _clause_has_place(words: list[str], start: int) -> bool:
    """Whether the clause from words[start] says where something goes (a relation word)."""
    for w in words[start:]:
        if w in CLAUSE_ENDS:
            return False
        if w in RELATION_WORDS:
            return True
    return False


def _on_top_before_object(words: list[Word]) -> list[Word]:
    """"on top the red block", "on top the plate": "on top" with its "of" left out is the relation "on"
    where an object follows it; before anything else it says which end of a tower ("red on top")."""
    def noun_at(k: int) -> bool:
        tags = [w.tag for w in words[k:k + 2]]
        return tags[:1] in (["KIND"], ["KINDS"]) or tags in (["COLOR", "KIND"], ["COLOR", "KINDS"])

    return [Word("REL", w.text, "on") if w.tag == "TOP" and w.text == "on top" and noun_at(k + 1) else w
            for k, w in enumerate(words)]


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


