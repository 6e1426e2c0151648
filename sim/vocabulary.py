"""One vocabulary for words, task files and scenes: colours, kinds, places, relations.

Each entry is the simulator's own name and the everyday words people use for
it. The instruction parser, the scene builder, the task-file loader and the
coder all read these tables; nothing else lists colours or kinds.
"""

from __future__ import annotations

import functools

from sim.objects import COLORS as RGB, DEFAULT_SIZES

# colour -> the words for it (the name itself first)
COLORS: dict[str, tuple[str, ...]] = {
    "red": ("red", "crimson", "scarlet"),
    "green": ("green", "lime", "grn", "emerald"),  # "grn", "yel", "wht": a lab notebook's or a quick typist's shorthand
    "blue": ("blue", "navy", "azure", "cobalt"),
    "yellow": ("yellow", "yel", "ylw"),
    "orange": ("orange", "orng"),
    "purple": ("purple", "violet", "lilac", "lavender", "prpl"),
    "pink": ("pink", "magenta", "rose", "pnk"),
    "cyan": ("cyan", "teal", "turquoise", "aqua"),
    "white": ("white", "wht"),
    "black": ("black",),
    "brown": ("brown", "brn"),
    "gray": ("gray", "grey", "gry"),
}
assert set(COLORS) == set(RGB), "every simulator colour has words, and no word names a colour it lacks"

# Colour words people use that the simulator cannot paint: named when refused.
MISSING_COLORS = ("gold", "golden", "silver", "beige", "maroon", "olive", "tan", "indigo", "bronze", "copper",
                  "khaki", "cream", "ivory", "lavender-blue", "rainbow", "transparent", "clear", "striped",
                  "navy-blue", "amber", "mauve", "peach", "coral", "burgundy", "turquoise-blue", "fuchsia", "ochre",
                  "salmon", "mint", "chartreuse", "taupe", "mustard", "sepia", "platinum")

# kind -> the nouns for it, singular (the name itself first)
KINDS: dict[str, tuple[str, ...]] = {
    "block": ("block", "cube", "brick", "blk"),  # "blk": a lab notebook's shorthand
    "ball": ("ball", "sphere", "marble"),
    "bowl": ("bowl", "dish", "tub"),  # "chuck it in the tub": a round open holder
    "plate": ("plate", "saucer", "platter", "coaster"),
    "tray": ("tray", "bin", "basket", "box", "container"),
    "zone": ("zone", "area", "region", "patch", "pad", "square"),
    "hook": ("hook", "stick", "rake", "tool", "cane"),
    "marker": ("marker", "goal", "flag", "waypoint"),
    "barrel": ("barrel", "drum", "keg"),
    "cone": ("cone", "pylon"),
    "crate": ("crate", "tote"),  # a tote is a deep bin, loaded like a crate
}
assert set(KINDS) <= set(DEFAULT_SIZES), "every kind with words is one the simulator builds"

# Things people name that the simulator cannot make: refused by name, not misread.
UNKNOWN_THINGS = ("banana", "apple", "phone", "cup", "mug", "bottle", "pen", "pencil", "book",
                  "spoon", "fork", "knife", "toy", "doll", "car", "shoe", "sock", "can", "glass", "chair",
                  "lamp", "laptop", "keyboard", "mouse", "remote", "sponge", "towel", "egg", "potato",
                  "carrot", "lemon", "teddy", "pyramid", "cylinder", "ring", "key", "coin", "hammer",
                  "screwdriver", "vase", "jar", "lid", "wrench", "scissors", "pillow", "box of tissues",
                  # a ward's things
                  "syringe", "bandage", "thermometer", "stethoscope", "glove", "pill", "vial")

# Colour words that alone, as a noun, name a thing the simulator cannot make ("put the orange in the bowl"
# with no kind named: the fruit); beside a kind ("the orange block", "the blue block and the orange") a colour.
COLOR_NOUNS = ("orange", "lime", "rose", "lilac", "lavender", "violet")

CONTAINERS = ("bowl", "tray", "crate")  # things go *in* these (a crate is open-topped, and fixed)
SUPPORTS = ("plate", "block")          # things go *on* these
SURFACES = ("zone",)                   # painted: things go *onto* them, by pushing or placing
MOVABLE = ("block", "ball")            # what the arm picks up and places
TOOLS = ("hook",)
MOBILE_GOALS = ("marker", "barrel", "cone", "crate")  # where a mobile base drives to


def embodiment_for(kinds) -> str:
    """The robot a task over objects of these kinds needs: the mobile base for places it drives to, the arm
    when things it picks up go into a container that is also a place to drive to ("load the ball into the
    crate")."""
    kinds = set(kinds)
    goals = kinds & set(MOBILE_GOALS)
    if kinds & set(MOVABLE):
        goals -= set(CONTAINERS)
    return "husky" if goals else "panda"

