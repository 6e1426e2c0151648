"""Words beside the task: bracketed remarks, a greeting or heading before it, and words not known, refused by name."""

from __future__ import annotations

import re

from aspire_tui.agent.words.lexicon import ROBOT_PARTS, InstructionError, Word
from aspire_tui.agent.words.tagging import tag
from sim import vocabulary as vocab


def without_remarks(text: str) -> tuple[str, list[str]]:
    """The text without its bracketed remarks, and the remarks: "(and I know the table is a bit of a mess)"
    says how things are, of no object the robot moves and with no verb, so it asks nothing. A bracket that
    names an object, a place or a verb ("(the red one)", "(10 cm)"), or says no "is" ("(like a smiley)"),
    stays and is read or refused. One that says again what the words before it asked ("just behind the bowl
    (so a bit closer to you)") is dropped too: read as asking more, "a bit" would become a distance not asked."""
    remarks: list[str] = []

    def drop(m: re.Match) -> str:
        tags = {w.tag for w in tag(m.group(1))}
        restates = re.match(r"\s*(?:so|i\.?e\.?|that is|that means|meaning|in other words)\b", m.group(1).lower())
        # "adjacent to (either side of)", "on the blue block (stacked)": the relation said again, in other words
        restates = restates or (tags and tags <= {"REL", "STACKED"} and m.start() > 0)
        if "COPULA" in tags and not tags & ASKING_TAGS or restates and "VERB" not in tags:
            remarks.append(m.group(1).strip())
            return " "
        return m.group(0)

    return re.sub(r"\(([^()]*)\)", drop, text), remarks


# tags that make a bracket part of the task: an object, a place, an amount or a verb
ASKING_TAGS = {"KIND", "KINDS", "COLOR", "PRON", "ROBOT", "VERB", "REL", "TO", "SIDE", "CORNER", "CORNERS",
               "MIDDLE", "EDGE", "NUM", "UNIT", "SIDEMOST", "SUPER", "LINE", "TOWER", "GERUND", "NOT", "WITHOUT",
               "MODAL", "ELSEWHERE", "OUT_OF_REACH", "REACH"}


def without_asides(words: list[Word]) -> list[Word]:
    """The words without the sentences before the task made only of words not read ("Hello robot!",
    "Task: ..."): a greeting or a heading, not part of it. A word not read inside a sentence that names
    objects, places or verbs stays, and is refused ("like a smiley" may change what is asked), as does a
    sentence of such words after the task ("... . Upside down.")."""
    sentences: list[list[Word]] = [[]]
    for w in words:
        sentences[-1].append(w)
        if w.tag == "STOP":
            sentences.append([])

    def aside(sentence: list[Word]) -> bool:
        tags = {w.tag for w in sentence}
        if tags <= {"STOP", "COMMA", "ROBOT"}:
            return True  # what is left of a greeting made of fillers ("Hi!", "Hello my darling robot!")
        things = set(vocab.UNKNOWN_THINGS) | set(vocab.MISSING_COLORS)  # "Banana. Put it in the bowl." names one
        if "UNKNOWN" not in tags or any((w.text in things or w.text.rstrip("s") in things) and not named(sentence, k)
                                        for k, w in enumerate(sentence)):
            return False
        # a lesson's or a game's lead-in ("Today we will practise placing objects.", "Sometimes a robot needs a
        # tool."): words not read around no object of its own, as a sentence that does something to a
        # coloured or named object is not ("Put the red block in the bowl upside down.")
        # "The tower of Eldoria fell; raise it again.": "it" with no object named before it is the story's own
        acts = "VERB" in tags and (tags & {"KIND", "KINDS"} or any(
            w.tag == "PRON" and any(x.tag in ("KIND", "KINDS", "COLOR") for x in sentence[:k])
            for k, w in enumerate(sentence)))
        return tags <= {"UNKNOWN", "ROBOT", "COMMA", "STOP"} or ("COLOR" not in tags and not acts) or \
            looks(sentence)

    def looks(sentence: list[Word]) -> bool:
        # "the blue ball looks so lonely on the table", "the blocks are all jumbled up": how things look, in words
        # not read, with no verb and no place but the table they all lie on, before the task
        tags = [w.tag for w in sentence]
        places = [k for k, t in enumerate(tags) if t in PLACE_TAGS]
        k = 0
        while k < len(tags) and tags[k] in ("COMMA", "ALL", "NUM", "COLOR"):
            k += 1
        # said of the objects it opens with: "the ball is ...", "the blocks look ..." (not "check the block")
        said_of = k < len(tags) and tags[k] in ("KIND", "KINDS") and k + 1 < len(tags) and (
            tags[k + 1] == "COPULA" or sentence[k + 1].text in LOOKING)
        return said_of and "UNKNOWN" in tags and not set(tags) & DOING_TAGS and all(
            tags[k] == "REL" and k + 1 < len(tags) and tags[k + 1] == "TABLE" for k in places)

    def named(sentence: list[Word], k: int) -> bool:
        # "the Rainbow Hills", "the Gold Coast": a colour missing from the simulator before a word not read is
        # part of a place's name in a story, not the colour of an object
        return sentence[k].text in vocab.MISSING_COLORS and k + 1 < len(sentence) and sentence[k + 1].tag == "UNKNOWN"

    lead = 0
    while lead < len(sentences) and aside(sentences[lead]):
        lead += 1
    kept = sentences[lead:]
    if len(kept) == len(sentences) or not any(w.tag in ("VERB", "LINE", "TOWER") or w.tag.startswith("KIND")
                                              for s in kept for w in s):
        return _without_comments(words)  # nothing else to read: the words not read are the instruction, refused
    # the objects a look at how things are names stay named, for "it" after them ("the ball looks lonely. put it
    # in the crate")
    named = [w for s in sentences[:lead] if looks(s) for w in s if w.tag in ("COLOR", "KIND", "KINDS")]
    if named:
        named = [Word("ALREADY", "there is", "there is"), *named, Word("STOP", ".")]
    return _without_comments(named + [w for s in kept for w in s])


