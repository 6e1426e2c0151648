"""A Scots speaker's words said in English: "pit the wee cube intae the bowl", "set it doon ahint the plate", "heid
ower tae the marker", "pit a' the red yins in the crate", "it's on the plate the now". Each Scots word is read as the
English word it stands for, only where it cannot be an English word itself ("pit" only before what it puts)."""

from __future__ import annotations

import re

# whole words that are only ever Scots, with the English they stand for
SCOTS_WORDS = {"tae": "to", "intae": "into", "ontae": "onto", "oantae": "onto", "oan": "on", "yin": "one",
               "yins": "ones", "doon": "down", "ower": "over", "heid": "head", "gaun": "go", "fae": "from",
               "frae": "from", "ahint": "behind", "oot": "out", "ootside": "outside", "ootwith": "outside",
               "outwith": "outside", "gie": "give", "gies": "give", "wi": "with", "richt": "right", "roond": "round",
               "aboot": "about", "whit": "what", "thon": "that", "yon": "that", "thae": "those", "yer": "your",
               "dinnae": "do not", "dinna": "do not", "dinny": "do not", "cannae": "cannot", "canna": "cannot",
               "disnae": "does not", "doesnae": "does not", "isnae": "is not", "isny": "is not",
               "wouldnae": "would not",
               "couldnae": "could not", "shouldnae": "should not", "nae": "no", "afore": "before", "efter": "after",
               "awa": "away", "aff": "off",
               "tak": "take", "taks": "takes", "reid": "red", "broon": "brown", "alang": "along", "dunt": "shove",
               "doot": "doubt", "oor": "our", "ain": "own", "mair": "more", "verra": "very", "gowd": "gold",
               "gowden": "golden", "wan": "one", "sittin": "sitting", "lyin": "lying", "restin": "resting",
               "staunin": "standing", "hingin": "hanging"}
SCOTS = re.compile(rf"\b(?:{'|'.join(SCOTS_WORDS)})\b")
# what a verb or "of" is said of: an object, a group or a pronoun
SAID_OF = r"(?:the|a|an|all|every|each|both|it|them|that|this|those|these|your|my|its|their)\b"


def scots(text: str) -> str:
    """``text`` (lower case) with its Scots words said in English."""
    text = SCOTS.sub(lambda m: SCOTS_WORDS[m.group(0)], text)
    # "gang tae the marker": go ("the gang of cubes" stays)
    text = re.sub(r"\bgang(?= (?:to|over|down|back|round|and)\b)", "go", text)
    # "could ye no pit it ...": a request ("could you not" asks it done; an old "ye" may be gone by now)
    text = re.sub(r"\b(could|can|would|will)(?: ye| you)?\s+no\b(?= [a-z]+ (?:the|a|an|it|them|all|both|every|each)\b)",
                  r"\1 you", text)
    # "ben the crate": into it; "an then", "an onto the plate": and (never the article before these)
    text = re.sub(r"\bben (?=(?:the|a|an)\b)", "into ", text)
    text = re.sub(r"\ban(?= (?:then|the|onto|into|put|set|move|go|take|stick|push|shove|leave|it|them|pit|get)\b)",
                  "and", text)
    # "on tap o the red yin": on top of it; "in a raw": in a row
    text = re.sub(r"\b(on|at) tap\b", r"\1 top", text)
    text = re.sub(r"\b(a|one|the) raw\b", r"\1 row", text)
    # "a' the blocks", "aw the cubes": all of them
    text = re.sub(r"(?<![\w'])(?:a'|aw)(?= (?:the|they|thae|those|o)\b)", "all", text)
    # "pit the cube", "pit it": put ("the pit" stays a pit)
    text = re.sub(rf"\bpit(?= (?:{SAID_OF}|[a-z]+ (?:block|cube|ball)s?\b))", "put", text)
    # "the middle o the table", "o' the plate": of
    text = re.sub(rf"(?<![\w'])o'?(?= {SAID_OF})", "of", text)
    # "ye ken", "ken whit i mean", "aye": how it is said, never what is asked
    text = re.sub(r",?\s*\b(?:(?:you|ye) ken|ken what i mean|if (?:you|ye) ken what i mean)\b\s*[?,]?", " ", text)
    # "it's on the plate the now": at present (a start said of now, never a place)
    return re.sub(r",?\s*\bthe n(?:ow|oo)\b(?!\s*(?:block|cube|ball|bowl|plate|tray|zone|crate))", "", text)