# Places on the table (the robot's view: front is far from its base, left is +y).
CORNERS: dict[str, tuple[str, ...]] = {
    "front_left": ("front left", "far left", "top left", "left front", "left far", "upper left"),
    "front_right": ("front right", "far right", "top right", "right front", "right far", "upper right"),
    "back_left": ("back left", "near left", "bottom left", "left back", "left near", "lower left", "rear left"),
    "back_right": ("back right", "near right", "bottom right", "right back", "right near", "lower right",
                   "rear right"),
}
EDGES: dict[str, tuple[str, ...]] = {
    "front": ("front", "far", "top"), "back": ("back", "near", "bottom", "rear", "close"),
    "left": ("left",), "right": ("right",),
}
DIRECTIONS: dict[str, tuple[str, ...]] = {
    "left": ("left",), "right": ("right",), "front": ("forward", "forwards", "away", "front", "ahead"),
    "back": ("back", "backward", "backwards", "toward the robot", "towards the robot", "closer to the robot"),
}
ORDERS = ("left_to_right", "right_to_left", "front_to_back", "back_to_front")

# Relations between two objects, in the success vocabulary of `sim.predicates`.
SIDE_RELATIONS = ("left_of", "right_of", "in_front_of", "behind")
AMOUNTS = {"a bit": 0.05, "a little": 0.05, "slightly": 0.05, "a little bit": 0.05, "a tad": 0.05, "a smidge": 0.05,
           "a smidgen": 0.05, "a lot": 0.2, "a great deal": 0.2, "a good deal": 0.2, "far": 0.2, "well": 0.15, "way": 0.2, "much": 0.2}

# relation -> the words for it (a preposition phrase; "the" is dropped before matching)
RELATIONS: dict[str, tuple[str, ...]] = {
    "in": ("in", "into", "inside", "inside of", "in to", "within"),
    # "the orange block tops the pink block": what tops, caps or crowns another is on it
    "on": ("on", "onto", "on top of", "on to", "upon", "atop", "over", "above", "ontop of", "ontop", "tops", "caps",
           "crowns"),
    "under": ("under", "underneath", "beneath", "below"),
    "left_of": ("left of", "to left of", "on left of", "to left side of", "on left side of", "at left of",
                "to left-hand side of", "on left-hand side of"),
    "right_of": ("right of", "to right of", "on right of", "to right side of", "on right side of",
                 "at right of", "to right-hand side of", "on right-hand side of"),
    "in_front_of": ("in front of", "beyond", "past", "on far side of", "farther away than", "ahead of", "forward of",
                    # a comparison with the robot: "farther from the robot than the bowl" is beyond the bowl
                    "farther from robot than", "further from robot than", "farther away from robot than",
                    "further away from robot than", "farther from you than", "further from you than"),
    "behind": ("behind", "in back of", "on near side of", "at back of", "back of", "closer to robot than",
               "nearer to robot than", "nearer robot than", "closer to you than", "nearer to you than"),
    "next_to": ("next to", "beside", "besides", "alongside", "by", "adjacent to", "up against", "against",
                "by side of", "at side of", "either side of", "on either side of", "to either side of",
                # "put the ball to the side of the bowl": beside it, on no side said
                "to side of", "to one side of", "off to side of"),
    "near": ("near", "close to", "near to", "nearby", "close by", "up to", "to",
             # "not too far from the bowl": a distance denied a far one is a near one
             "not far from", "not too far from", "not so far from", "not very far from", "not far away from",
             "not too far away from"),
}
UNITS = {"cm": 0.01, "centimetre": 0.01, "centimeter": 0.01, "centimetres": 0.01, "centimeters": 0.01,
         "mm": 0.001, "millimetre": 0.001, "millimeter": 0.001, "millimetres": 0.001, "millimeters": 0.001,
         "m": 1.0, "metre": 1.0, "meter": 1.0, "metres": 1.0, "meters": 1.0,
         "inch": 0.0254, "inches": 0.0254, "in.": 0.0254, "foot": 0.3048, "feet": 0.3048, "ft": 0.3048,
         "cms": 0.01, "mms": 0.001}


def color_of(word: str) -> str | None:
    """The simulator colour a word names ("grey" -> "gray"), or None."""
    return _names()[0].get(word)


def kind_of(noun: str) -> str | None:
    """The simulator kind a noun names, singular or plural ("cubes" -> "block"), or None."""
    return _names()[1].get(noun)


@functools.cache
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """Every word for a colour and every spelling of a kind -> its simulator name, the first table entry winning.

    The reader looks up each run of words it tries, dozens per instruction: a dict instead of a scan of the
    tables keeps that off the parse time.
    """
    colors: dict[str, str] = {}
    for name, words in COLORS.items():
        for w in words:
            colors.setdefault(w, name)
    kinds: dict[str, str] = {}
    for name, words in KINDS.items():
        for w in words:
            for spelling in (w, *plurals(w)):
                kinds.setdefault(spelling, name)
    return colors, kinds


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for words joined into a regular expression's alternatives: longer words first, so "cubes" is
    tried before "cube", and words of one length in a fixed order, so a pattern is the same in every process
    (sets iterate in a different order each time, and compiled patterns are kept by their text)."""
    return -len(word), word


@functools.cache
def color_words() -> tuple[str, ...]:
    """Every word for a colour, longest first (`longest_first`), as a pattern's alternatives list them."""
    return tuple(sorted({w for words in COLORS.values() for w in words}, key=longest_first))


def plurals(noun: str) -> tuple[str, ...]:
    """The plural spellings of a noun ("box" -> "boxes")."""
    if noun.endswith(("x", "sh", "ch", "s")):
        return (noun + "es",)
    return (noun + "s",)
