"""The words instructions are made of: the verbs, fillers and numbers the reader knows, each phrase with what it
is (a verb, a relation, a colour, ...), read from one table (`lexicon`) built over `sim.vocabulary`."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from sim import vocabulary as vocab


class InstructionError(ValueError):
    """The instruction cannot be read or cannot be done; the message is one line."""

    def __init__(self, message: str, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.reason = reason


VERBS: dict[str, tuple[str, ...]] = {
    "put": ("put", "yeet", "putting", "placing", "place", "set", "give", "chuck", "park", "send", "dropping", "setting",
            "bringing", "stick it", "drop", "drop off", "dropping off", "lay", "position", "stick", "pop", "toss", "throw", "load", "transfer",
            "deposit", "get", "bring", "hurl", "fling", "lob", "relocate", "shift", "reposition", "carry", "plop", "plonk", "rest",
            "set down", "put down", "lower", "leave it", "tuck", "dump", "slot", "insert", "stand", "gather",
            "fit", "squeeze", "deliver", "transport", "haul", "ferry", "convey", "release", "bung", "plunk", "stow",
            "stash", "tip", "return", "revert", "stage", "hide", "conceal", "pack", "nest", "scoop", "whisk", "dunk",
            "dispense", "aliquot", "cluster", "huddle", "plant", "guide", "settle", "rescue",
            # a librarian's words for putting a thing where it is kept ("shelve the cube in the crate")
            "shelve", "reshelve", "file", "refile",
            # a dispatcher's and a poet's words for sending a thing on its way ("route the cube to the tray")
            "route", "dispatch", "bear",
            # an accountant's words for moving an amount to an account ("reallocate the cube to the tray"), and
            # a host's for settling a thing in snugly ("nestle the block into the corner")
            "allocate", "reallocate", "nestle"),
    "move": ("move", "take", "moved", "unstack", "taking", "moving it", "scoot", "scooch", "scootch", "shuffle",
             "translate", "displace", "remove", "extract", "translating", "unload", "offload", "ease", "advance"),
    "pick": ("pick up", "grab", "lift", "pick", "grasp", "collect", "raise", "fetch", "take hold of", "hold"),
    "stack": ("stack", "pile", "stack up", "pile up", "build", "make", "balance", "rebuild", "restack", "assemble",
              "construct", "erect", "layer", "heap", "heap up"),
    "push": ("push", "slide", "shove", "nudge", "sweep", "poke", "pushing", "sliding", "shoving"),
    "pull": ("pull", "yoink", "drag", "rake", "draw", "retrieve", "hook in", "reel in", "pull in", "drag in", "draw in",
             "rake in", "bring near", "bring closer", "draw near"),  # "bring near the red cube": the object after
    "go": ("go", "drive", "navigate", "nav", "head", "travel", "roll", "proceed", "come", "steer", "approach", "visit",
           "make your way", "get yourself", "reach", "wander", "stroll", "amble", "trundle",
           "traverse", "nip", "toddle", "potter", "mosey", "pull up", "zoom", "whizz", "zip", "taxi", "land", "report to", "journey",
           "trek", "wend your way", "wend",  # a poet's "wend thy way to the marker"
           # a coach's words for going: "run to the blue marker", "sprint over to the cone"
           "run", "sprint", "jog", "dash", "race", "rush",
           # going on foot or at ease: "walk slowly to the yellow marker", "cruise over to the cone"
           "walk", "stride", "cruise", "glide", "saunter"),
    "sort": ("sort", "organise", "organize", "group", "match", "separate", "distribute", "sorted", "segregate",
             "classify", "categorise", "categorize", "partition"),
    "arrange": ("arrange", "line up", "line", "align", "lay out", "spread", "spread out", "order", "set out",
                "organise them", "arranged", "aligned"),
    "leave": ("leave", "keep", "keeping", "leaving", "stay", "stays", "remain", "remains"),
    "touch": ("touch", "disturb", "bump", "knock", "hit", "move", "nudge"),
    "lift_verb": ("lifting", "picking up", "raising", "lift", "picking"),
    "change": ("paint", "turn", "change", "reshape", "melt", "bend", "break", "cut", "squash", "inflate",
               "grow", "shrink", "dye", "recolor", "recolour", "transform", "fold", "crush", "eat", "smash",
               "split", "merge", "weld", "glue", "flatten", "round", "colour", "color it", "repaint", "tint", "stain",
               "become", "becomes", "turn into", "turns into"),  # "make the cube to become green"
    "use": ("use", "using", "with help of", "employ", "employing", "utilise", "utilize", "make use of", "actuate",
            "wield", "wielding"),
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
          "end up", "ends up", "end", "ends", "sure", "make sure", "making sure", "makes sure", "ensure", "ensures",
          "ensuring", "is placed", "are placed",
          "placed", "positioned", "sitting", "lying", "resting", "its position", "so that", "which",
          "currently", "here", "this", "these", "those", "single", "little", "small", "big", "tiny",
          "whole", "entire", "well", "again", "very", "ever so", "really", "all the way", "over", "out", "itself", "themselves",
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
          "would you mind", "do you mind", "mind", "instead", "thank you", "cheers", "ta", "ty", "hey robot", "ok robot",
          "okay robot", "hi robot", "yo", "someone",
          # a player's asides: how it is said, never what is asked
          "ez", "gg", "lol", "lmao", "ngl", "fr", "bro", "bruh", "lil", "brrr", "go brrr", "real quick", "speedrun", "pls",
          "tbh", "imo", "fam", "dude", "kinda", "sorta", "rly", "no cap", "omg", "omfg",
          "would go hard", "go hard", "goes hard", "would slap",
          # the sentence particles of Singapore and Malaysian English: a tone, never what is asked
          "lah", "leh", "lor", "hor", "meh",
          # the heading words of a spec ("push task: ...")
          # how a thing sits, and a note's opening: how things are, never what is asked
          "chilling", "chillin", "hanging", "hanging out", "sittin", "note that", "note", "please note",
          "before we begin", "before we start", "before you begin", "before you start", "ordered",
          # finding an object only says which one the next verb acts on ("find the block ... and place it ...")
          "find", "locate", "identify", "look for", "today", "this time",
          "task", "tasks", "subtask", "quest", "objective", "spec", "specification", "requirement", "requirements", "somebody", "for a reason", "traffic", "at",
          "gentle", "slight", "light", "soft", "firm", "careful", "high", "tall", "close", "between them",
          # how an object looks from afar or waits, said by a poet: never which one nor where ("the distant cube")
          "distant", "waiting", "patient",
          "apart", "um", "uh", "uhm", "erm", "er", "ah", "oh", "hmm", "more",
          # thanks, praise and haste: how it is asked, never what
          "great", "awesome", "perfect", "wonderful", "lovely", "brilliant", "magnificent", "superb", "fantastic",
          "amazing", "marvellous", "marvelous", "splendid", "terrific", "sensational", "clever", "asap", "quick", "hello", "greetings",
          "buddy", "mate", "pal", "friend", "dear", "as soon as possible", "in advance", "appreciated",
          "appreciate it", "would be great", "that would be great", "much appreciated", "ya", "so kind as to",
          "kind enough to", "grateful", "would be grateful", "when you get a moment", "when you get a chance",
          "when you have a moment", "when you have a chance", "where it belongs", "where they belong",
          "without further ado", "hurry", "hurry up", "make it snappy", "make it count", "make it happen", "make it pay", "make it pop", "make it rain",
          "make it so", "chop chop", "for crying out loud",
          # haste and pleading said the British, the Nigerian or the texting way: "..., sharpish", "abeg, ...", "idk"
          "sharpish", "pronto", "on the double", "abeg", "biko", "idk", "i dunno", "dunno", "uhh", "uhhh", "ugh fine",
          "ok fine", "okay fine", "fine then", "or something", "or some thing", "or something like that",
          "or some thing like that",
          "for goodness sake", "for heaven's sake", "for pete's sake", "nice and easy", "nice and slow",
          "ever",  # "don't ever lift it", "lifted, ever": said for weight, never what is asked
          # how a thing came to be, or whether it is a bother: never what is asked
          "by mistake", "by accident", "in error", "by error", "if it is not too much trouble",
          "if it is no trouble", "if it is not any trouble", "if that is not too much trouble", "if you do not mind",
          "if that is ok", "if that is okay", "if that is alright", "if that is all right", "if it is ok",
          "if it is okay", "if possible please", "if you would", "if you could",
          "be advised", "please be advised", "execute", "execute now", "by way", "btw", "fyi", "hey all", "hi all", "hey guys", "hi guys", "hey everyone", "hi everyone", "guys", "several", "anywhere", "any ideas", "makes sense", "make sense", "just so you know", "for your information", "for what it is worth",
          # a speaker's hedges, pauses and pet names: how it is said, never what
          "you know", "kind of", "kinda", "sort of", "sorta", "i guess", "i think", "i suppose", "i reckon",
          "let me think", "let me see", "lemme think", "lemme see", "thing is", "the thing is", "basically",
          "honey", "sweetie", "sweetheart", "darling", "hun", "love", "luv", "pet", "poppet", "kiddo",
          "yeah", "yes", "yep", "yup", "innit", "eh", "that is it", "that is all", "that will be all",
          "that is everything", "and that is it", "and that is all", "first things first", "right then", "right so", "off you go",
          "your turn", "my turn", "our turn", "vertical",  # "a vertical stack": a stack
          # "dead centre", "slap bang in the middle": exactly there
          "smack", "smack bang", "slap bang", "bang", "dead", "ish",
          # for how long a condition holds ("at any point": "at" is dropped), which is the whole task anyway
          "any point", "any time", "all times", "throughout", "during task", "during this task", "during whole task",
          "during entire task", "throughout task",
          # a child's or a parent's exclamations
          "yay", "hooray", "hurray", "wow", "ooh", "yippee", "whee", "oopsie", "whoops", "whoopsie", "uh oh", "ugh",
          "vroom", "vrooom", "brrm", "brrrm", "brrrrm", "beep beep", "choo choo",  # a toy's noises
          "argh",
          # a teacher's praise and reminders: how it is said, never what
          "good job", "great job", "well done", "nice work", "good work", "nice job", "remember", "remember that",
          "oh look", "look here", "see here",
          # power, not a swap or a change: "is the robot switched on?" asks nothing of the objects
          "switch on", "switched on", "switch off", "switched off", "turn on", "turned on", "turn off", "turned off",
          "power on", "powered on", "power off", "powered off",
          # how closely one thing sits by another ("the immediate left of", "flush against", "a short distance
          # in front of"): the relation is the same, and no distance is asked
          "immediate", "immediately", "flush", "short distance", "small distance", "short way",
          # "at a distance of 10 cm to the right of": the amount after it says how far
          "at a distance of", "at distance of", "a distance of", "distance of"}
# Words that are filler only in some places are listed again in PHRASES below, which win.

COPULA = ("is", "are", "sits", "sit", "starts", "start", "lies", "lie", "stands", "was", "were", "located",
          "is located", "are located", "situated", "is situated", "are situated",
          "is sitting", "are sitting", "is lying", "are lying", "is resting", "are resting", "begins",
          "is currently", "are currently", "rests", "is placed", "are placed", "currently sits",
          "ended up", "has ended up", "have ended up", "wound up", "landed", "has landed", "have landed",
          "fell", "has fallen", "have fallen", "rolled", "has rolled", "have rolled",  # how it got there
          "has been left", "have been left", "had been left", "resides", "reside",
          # "the cube is stuck in the crate": how it is, with no way out said
          "is stuck", "are stuck", "got stuck", "is trapped", "are trapped", "is caught", "are caught")

# Words that only say which objects there are ("there's a green bowl and a blue bowl. ..."): the objects
# count as named, so a later bare "the bowl" is one of them.
INTRODUCING = ("there is", "there are", "i have", "i've got", "i have got", "we have", "we've got", "here is",
               "here are", "you have", "you've got")

SEQUENCE = ("then", "and then", "after that", "afterwards", "afterward", "next", "finally", "after this",
            "once done", "once that is done", "when done", "when that is done", "after that is done",
            "once that is finished", "when that is finished", "once finished", "when finished", "lastly", "and finally", "followed by", "later",
            "subsequently", "secondly",
            # "..., and after that, ...": the "and" before the step's word joins nothing more
            "and after that", "and afterwards", "and afterward", "and after this", "and next", "and subsequently",
            "and thereafter", "thereafter")
FIRST = ("first", "firstly", "to start", "to begin", "first of all", "begin by", "start by",
         "first thing", "first things first", "first off")  # "first thing, put ...": the first step

# Words that take back what was just said and say it again ("the red, sorry i mean the blue block"): what
# follows replaces the last words of the same kind before them (see `_corrected`).
CORRECTIONS = ("sorry", "i mean", "sorry i mean", "i meant", "no i mean", "no sorry", "sorry no", "no wait",
               "wait no", "wait", "actually no", "no actually", "actually make that", "make that", "or rather",
               "scratch that", "correction", "my mistake", "my bad", "oops", "actually", "on second thought",
               "on second thoughts", "change of plan", "hang on", "nope", "or actually", "or no", "strike that",
               "scrap that", "forget that", "cancel that", "ignore that", "disregard that")
# A pause ("put it in the tray, er, the bowl"): a correction only where an object of the same kind is said again
# after it; elsewhere it says nothing
HESITATIONS = ("er", "erm", "uh", "uhm", "um", "umm")
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
    add(["leftmost", "left-most", "left most", "furthest left", "farthest left", "most left"], "SIDEMOST", "leftmost")
    add(["rightmost", "right-most", "right most", "furthest right", "farthest right", "most right"], "SIDEMOST", "rightmost")
    add(["frontmost", "front-most", "front most", "furthest forward", "farthest forward", "most front", "most forward"],
        "SIDEMOST", "frontmost")
    add(["backmost", "rearmost", "back-most", "back most", "hindmost", "most back", "most rear"], "SIDEMOST", "backmost")
    # "the bowl on the right", "the block at the very back", "the block most at the front": where an object is
    # picks it out of its kind
    for side, rule in (("left", "leftmost"), ("right", "rightmost"), ("back", "backmost"), ("rear", "backmost"),
                       ("front", "frontmost"), ("far end", "frontmost"), ("near end", "backmost")):
        add([f"{most}{at} {very}{side}{tail}" for most in ("", "most ") for at in ("on", "at")
             for very in ("", "very ", "far ") for tail in ("", " side", " hand side", " end")], "SIDEMOST", rule)
    add(["largest", "biggest", "bigger", "larger", "greatest"], "SIZEMOST", "largest")
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
    add(["farthest", "furthest", "farther", "further", "most distant", "remotest", "farthest away", "furthest away"],
        "SUPER", "farthest")  # "the block furthest away": from the robot, not a way to move it
    for word, rank in ORDINALS.items():
        add([word], "ORD", rank)
    add(["other", "remaining", "another", "second one"], "OTHER")
    add(["former"], "LISTED", 1)  # "the former ... the latter": the objects of a list by place (`_listed_order`)
    add(["latter"], "LISTED", 2)
    add(["one", "ones"], "ONE")
    # "the red guy", "the blue thingy": after a colour, a word for any object says what "the red one" says (alone it
    # names no kind the simulator has, and is refused by name)
    add(["guy", "guys", "thing", "things", "thingy", "thingies", "thingamajig", "doodad", "fella"], "ONE", "informal")
    add(["it", "them", "they", "that one", "this one", "those ones", "the thing", "em", "'em"], "PRON")
    add(["all", "every", "all of", "each of", "every single", "all of them", "everything", "each and every",
         "every last"],
        "ALL")
    add(["each"], "EACH")
    add(["both", "both of"], "BOTH")
    add(["of"], "OF")
    add(["and", "as well as", "along with", "plus", "together with", "but", "while", "and also"], "AND")
    add(["or"], "OR")
    add(["not", "never", "do not", "does not", "dont", "don't", "no", "nor", "must not", "should not", "may not",
         "may never",
         "avoid", "without ever", "cannot", "can not", "not to", "make sure not to", "be careful not to",
         "careful not to", "try not to", "take care not to", "taking care not to", "being careful not to",
         "do not you dare", "do not dare",
         "no longer", "not any longer"], "NOT")  # "then: the block no longer on the plate"
    add(["without", "with no", "but not", "but do not"], "WITHOUT")
    # "every block except the red one": a group less some of it
    add(["except", "except for", "excluding", "apart from", "other than", "save for", "with exception of",
         "but for", "leaving out", "aside from", "save", "bar", "barring"], "EXCEPT")
    add(["with", "by using", "via", "by means of"], "WITH")
    add(CORRECTIONS, "CORRECT")
    add(HESITATIONS, "CORRECT", "hesitation")
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
         "belongs", "belong", "goes", "lands", "go back", "needs to go", "should go", "must go", "would rather",
         "would prefer",
         # a seller's wish said as how it would look: "the green block would look fantastic next to the plate"
         "would look", "will look", "would look good", "would look best", "would look nice", "would look better",
         # "I want that the ball is in the bowl": a wish, so what follows is how things are to be
         "want that", "wants that", "wish that", "would like that", "hope that", "would love that"],
        "MODAL")
    add(["already", "initially", "at start", "at the start", "to begin with", "right now", "rn", "at moment", "moment",
         *INTRODUCING,
         "currently"], "ALREADY")
    # "the white plate and the black plate are both empty": only says the objects are there (named, so a
    # later bare "the plate" could be either); "empty the tray" stays a word not read
    add(["is empty", "are empty", "are both empty", "both are empty", "is still empty", "are still empty",
         "is full", "are full", "is already full", "are already full", "is in play", "are in play",
         "are both in play", "are all in play",
         # a sports fan's "red plate and yellow plate on deck": both there, next up
         "in play", "on deck", "is on deck", "are on deck", "are both on deck", "both on deck", "are all on deck"],
        "COPULA")
    add(["where it is", "where they are", "in place", "where it was", "alone", "as it is", "as they are",
         "untouched", "unchanged", "still", "unmoved", "stationary", "in its place", "in their place", "undisturbed",
         "where it started", "stay put", "stays put", "remain put", "remains put", "staying put", "it there",
         "them there", "fixed", "static", "in position", "where they were", "where they started",
         # a radio call's "hold": stay where it is
         "hold position", "hold your position", "hold its position", "hold their position", "holding position"],
        "WHERE")
    add(["within reach", "in reach", "within arm's reach", "reachable", "within range", "in range",
         "near robot", "in reach of robot", "within robot's reach", "into robot's reach", "close enough",
         "close enough to grab", "close enough to reach", "into its reach", "into arm's reach", 
         "back in reach", "within its reach", "into reach", "can be reached", "it can be reached",
         "can reach it", "can be grasped"], "REACH")
    add(["out of reach", "out of range", "too far", "unreachable", "beyond reach", "too far away", "too far to grab", "too far away to grab", "too far to reach", "too far away to reach",
         "beyond its reach", "out of its reach", "out of robot's reach", "beyond arm's reach", "far out of reach",
         "out of arm's reach", "beyond robot's reach"], "OUT_OF_REACH")
    add(["by color", "by their color", "by its color", "according to color", "by colors",
         "according to their color", "by colour",
         # "... so the colours match": the colours matched is what sorting by colour asks
         "so colors match", "so that colors match", "so their colors match", "so that their colors match",
         "so colors match up", "so that colors match up", "with colors matching", "so colors are matching",
         "so that colors are matching"], "BYCOLOR")
    add(["of its color", "of its own color", "of their color", "of their own color", "of same color",
         "that matches its color", "that matches their color", "matching its color", "matching their color",
         "with same color", "in same color", "same color", "of matching color", "its own color",
         # a learner's order, the adjective after its noun: "to the bowls, colour same"
         "color same", "of color same", "with color same", "in color same",
         "their own color", "its color", "their colors", "their color", "matching", "corresponding",
         "that is its color", "that is same color as it", "same color as it", "same color as them",
         "same colors as them", "with same colors as them", "that is their color", "of same colors",
         "with same color as them", "with same color as it", "of same color as them", "of same color as it",
         "that matches", "which matches", "its own", "their own", "of same colour", "same colored",
         "same coloured", "matching colored", "matching coloured", "color-matched", "that match", "matched",
         "matched up", "that shares its color", "that share their color", "that shares their color",
         "sharing its color", "sharing their color", "shares its color", "share their color",
         "that shared its color", "that shared their color",
         "of identical color", "identical color", "with identical color", "color for color"], "MATCH")
    add(["own corner", "separate corner", "different corner", "separate corners", "different corners",
         "own corners", "their own corner", "a corner each", "one corner each", "a different corner",
         "per corner", "one per corner", "every corner", "one in every corner", "one in each corner",
         "corner to itself", "corner to themselves", "corner of its own", "corner of their own", "corner each",
         "its own corner", "each corner", "four corners", "corners",
         # "distribute the cubes each in a corner": one to a corner ("a" is gone by now)
         "each in corner", "each into corner", "each to corner", "each in a corner", "each into a corner"], "CORNERS")
    add(["corner"], "CORNERWORD")
    for place, words in vocab.CORNERS.items():
        add([f"{w} corner" for w in words], "CORNER", place)
        # "put it in the back right": a corner without the word; not "far left"/"left back", which start a
        # side or an amount as often ("far left of the tray")
        add([w for w in words if not w.startswith(("far", "near", "left", "right"))], "CORNER", place)
    add(["middle of board", "center of board", "centre of board"], "MIDDLE")
    add(["middle", "center", "centre", "middle of table", "center of table", "centre of table",
         "table's center", "table's centre", "table center", "table centre", "the middle",
         # a poet's "the table's heart": its middle
         "table's heart", "heart of table"], "MIDDLE")
    add(["edge", "side", "border", "rim", "edges", "end"], "EDGE")
    # a desk or a workbench is the table the robot works on
    add(["table", "table's", "workspace", "work area", "tabletop", "table top", "surface", "desk", "desk's",
         "desktop", "workbench", "work surface", "bench", "lab bench", "benchtop", "bench top",
         # a game's board, to a commentator ("it never leaves the board": `GERUND`; "the centre of the board":
         # `MIDDLE`); a board alone may be a thing the simulator lacks ("the cutting board")
         "chessboard", "game board"], "TABLE")
    add(["line", "row", "column", "straight line", "single line", "single row", "a line", "a row", "lined up",
         "lined", "in a line", "in a row", "neat line", "neat row",
         "line up", "queue",
         # a group "side by side" is in a row (two objects named side by side are beside each other: `reciprocal`)
         "side by side", "side-by-side"], "LINE")
    add(["tower", "stack", "pile", "tower out of", "stack out of"], "TOWER")
    add(["keeping it on table", "keep it on table", "keeping it on table whole time", "on table whole time",
         "keep it flat on table", "keeping it in contact with table", "keep it in contact with table",
         "in contact with table", "in contact with table whole time", "keep it on table whole time", "without it leaving table"], "KEEPDOWN")
    add(["stacked", "piled", "piled up", "stacked up", "in a stack", "in a tower", "in a pile", "stacked on top of each other",
         "on top of each other", "on top of one another", "stacked on each other"], "STACKED")
    add(["bottom", "base", "foundation", "at bottom", "on bottom", "as base", "underneath",
         # a builder's and a surveyor's words for a tower's lowest and highest level ("the red at the crown")
         "ground floor", "on ground floor", "at ground floor", "ground level", "at ground level"], "BOTTOM")
    add(["top", "on top", "at top", "uppermost", "topmost", "aloft",
         "crown", "at crown", "summit", "at summit", "peak", "at peak", "apex", "at apex", "pinnacle", "top floor",
         "on top floor", "at top floor", "penthouse", "in penthouse", "as penthouse"], "TOP")
    add(["from"], "FROM")
    add(["to", "toward", "towards", "for"], "TO")
    add(["left to right", "from left to right", "left-to-right"], "ORDER", "left_to_right")
    # a list said "starting from the bottom" (or "starting at the top": "at" is gone by now) runs from that end
    add(["bottom to top", "from bottom to top", "bottom up", "from bottom up", "starting from bottom",
         "starting bottom", "starting with bottom", "beginning from bottom", "beginning bottom"],
        "ORDER", "bottom_to_top")
    add(["top to bottom", "from top to bottom", "top down", "from top down", "in that order from top",
         "starting from top", "starting top", "starting with top", "beginning from top", "beginning top"],
        "ORDER", "top_to_bottom")
    add(["right to left", "from right to left", "right-to-left"], "ORDER", "right_to_left")
    add(["front to back", "from front to back", "far to near"], "ORDER", "front_to_back")
    add(["back to front", "from back to front", "near to far", "going away from robot", "leading away from robot",
         "going away from you", "going outward from robot", "running away from robot", "running away from you",
         "stretching away from robot", "stretching away from you"], "ORDER", "back_to_front")
    add(["coming toward robot", "coming towards robot", "going toward robot", "going towards robot"], "ORDER",
        "front_to_back")
    add(["in that order", "in order", "in this order", "in the order given", "in order named"], "INORDER")
    # why the task is asked ("since the bowl is empty, ...", "... so that the two are side by side"): see `_reasons`
    add(["because", "since", "so that", "in order to", "so as to", "seeing that", "seeing as", "now that", "as long as",
         "such that", "in such a way that",
         # "..., out of the way of my knitting": why it goes where the words said, after them
         "out of way of", "out of my way", "out of your way", "out of our way"], "REASON")
    add(["left", "right", "front", "near side", "forward", "forwards", "ahead", "back", "rear",
         "backward", "backwards"], "SIDE")
    add(["leftwards", "leftward"], "SIDE", "left")
    add(["rightwards", "rightward"], "SIDE", "right")
    for amount, metres in vocab.AMOUNTS.items():
        add([amount, amount.removeprefix("a ")], "AMOUNT", metres)
    add(["wee", "wee bit", "teeny bit", "teensy bit", "weeny bit"], "AMOUNT", 0.05)  # "a wee nudge": a bit
    add(["hair", "hair's breadth", "hairsbreadth", "whisker"], "AMOUNT", 0.05)  # "a hair to the right": a bit
    # "a little to the left, not much": a lot denied is a bit, never "not" said of the move
    # ("not far" stays apart: "not far from the bowl" is near it)
    add([f"{but}not {much}" for but in ("", "but ") for much in ("much", "too much", "very much", "lot")],
        "AMOUNT", 0.05)
    add(["away from robot", "further from robot", "farther from robot", "away", "further away from robot",
         "farther away from robot", "further away", "farther away"], "SIDE", "front")
    add(["long way", "good way", "long distance", "good distance"], "AMOUNT", 0.2)
    add(["towards robot", "toward robot", "closer to robot", "nearer to robot", "nearer robot", "towards you",
         "toward you", "closer to you", "nearer to you", "towards yourself"], "SIDE", "back")
    add(["away from you", "further from you", "farther from you", "further away from you",
         "farther away from you"], "SIDE", "front")
    # "toward the far side (of the table)": away from the robot; "the near side": toward it
    add([f"{to} {end} {part}{of}" for to in ("toward", "towards") for end in ("far", "farther", "further")
         for part in ("side", "end", "edge") for of in ("", " of table")], "SIDE", "front")
    add([f"{to} {end} {part}{of}" for to in ("toward", "towards") for end in ("near", "nearer", "close")
         for part in ("side", "end", "edge") for of in ("", " of table")], "SIDE", "back")
    add(list(vocab.UNITS), "UNIT")
    add(["color", "colors", "shape", "size", "form", "colour"], "PROPERTY")
    add(["floor", "ceiling", "room", "wall", "window", "door", "ground", "outside", "off table", "off of table",
         "clean off table", "clear off table", "right off table", "straight off table",
         "off edge of table", "off side of table", "work cell", "cell", "building", "kitchen", "shelf", "drawer",
         "fridge", "pocket", "sky", "space", "moon", "roof", "lab", "another room", "next room", "hallway",
         "out of work cell", "out of workspace", "outside workspace", "beyond table", "mars", "house", "home",
         "garden", "yard", "garage", "office", "street", "trash", "attic", "basement", "corridor", "elevator",
         "stairs", "outdoors"],
        "ELSEWHERE")
    add(["robot", "robot arm", "mobile robot", "rover", "bot", "husky", "mobile base"], "ROBOT")  # "husky": the mobile base
    for verb_class, words in VERBS.items():
        add(words, "VERB", verb_class)
    for word, verb in GERUNDS.items():
        add([word], "GERUND", verb)
    # "it must never leave the table": kept on it, as "without lifting it" (unnegated, "off the table" is
    # ELSEWHERE)
    add(["leave table", "leaves table", "leaving table", "leave surface", "leaves surface", "leaving surface",
         "leave board", "leaves board", "leaving board",
         "come off table", "comes off table", "coming off table", "lose contact with table",
         "loses contact with table", "losing contact with table"], "GERUND", "lift")
    for rel, words in vocab.RELATIONS.items():
        add(words, "REL", rel)
    # "left of the plate but not far from it": near it as well ("but not" here denies no place)
    add([f"but {w}" for w in vocab.RELATIONS["near"] if w.startswith("not ")], "REL", "near")
    return table


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, tuple[str, Any]], int]:
    """The phrase table and its longest phrase, in words."""
    table = _phrases()
    return table, max(len(k.split()) for k in (*table, *FILLER))  # fillers of many words are matched whole


CARDINALS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}


# participles and past forms that no suffix rule finds
IRREGULAR_FORMS = {"slid": "slide", "driven": "drive", "drove": "drive", "made": "make", "got": "get", "gotten": "get",
                   "laid": "lay", "thrown": "throw", "threw": "throw", "held": "hold", "drawn": "draw", "drew": "draw",
                   "swept": "sweep", "stood": "stand", "took": "take", "sent": "send", "brought": "bring",
                   "taken": "take", "built": "build", "kept": "keep"}


def verb_form(word: str, table: dict[str, tuple[str, Any]]) -> Word | None:
    """A word not in the lexicon that is a form of one of its verbs, read as that verb: the passive and past
    ("is to be pushed", "gets slid", "dragged"), the gerund ("sorting") and the action noun ("placement of",
    "insertion", "removal", "retrieval"). Only a stem that is a known verb counts, so a word merely ending like
    one ("speed", "bed") stays unread."""
    stems = [IRREGULAR_FORMS[word]] if word in IRREGULAR_FORMS else []
    for suffix, tails in (("ed", ("", "e")), ("ied", ("y",)), ("ing", ("", "e")), ("ment", ("",)),
                          ("ion", ("", "e")), ("al", ("e",))):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[:-len(suffix)]
            stems += [base + t for t in tails]
            if len(base) > 3 and base[-1] == base[-2]:
                stems.append(base[:-1])  # "dragged", "stopping"
    for stem in stems:
        hit = table.get(stem)
        if hit is not None and hit[0] == "VERB":
            return Word("VERB", word, hit[1])
        if hit is not None and hit[0] == "TOWER":  # "stacking of the blocks"
            return Word("VERB", word, "stack")
    return None


# who is said to do the task, before a verb in the third person ("the robot places ...", "then it pushes ...")
DOERS = ("it", "he", "she", "robot", "arm", "gripper")


def third_person(word: str, table: dict[str, tuple[str, Any]]) -> Word | None:
    """"places", "pushes", "carries": a verb in the third person, as a teacher tells what the robot does, read as
    that verb; only a stem that is a known verb counts (the caller asks only right after who does it, so a
    noun in the plural is never read so)."""
    stems = [word[:-1]] if word.endswith("s") else []
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    for stem in stems:
        hit = table.get(stem)
        if hit is not None and hit[0] == "VERB":
            return Word("VERB", word, hit[1])
    return None


def lookup(phrase: str, table: dict[str, tuple[str, Any]]) -> Word | None:
    """The tagged word a phrase is: from ``table`` (`lexicon`), else a colour, a kind, a number or a filler of
    the vocabulary; None when the reader does not know it."""
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