# tags that say what to do, or where: a sentence with one of them is no mere look at how things are
DOING_TAGS = {"VERB", "MODAL", "TOWER", "LINE", "STACKED", "GERUND", "NOT", "WITHOUT", "PRON", "NUM", "AMOUNT",
              "MATCH", "BYCOLOR", "REACH", "OUT_OF_REACH", "ELSEWHERE"}
PLACE_TAGS = {"REL", "TO", "SIDE", "CORNER", "CORNERS", "MIDDLE", "EDGE", "SIDEMOST", "SUPER"}
# the words for how a thing seems: "the ball looks lonely", "the cubes seem muddled"
LOOKING = ("looks", "look", "seems", "seem", "appears", "appear", "feels", "feel")

# what a comment on "it" may be made of besides words not read: "it's a little in the way", "it would look nicer"
COMMENT_TAGS = {"COPULA", "UNKNOWN", "AMOUNT", "REL", "NOT", "MODAL"}


def _without_comments(words: list[Word]) -> list[Word]:
    """The words without the comments after the task on what "it" is like ("..., it's my favourite", "It would
    look nicer that way."): a clause that opens with "it" and names no object, place, number or verb says how
    things are or why, never what to do. A clause of such words with no "it" ("... . Upside down.") stays,
    and is refused."""
    while True:
        end = len(words)
        while end and words[end - 1].tag in ("STOP", "COMMA"):
            end -= 1
        start = end
        while start and words[start - 1].tag not in ("STOP", "COMMA"):
            start -= 1
        clause = words[start:end]
        # "Grandpa likes them that way.": a comment on them, said with whose it is first
        on_it = any(w.tag == "PRON" and w.text in ("it", "them") for w in clause)
        if not start or len(clause) < 2 or not on_it or \
                not {w.tag for w in clause} <= COMMENT_TAGS | {"PRON"} or not any(w.tag == "UNKNOWN" for w in clause) or \
                not any(w.tag in ("VERB", "TOWER", "LINE") for w in words[:start]):
            return words
        words = words[:start]


# counts said without a number: which objects, and how many, they mean is open
VAGUE_COUNTS = ("few", "most", "many", "handful", "bunch")


def refuse_unknown(words: list[Word]) -> None:
    for k, w in enumerate(words):
        if w.tag != "UNKNOWN" or w.text in ROBOT_PARTS:  # a part of the robot: a word not read, not a thing
            continue
        counted = next((x for x in words[k + 1:k + 3] if x.tag != "OF"), None)
        if w.text in VAGUE_COUNTS and counted is not None and counted.tag == "KINDS":
            # "a few cubes", "most of the balls": which of them, and how many, is left open
            raise InstructionError(f"how many is '{w.text}'? say a number (\"two of the {counted.text}\") or "
                                   f"\"all the {counted.text}\"", "ambiguous")
        noun = w.text[:-1] if w.text.endswith("s") and w.text[:-1] in vocab.UNKNOWN_THINGS else w.text
        follows = words[k + 1].tag if k + 1 < len(words) else ""
        before = words[k - 1].tag if k > 0 else ""
        run_start = k
        while run_start > 0 and words[run_start - 1].tag == "UNKNOWN":
            run_start -= 1  # "the rubber duck": the words of one unknown thing
        opens = words[run_start - 1] if run_start > 0 else None
        # after a colour, where a moving verb's object goes ("drive to the tree", "put it on the chair"), or
        # between a moving verb and where it goes ("put the pear in the bowl"), a word not known is a thing
        moving = any(v.tag == "VERB" and v.value in ("put", "move", "go", "push", "pull", "stack") for v in words[:k])
        # ... or the whole object of a moving verb ("move the dog", "pick up the pear")
        named = before == "COLOR" or (moving and before in ("TO", "REL") and
                                      follows in ("", "STOP", "COMMA", "AND", "UNKNOWN")) or (
            opens is not None and opens.tag == "VERB" and opens.value in ("put", "move", "push", "pick")
            and follows in ("REL", "TO", "", "STOP"))
        if named and opens is not None and opens.tag == "VERB":
            noun = " ".join(x.text for x in words[run_start:k + 1])
        if named and moving and any(x.tag == "ELSEWHERE" for x in words[:k]):
            # "take the cube out of the lab, to the truck": sent out of the work cell first, which no scene holds
            raise InstructionError("impossible: the robot works on its table and cannot take objects out of "
                                   "the work cell", "impossible")
        if noun in vocab.UNKNOWN_THINGS or (named and follows not in ("KIND", "KINDS")):
            article = "an" if noun[:1] in "aeiou" else "a"  # "an avocado"
            raise InstructionError(f"the simulator cannot make {article} {noun}: it has "
                                   f"{', '.join(sorted(vocab.KINDS))}", "unknown_kind")
        shade = w.text.replace("~", "-")  # "navy-blue": one shade, kept whole by `tag`
        # "clear the middle of the table": opening a clause before no kind, a shade's word is a verb
        verb = (k == 0 or before in ("STOP", "COMMA", "AND", "THEN")) and \
            follows not in ("KIND", "KINDS", "ONE", "STOP", "COMMA", "")
        if (shade in vocab.MISSING_COLORS and not verb) or "~" in w.text or (
                w.text.endswith("ish") and k + 1 < len(words) and words[k + 1].tag in ("KIND", "KINDS")):
            raise InstructionError(f"there is no {shade} colour in the simulator; its colours are "
                                   f"{', '.join(vocab.COLORS)}", "unknown_color")


# "x=0.3, y=0.1", "x equals 0.3" (dictated), "(0.4, -0.2)", "at coordinates ...", "at 0.3, 0.1": a place given
# as numbers
NUMBER = r"[-+]?\d*\.?\d+"
EQUALS = r"(?:\s*[=:]\s*|\s+equals?\s+)"
COORDINATES = re.compile(rf"\b[xyz]{EQUALS}{NUMBER}(?:\s*,?\s*[xyz]{EQUALS}{NUMBER})*|"
                         rf"(?:\bco-?ordinates?\s*)?\(\s*{NUMBER}\s*,\s*{NUMBER}\s*(?:,\s*{NUMBER}\s*)?\)|"
                         rf"\bco-?ordinates?\b|\bat\s+{NUMBER}\s*,\s*{NUMBER}", re.I)


def refuse_coordinates(text: str) -> None:
    """A place said as coordinates is none a goal can name: refused with the words to say instead."""
    found = list(COORDINATES.finditer(text))
    # "at coordinates x=0.3, y=0.1": the message names the numbers, not the word that announces them
    m = next((f for f in found if re.search(r"\d", f.group(0))), found[0] if found else None)
    if m is not None:
        raise InstructionError(f"cannot read the coordinates {m.group(0).strip()!r} in {text[:60]!r}: say the place "
                               "with the table and the objects on it instead, e.g. \"in the back left corner\", "
                               "\"10 cm to the left\" or \"left of the bowl\"", "unreadable")
