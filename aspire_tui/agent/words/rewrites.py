"""Ways of saying a task rewritten as the plain words the tagger reads: shorthand and spec notation,
headings, wishes and frames ("I want ...", "Given ..., when ..., then ..."), suggestions, sides and sizes
before a noun, numbers in words. Each takes text and gives text."""

from __future__ import annotations

import functools
import re

from aspire_tui.agent.words.lexicon import CARDINALS, TENS, VERBS, lexicon
from sim import vocabulary as vocab


# A technician's shorthand -> the words it stands for ("mv red blk 10cm L", "w/o lifting it"); kinds and
# colours ("blk", "grn") are in `sim.vocabulary`
SHORTHAND = {"l": "left", "r": "right", "fwd": "forward", "fwds": "forward", "bwd": "backward", "bkwd": "backward",
             "ctr": "center", "cntr": "center", "mv": "move", "w/": "with", "w/o": "without", "b/w": "between",
             "nxt": "next", "approx": "approximately", "thru": "through", "wo/": "without", "lhs": "left hand side",
             "rhs": "right hand side", "min": "at least"}
# "u r", "they r": text-speak for "are", not the side
ARE_AFTER = ("u", "you", "we", "they", "these", "those", "them", "blocks", "cubes", "balls", "both")


def shorthand(text: str) -> str:
    """Shorthand words spelled out (`SHORTHAND`), and digits with their unit cut short: "4 in." and "4 in" before a
    direction are inches ("put 2 in the bowl" is a count); "1) ... 2) ..." and "a) ... b) ..." are numbered steps."""
    def spelled(m: re.Match) -> str:
        before = text[:m.start()].split()[-1:]
        if m.group(0) == "r" and before and before[0] in ARE_AFTER:
            return "are"
        if len(m.group(0)) == 1 and (before in (["a"], ["an"]) or re.match(r"\s*-?\s*shaped?\b", text[m.end():])):
            return m.group(0)  # "in an L", "an L-shape": a letter's shape, not a side
        return SHORTHAND[m.group(0)]

    text = _shorthand_words().sub(spelled, text)
    text = re.sub(r"(\d)\s*in\.?(?=\s+(?:to\s+)?(?:the\s+)?(?:left|right|forward|forwards|backward|backwards|back|"
                  r"front|away|toward|towards|closer|further|farther)\b)|(\d)\s*in\.(?=\s*$|\s*[,;])",
                  lambda m: (m.group(1) or m.group(2)) + " inch", text)
    if len(re.findall(r"(?:^|[.;,\s])[a-h]\)\s*(?=[a-z])", text)) >= 2:  # "a) ... b) ...": lettered steps
        text = re.sub(r"(^|[.;,]\s*|\s)[a-h]\)\s*(?=[a-z])", r"\1 then ", text)
    return re.sub(r"(^|[.;,]\s*|\s)\d{1,2}\)\s*(?=[a-z])", r"\1 then ", text)


def provisos(text: str) -> str:
    """"..., as long as the bowl stays put", "... provided (that) you never lift it": a proviso said after the task
    is a condition the goal must keep, as "and make sure" says; one that opens the sentence ("as long as the bowl
    is empty, put ...") stays a reason."""
    return re.sub(r"(?<=[a-z0-9])\s*,?\s+(?:as long as|so long as|provided(?: that)?|providing(?: that)?|"
                  r"on (?:the )?condition that)\s+(?=(?:you|it|they|the|a|an|[a-z]+ (?:block|cube|bowl|plate|tray|"
                  r"ball|zone)s?)\b)", " and make sure ", text)


# a list's mark at the start of a line: "1.", "2)", "3:", "4 -", "(5)", "b)", a bullet, "step 2:", "second step:"
LIST_MARK = re.compile(r"^[ \t]*(?:[-*•·–]|\(?(?:\d{1,2}|[a-h])\s*[.):](?!\d)|\d{1,2}\s+[-–]|step\s+\d{1,2}\s*[:.)-]?|"
                       r"(?:first|second|third|fourth|fifth|next|last|final)\s+step\s*:)(?=\s)", re.M)


def listed_steps(text: str) -> str:
    """A list written one item a line, numbered or bulleted, is a procedure: each item a step in turn, as
    "then" says; an item that is only a condition ("2. the plate stays where it is") is read as conditions are.
    Under a heading of the outcome wanted ("expected:") the items are all to hold, as "and" says."""
    if "\n" not in text or len(LIST_MARK.findall(text)) < 2:
        return text
    heading = re.match(r"\s*([a-z ]+?)\s*:\s*\n", text)
    # "acceptance criteria:" over a list: every item is to hold at the end, none before another
    joint = " and " if heading and heading.group(1) in GOAL_HEADINGS else " then "
    marks = iter(range(len(LIST_MARK.findall(text))))
    return LIST_MARK.sub(lambda m: " " if next(marks) == 0 else joint, text)  # the first item follows nothing


@functools.lru_cache(maxsize=1)
def _shorthand_words() -> re.Pattern:
    words = sorted(SHORTHAND, key=vocab.longest_first)
    return re.compile(rf"(?<![\w/'])(?:{'|'.join(re.escape(w) for w in words)})(?![\w'])(?!/(?=\s))")


# the notation of specs and notes: symbols for relations, identifiers joined by "_"
SPEC_SYMBOLS = {"∈": " in ", "∉": " not in ", "→": " to ", "⇒": " to ", "⟶": " to ", "@": " at ",
                "≥": " at least ", ">=": " at least ", "&": " and "}
# the heading of how things are at the start ("init: ...") and of which objects there are ("objects: ...")
START_HEADINGS = ("init", "initial", "initially", "initial condition", "initial conditions", "initial state",
                  "start", "start state", "starting state", "start condition", "precondition", "preconditions")
# the heading of how things are to be ("goal: the ball is in the bowl")
GOAL_HEADINGS = ("goal", "goals", "target", "objective", "aim", "required", "requirement", "requirements", "desired",
                 "expected", "postcondition", "postconditions", "success", "success condition", "acceptance",
                 "acceptance criteria", "acceptance criterion", "definition of done", "done when", "done if", "ac",
                 "success criteria", "success criterion",
                 "expected result", "expected results", "expected outcome", "expected behavior",
                 "expected behaviour", "outcome", "end result")
SCENE_HEADINGS = ("objects", "scene", "setup", "set up", "given", "world", "environment", "items", "inventory")
# a word that types the identifier after it ("obj red_block", "region yellow_zone")
TYPE_WORDS = ("obj", "object", "item", "entity", "region", "loc", "location", "target", "goal")
HEADING = re.compile(r"(^|[.!?;\n]\s*)((?:[a-z'-]+\s+){0,2}[a-z'-]+)\s*(?:\([^()]*\)\s*)?:(?!\d)")


def spec_notation(text: str) -> str:
    """A spec's notation as words: symbols ("blue cube ∈ green bowl"), identifiers ("obj red_block"), numbered
    steps ("(1) ... (2) ...") and headings before a colon ("Task:", "Objective (navigation):", "init:")."""
    for symbol, words in SPEC_SYMBOLS.items():
        if symbol in text:
            text = text.replace(symbol, words)
    if "+" in text:
        text = re.sub(r"\+\s*(?=\d)", "", text)  # "+15 cm": a change, said as its size
        text = re.sub(r"(?<=[a-z.)',])\s*\+\s*(?=[a-z])", " and ", text)  # "red + blue blocks", "in the bowl + the cube"
    if "_" in text:
        text = re.sub(r"\b([a-z]+)\s+(?=[a-z]+_[a-z])", lambda m: "" if m.group(1) in TYPE_WORDS or
                      vocab.kind_of(m.group(1)) else m.group(0), text)
        text = re.sub(r"(?<=[a-z])_(?=[a-z])", " ", text)
    if "(" in text:
        # "block (blue)": the colour said after, in brackets
        text = re.sub(r"\b([a-z]+)\s*\(\s*([a-z]+)\s*\)", lambda m: f"{m.group(2)} {m.group(1)}"
                      if vocab.kind_of(m.group(1)) and vocab.color_of(m.group(2)) else m.group(0), text)
        text = re.sub(r"(^|[.;:,]\s*)\(\s*\d\s*\)\s*", r"\1 then ", text)  # "(2) cyan ball -> bowl": the next step
        # "move (red block) onto (blue block)": an object in brackets is the object itself
        text = re.sub(r"\(\s*((?:[a-z]+\s+)?([a-z]+))\s*\)", lambda m: f" {m.group(1)} " if vocab.kind_of(m.group(2))
                      else m.group(0), text)
    # the frame every side word is read in already, and where a shift is measured from
    if "frame" in text or "coordinate" in text:
        text = re.sub(r"\(?\s*(?:in\s+)?(?:the\s+)?(?:robot(?:'s)?|base|world)\s+(?:frame|coordinates|coordinate frame)"
                      r"\s*\)?", " ", text)
    if "relative to" in text:
        text = re.sub(r"\(?\s*relative to (?:its |the )?(?:start|starting (?:position|point|pose)|original position|"
                      r"initial position|where it (?:started|was|is))\s*\)?", " ", text)
    if "corner" in text:
        text = _corner_said_apart(text)
    if "edge" in text:
        # "the edge of the table on the right": an edge said in two parts, as "the right edge"
        text = re.sub(r"\bedge(?: of (?:the )?(?:table|workspace|desk))?,? (?:on|at|to) the "
                      r"(left|right|front|back|far|near)(?: side| hand side| end)?\b(?! of\b)", r"\1 edge", text)
    if "between" in text:
        text = re.sub(r"\bin between\b(?=\s*(?:[,.;]|$))", " in the middle ", text)  # "green in between": the middle one
    text = TITLE.sub(_titled, text)
    # "expected order (left to right): red, green, blue": the order the outcome is to have, as "order: ..." says
    text = re.sub(r"(^|[.!?;\n]\s*)(?:expected|desired|wanted|required|final) (?=(?:order|sequence)\b)", r"\1", text)
    # "actual: nothing happens": what a bug report saw the robot do, never what is asked
    text = re.sub(r"(^|[.!?;\n]\s*)(?:actual|observed)(?: result| results| outcome| behaviou?r)?\s*:[^.!?;\n]*", r"\1",
                  text)
    # "expected: both steps executed in order": a test's check that the steps ran, which the steps ask already
    text = re.sub(r"(^|[.!?;\n]\s*)(?:(?:expected|actual)(?: result| outcome| behaviou?r)?\s*:\s*)?"
                  r"(?:all |both |the |each |every |\d+ |two |three )*(?:[a-z]+ )?steps? (?:are |were |is |was |get |got )?"
                  r"(?:executed|performed|completed|done|run|carried out|finished|succeed|succeeded|pass|passed)"
                  r"(?: (?:in order|in sequence|in turn|successfully|without errors?|correctly|as expected))*"
                  r"\s*(?=[.!?;\n]|$)", r"\1", text)
    return HEADING.sub(_heading, text) if ":" in text else text


# "first:", "after that:", "next:": a heading that says which step comes, read as the step's word
STEP_HEADS = ("first", "firstly", "next", "after", "afterwards", "finally", "lastly", "second", "secondly", "third",
              "last")


# "Scenario: placement relative to bowl.": a test's title, a sentence of its own before the steps
TITLE = re.compile(r"(^|[.!?;\n]\s*)(?:test |bug )?(?:scenario|title|summary|feature|test case|case|test|bug)\s*"
                   r"(?:\d+|#\d+)?\s*:\s*([^.!?;\n]*)[.!?;\n]\s*(?=\S)")


def _titled(m: re.Match) -> str:
    """Nothing for a title said in a bare noun phrase ("placement relative to bowl": no article, no colour, no
    verb first); the words as they were when the title is the task itself ("test: put the cube in the bowl")."""
    said = m.group(2).split()
    table, _ = lexicon()
    if not said or any(w in ("the", "a", "an") or vocab.color_of(w) for w in said) or \
            table.get(said[0], ("", ""))[0] in ("VERB", "TOWER", "LINE"):
        return m.group(0)
    return m.group(1)


def _corner_said_apart(text: str) -> str:
    """"the corner at the front on the right", "the front corner on the left", "the corner, the one far away on the
    right": a corner said in two parts."""
    text = re.sub(r"\bcorner (?:at|on|in|to) the (front|back|far|near|rear)(?: end| side)?,? (?:on|at|to) the (left|right)"
                  r"(?: side| hand side)?\b", r"\1 \2 corner", text)
    text = re.sub(r"\bcorner (?:on|at|to) the (left|right)(?: side| hand side)?,? (?:at|on|in|to) the "
                  r"(front|back|far|near|rear)\b", r"\2 \1 corner", text)
    text = re.sub(r"\b(front|back|far|near|rear) corner (?:on|at|to) the (left|right)\b", r"\1 \2 corner", text)
    # "the corner on the far left": the end and the side said together after it
    text = re.sub(r"\bcorner (?:on|at|to) the (far|near|front|back) (left|right)(?: side| hand side)?\b", r"\1 \2 corner",
                  text)
    # "in the corner! the one far away on the right": which corner, said after it as "the one ..."
    far = r"(?P<far>far|far away|far off|farther|further|away from you)|(?P<near>near|nearer|close|close by|closer|" \
          r"near you|close to you|by you|nearest you|closest to you)"
    side = r"(?:on|at|to) the (?P<side>left|right)(?: side| hand side)?"
    for which in (rf"(?:{far}) {side}", rf"{side},? (?:that is |which is )?(?:{far})"):
        text = re.sub(rf"\bcorner\b[\s.!?,;:-]*the one (?:that is |which is )?{which}\b",
                      lambda m: f"{'front' if m.group('far') else 'back'} {m.group('side')} corner", text)
    # "the right corner far from the robot", "the left-hand corner close to you": which end, said by the robot
    text = re.sub(r"\b(left|right)(?:[- ]hand)? corner,? (?:that is |which is )?(?:(far|far away|away|well away)|"
                  r"(close|near|nearby|right by)) (?:from |to |by )?(?:the robot|you)\b",
                  lambda m: f"{'front' if m.group(2) else 'back'} {m.group(1)} corner", text)
    # "the corner of behind at the right", "the corner of front at the left": a learner's order ("la esquina de
    # atrás a la derecha"), the end said with "of" and the side after it
    text = re.sub(r"\bcorner of (?:the )?(behind|back|rear|front|in front|far|near) (?:at|on|to) the (left|right)\b",
                  lambda m: f"{ {'behind': 'back', 'in front': 'front'}.get(m.group(1), m.group(1))} {m.group(2)} corner",
                  text)
    # "the left corner at the back": the side first, then the end of the table
    return re.sub(r"\b(left|right)(?:[- ]hand)? corner (?:on|at|in|to) the (front|back|far|near|rear)(?: end| side)?\b",
                  r"\2 \1 corner", text)


def outside_of(text: str) -> str:
    """"outside the bowl": out of the object named, as "outside of the bowl" ("outside" alone, with nothing
    after it, is off the table)."""
    return re.sub(rf"\boutside (?=(?:the |a |an )?(?:[a-z]+ )?(?:{_kind_nouns()})s?\b)", "outside of ", text)


def _heading(m: re.Match) -> str:
    """A heading as what it says of the sentence after it: dropped ("Task:"), how things start ("init:"), which
    objects there are ("objects:"), or a verb said first ("sort: each block ..."); not an object with a
    colour or a number ("red block: in the bowl")."""
    lead, head = m.group(1), m.group(2).strip()
    if "\n" in lead:
        lead = lead.replace("\n", " . ")  # a heading on a line of its own opens a sentence of its own
    words = head.replace("-", " ").split()  # "colour-match:": its words, a verb among them
    if any(w.isdigit() or vocab.color_of(w) for w in words) or words[0] in ("step", "then", *STEP_HEADS) or \
            GOAL_FRAME.match(m.group(0).strip(" .;!?\n")):
        return m.group(0)
    if head in START_HEADINGS:
        return f"{lead} currently "
    if head in SCENE_HEADINGS:
        return f"{lead} there are "
    if head in GOAL_HEADINGS:
        rest = m.string[m.end():]
        stop = re.search(r"(?<!\d)[.;!?](?!\d)", rest)
        sentence = rest[:stop.start() if stop else len(rest)]
        if COPULA_WORD.search(sentence):
            return f"{lead} want that \x00"
        # "expected: the bowl contains every block": the holder said first, how things are to be
        return f"{lead} want that " if re.search(r"\b(?:contains|holds)\b", sentence) else f"{lead} "
    table, _ = lexicon()
    # a heading that says what to do ("sort:", "make a tower:", "push task:") is read with its sentence
    acts = [table.get(w, ("", ""))[0] in ("TOWER", "LINE") or table.get(w, ("", ""))[:2] in
            {("VERB", v) for v in VERBS if v != "use"} for w in words]
    doing = any(acts)
    if doing and any(k and acts[k - 1] and w in TYPE_WORDS + GOAL_HEADINGS for k, w in enumerate(words)):
        # "stack target:", "push goal:": the word for what is asked, right after its verb, says nothing more
        # (after "to" it is a place: "go to goal:")
        return f"{lead}" + " ".join(w for k, w in enumerate(words) if not (
            k and acts[k - 1] and w in TYPE_WORDS + GOAL_HEADINGS)) + " :"
    # "blocks: red on green on blue": a heading that names the kind the sentence's colours are of
    naming = any(vocab.kind_of(w) for w in words if w not in TYPE_WORDS) and not any(
        table.get(w, ("", ""))[0] == "VERB" for w in words)
    if naming and not doing:
        holder = re.match(r"\s*(?:the |a |an )?(?:[a-z]+ )?([a-z]+)\s*(?=[.;!?\n]|$)", m.string[m.end():])
        if holder and vocab.kind_of(holder.group(1)) in vocab.CONTAINERS + vocab.SURFACES + ("plate",) and \
                vocab.kind_of(holder.group(1)) not in [vocab.kind_of(w) for w in words]:
            return f"{lead}{head} to "  # "cubes: crate": the objects, then only the thing they go in or on
        return f"{lead} there are {head} . "
    if doing and any(vocab.kind_of(w) for w in words if w not in TYPE_WORDS):
        said = re.match(r"\s*(?:the\s+)?(?:[a-z]+\s+)?([a-z]+)\b", m.string[m.end():])
        if len(words) > 1 and vocab.kind_of(words[-1]) and said and vocab.kind_of(said.group(1)) == \
                vocab.kind_of(words[-1]):
            # "navigate to waypoint: blue marker": the object after the colon is the one the heading's noun names
            return f"{lead}{' '.join(words[:-1])} "
        return f"{lead}{head} , "  # "stack blocks: red on green on blue": the colours after it are of that kind
    return m.group(0) if doing else f"{lead} "


@functools.lru_cache(maxsize=1)
def place_prepositions() -> re.Pattern:
    """"put the cube at the tray", "push it until the red zone", "go till the marker": before a thing, a learner's
    "at" / "until" says where it goes, as "to" does (before a side, "at the back", it stays a side)."""
    colors = vocab.color_words()
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))},
                   key=vocab.longest_first)
    return re.compile(rf"\b(?:at|until|till|up until)\s+(?=(?:(?:the|a|an)\s+)?(?:(?:{'|'.join(colors)})\s+)*"
                      rf"(?:{'|'.join(nouns)})\b(?!')(?!\s+(?:is|are|sits|lies|touches|reaches|hits)\b))")


@functools.lru_cache(maxsize=1)
def colour_compounds() -> re.Pattern:
    """Two colour words joined by a hyphen ("navy-blue", "blue-green"): one shade, kept as one word (written
    with "~") so that it is not read as two objects of two colours."""
    words = {w for ws in vocab.COLORS.values() for w in ws} | {w for w in vocab.MISSING_COLORS if "-" not in w}
    alternatives = "|".join(sorted(words, key=vocab.longest_first))
    return re.compile(rf"\b({alternatives})-({alternatives})\b")


# "final state: ...", "the desired end configuration has ...", "the goal pose of ...": a heading that says the
# words after it are how things are to be (read as "want that", a wish), not how they are now
GOAL_FRAME = re.compile(
    r"\b(?:the\s+)?(?:final|end|goal|target|desired|resulting|wanted)(?:\s+end|\s+final)?\s+"
    r"(?:state|configuration|config|pose|poses|arrangement|layout|result|situation|scene|placement)"
    r"(?:\s+(?:of|is|has|should be|will be|looks like|must be|should have|must have|with))?\s*:?")


def goal_frames(text: str) -> str:
    """Headings of the state to reach as a wish; when the task is done ("at the end") and which way ("in the
    direction away from ...", "the robot's right") said plainly."""
    # "the target pose for the cube is ...", "the final position of the ball should be ...", "target pose for the
    # ball: ...": where it is to be
    text = re.sub(r"\b(?:the )?(?:final|desired|target|resulting|end|intended) (?:position|location|pose|place|"
                  r"placement|spot) (?:of|for) ((?:the |a |an )?[a-z ]+?)(?: (?:is|should be|will be|must be)\b|\s*:)",
                  r"\1 should be", text)
    text = _as_wished(GOAL_FRAME.sub(_frame_opens, DONE_WHEN.sub(_frame_opens, _acceptance_criteria(text))))
    # "it is required that X be ...", "make it so the bowl is ...": a wish for how things are to be; "... is
    # required" after the task only says it is asked
    text = re.sub(r"\bit is (?:required|necessary|essential|important|needed|desired|desirable|preferred|expected|"
                  r"requested|mandated|stipulated|demanded) "
                  r"that\b|\bmake (?:it )?so(?: that)?\b",
                  " want that ", text)
    text = re.sub(r"\b(?:is|are) (?:required|needed|wanted|necessary|requested)\b(?=\s*(?:[.;!?,]|$))", " ", text)
    # "the block gets placed in the bowl": the passive with "get" is a wish, as "should be placed" is
    text = re.sub(r"\b(?:gets|get) (?=[a-z]+(?:ed|en)\b|(?:slid|put|set|made|laid|thrown|held)\b)", "should be ", text)
    text = re.sub(r"\bbe got\b", "be moved", text)
    # "when you're done", "once you have finished": when the task ends, which every goal is read at ("when
    # finished, ..." opening the words too; later, "when done" says what comes next)
    text = re.sub(r"^\s*(?:when|once) (?:finished|complete|completed)\b,?", " ", text)
    text = re.sub(r"\b(?:when|once|after|by the time) (?:you are|you have|you|it is|everything is|all is|we are) "
                  r"(?:done|finished|through|finish)\b", " ", text)
    # "should finish in the corner", "wind up on the plate": where it ends up
    text = re.sub(r"\b(should|must|to|will|would|can) (?:finish|wind up|land)(?: up)?\b", r"\1 end up", text)
    # "ideally the ball ends up in the tray": a wish for how things are to be
    text = re.sub(r"(^|[.;!?,]\s*)(?:ideally|preferably|hopefully)\b,?", r"\1 want that ", text)
    # "is to be painted green", "should be made bigger": the passive of changing the object itself
    text = re.sub(r"\b(be|been|get|gets) (?:painted|colored|dyed|made(?= (?:[a-z]+er|round|square|flat)\b))\b",
                  r"\1 reshaped", text)
    # "the bowl is to be left alone while the block is placed on the plate": done while the task is done, so
    # asked too, not how things are
    text = re.sub(r"\b(while|as) ([a-z ]{1,40}?) (is|are) (placed|put|moved|set|stacked|pushed|slid|dropped|carried|brought)\b",
                  r"\1 \2 \3 to be \4", text)
    # "the ball can go on the plate": where it may go is where it is to go
    text = re.sub(r"\b(?:can|could|may|might) go\b", "should go", text)
    # "can the ball sit beside the block?": asked of an object where it may be, a wish that it be there
    text = re.sub(r"(^|[.;!?]\s*)(?:can|could|may|might)\s+((?:the|a|an|all|both|every|each|these|those)\s+"
                  r"(?:[a-z]+\s+){0,3}?[a-z]+?)\s+(sit|rest|stand|lie|be)\b", r"\1\2 should \3", text)
    # "the cube could sit on the plate": where it may sit is where it is to sit, as with "can go"
    text = re.sub(r"\b(?:can|could|may|might|would) (sit|rest|stand|lie)\b", r"should \1", text)
    # "10 cm further left than it is now", "to the right of where it started": the object's own start, which
    # every distance it is moved by is measured from
    text = re.sub(r"\s+than (?:it|they) (?:is|are|was|were|started|sits?)(?: now| at the start| before)?\b", " ", text)
    text = re.sub(r"\b((?:to|on) the (?:left|right)|in front|behind)(?: of)? where (?:it|they) (?:started|was|were|is|are|"
                  r"began|stood|sat)(?: now| before| at the start)?\b", r"\1", text)
    # "drive there", "go over there": to the place just named
    text = re.sub(r"\b(go|drive|head|navigate|travel|roll|proceed) (?:over )?there\b", r"\1 to it", text)
    # "I'm picturing the ball in the bowl", "I imagine the cube on the plate": the picture wished for; "when I
    # come back" is when the task is done, which every goal is read at
    text = re.sub(r"\b(?:i|we)(?: am| are|'m)? (?:picturing|imagining|envisioning|envisaging|visualizing|visualising|"
                  r"picture|imagine|envision|visualize|visualise)(?= (?:the|a|an|all|both|every|each|it|them)\b)",
                  " want that ", text)
    text = re.sub(r"\b(?:when|once|by the time) (?:i|we) (?:come|get) back\b,?|\b(?:when|once|by the time) (?:i|we) "
                  r"return\b,?", " ", text)
    text = re.sub(r"\b(?:i|we) (?:want|would like|'d like|hope|expect) to (?:(?:come back|get back|return) (?:and |to )?)?"
                  r"(?:find|see)\b(?= (?:the|a|an|all|both|every|each)\b)", " want that ", text)
    # "I want the ball in the bowl", "I'd like the blocks stacked": a wish for how things are to be (not "I want
    # you to ...", where a verb follows)
    # ("I am wanting ...": a learner's progressive, the same wish)
    text = re.sub(r"\b(?:i|we) (?:really )?(?:want|need|would like|would love|'d like|am wanting|are wanting|"
                  r"am needing|are needing)\b(?! (?:you|to|robot|the robot)\b)",
                  " want that ", text)
    # "in the end the bowl is in the middle": opening the words, how things are then is the wish
    text = re.sub(r"^\s*(?:at|in|by) the (?:very )?(?:end|finish)(?: of (?:it all|all this|it|this|that|the task|the job))?"
                  r"\b(?! of),?", " want that ", text)
    text = re.sub(r"\b(?:at|in|by) the (?:very )?(?:end|finish)(?: of (?:it|this|that|it all|all this|the task|the job))?\b"
                  r"(?! of)", " ", text)
    text = re.sub(r"\bin the direction of\b", "toward", text)
    text = re.sub(r"\bin (?:the|a) direction(?= (?:away|toward|towards|to|further|farther|closer)\b)", " ", text)
    # "in the leftward direction", "in a forward direction": the side itself
    text = re.sub(r"\bin (?:the|a) ((?:left|right|for|back)wards?|left|right|front|back|rear) direction\b", r"\1", text)
    # "to the area in front of the bowl", "into the space left of the plate": the place beside it, not a zone
    text = re.sub(r"\b(to|into|in|at|toward|towards|onto) (?:the|a|an) (?:area|region|space|spot|place|location|"
                  r"position)(?: (?:that is|which is|immediately|just|directly|right))? (?=(?:in front of|behind|"
                  r"(?:to the |on the )?(?:left|right)(?: hand side)? of|next to|beside|near)\b)", r"\1 ", text)
    text = re.sub(r"\b(?:the )?robot's (left|right|front|back)\b", r"\1", text)
    # "back right corner for the black cube": a place of the table, then what it is for, is where that goes
    text = re.sub(r"(^|[.;!?:]\s*)(?:the )?((?:front|back|far|near) (?:left|right) corner|(?:left|right) (?:front|back) "
                  r"corner|middle|center)(?: of the table)? for ((?:the|a|an|all|both|each|every) [a-z ]+?)"
                  r"(?=\s*(?:[,.;!?]|$))", r"\1put \3 in the \2", text)
    # "..., that's where it belongs!": the place just said, said again
    text = re.sub(r"\s*,?\s*\b(?:that|this|there) is where (?:it|they|he|she) (?:belongs?|goes|go|lives|live|"
                  r"should go|should be|needs to go|has to go)\b", "", text)
    # "beside the tray is where the ball should go": the place said first
    if " is where " in text:
        text = re.sub(r"([^.;:!?]+?)\s+is where\s+([^.;:!?,]+?)\s+(should go|should be|must go|must be|goes|belongs|"
                      r"should end up|needs to go|has to go)\b", _place_last, text)
    # "on the side of the plate nearest the robot": the plate's near side
    return re.sub(r"\bon (?:the )?(?:side|end) of ((?:the )?(?:\w+ )?\w+) (nearest|closest|farthest|furthest)"
                  r"(?: to| from)? (?:the )?(?:robot|you)\b",
                  lambda m: f"on the {'near' if m.group(2) in ('nearest', 'closest') else 'far'} side of {m.group(1)}",
                  text)


# "done when the ball is in the bowl", "the task is complete once ...": how things are when the task is done,
# a wish for how they are to be
DONE_WHEN = re.compile(r"(?:^|(?<=[.;!?:]))\s*(?:(?:the )?(?:task|job|work|it|this|that|we) (?:is|are) )?(?:done|finished|"
                       r"complete|completed|successful|success|achieved"
                       # a test's "pass if ...", "the test passes when ...": done when it holds
                       r"|(?:(?:the )?(?:test|test case|case|check|run) )?(?:pass|passes|passed|succeeds|succeeded)"
                       r") (?:when|once|if)\b")


# "Given <how things are>, when <the robot acts>, then <how things are to be>": acceptance criteria
# (the first two may be left out: "given a bowl, then ...", "when the robot runs, then ...", "then the ball is
# in the bowl"; a "when" of anything but the robot acting is a condition: "when the bowl is empty, then ...")
GIVEN_WHEN_THEN = re.compile(r"^\s*(?:acceptance(?: criteria)?\s*:?\s*)?(?=given\b|then\s+(?:first\s+)?(?:the|a|an|all|every|each|both)\b|when\s+(?:the\s+)?(?:robot|arm|"
                             r"you|it runs|task|program)\b)"
                             r"(?:given\s+(?P<given>[^.;]+?)\s*,?\s+)?(?:when\s+(?P<when>[^.;]+?),?\s+)?"
                             r"then\s+(?P<then>.+)$", re.S)
# words in a "when" part that change the goal ("when the robot pushes it": kept on the table; "without
# touching the bowl"): such a part is read; any other only says how the robot acts, which the goal leaves to it
WHEN_ASKS = re.compile(r"\b(?:push|pushes|pushing|slide|slides|sliding|shove|shoves|shoving|nudge|nudges|nudging|"
                       r"without|never|not|don't|doesn't|no)\b")


# "I'm trying to get the arm to ...", "how do I make the robot ...": a post asking how, around the task itself
FORUM_FRAME = re.compile(
    r"(^|[.!?;:,]\s*|\bso\s+)(?:(?:i am|im|we are)\s+)?(?:(?:just\s+)?trying\s+to|"
    r"how\s+(?:do|can|would|should)\s+(?:i|we|you))\s+(?:(?:get|make|have)\s+(?:the\s+)?(?:arm|robot|bot)\s+(?:to\s+)?)?")


def bare_verb_steps(text: str) -> str:
    """"before put the red cube in the bowl, after put the blue cube on the plate": a learner's "before" / "after"
    right before a bare verb (never English: "before putting", "after you put") orders steps as said, "first" at
    the start and "then" after words."""
    def step(m: re.Match) -> str:
        if m.group(2) not in _bare_verbs():
            return m.group(0)
        first = not text[:m.start()].strip(" ,;.:")
        if m.group(1) == "before":
            return f"first {m.group(2)}" if first else m.group(0)
        return m.group(0) if first else f"then {m.group(2)}"

    return re.sub(r"\b(before|after) ([a-z]+)\b", step, text)


# the words a noun phrase asked about can be made of ("the ball farthest from the robot?", "the teapot?")
TOPIC_TAGS = {"COLOR", "KIND", "KINDS", "AND", "COMMA", "ALL", "EACH", "BOTH", "NUM", "SUPER", "CLOSER", "SIDEMOST",
              "SIZEMOST", "ORD", "FROM", "TO", "OF", "ROBOT", "OTHER", "ONE", "UNKNOWN", "SAME", "EXCEPT", "NOT"}


def possessive_sides(text: str) -> str:
    """"next to the brown block but not to its left": the side of the thing "its" stands for, as "to the left of
    it"; "left from the bowl" is "left of the bowl". After a corner ("the corner nearest the robot on its left") it says which corner, and stays."""
    def side(m: re.Match) -> str:
        if re.search(r"\bcorners?\b[^.;]*$", text[:m.start()]):
            return m.group(0)
        return f"{m.group(1)} the {m.group(3)} of {'it' if m.group(2) == 'its' else 'them'}"

    text = re.sub(r"\b(to|on|at) (its|their) (left|right)(?: hand)?(?: side)?\b", side, text)
    # "left from the bowl", "to the right from the plate": a learner's "from" for the "of" of a side
    text = re.sub(rf"\b(left|right) from (?=(?:the|a|an) (?:[a-z]+ )?(?:{_kind_nouns()})\b)", r"\1 of ", text)
    # "to the bowl's immediate right", "on the red block's left": the side of the object named
    return re.sub(rf"\b(to|on|at) (the (?:[a-z]+ )?(?:{_kind_nouns()}))'s (?:immediate )?(left|right)(?:[- ]hand)?"
                  r"(?: side)?\b", r"\1 the \3 of \2", text)


@functools.cache
def _kind_nouns() -> str:
    return "|".join(sorted({w for words in vocab.KINDS.values() for w in words}, key=vocab.longest_first))


# a task put as a suggestion: "why not put ...", "how about moving ...", "would you mind lining up ..."
SUGGESTION = re.compile(r"(^|[.!?;:,]\s*)(?:so\s+|and\s+|then\s+)?(?:why\s+(?:not|(?:do|can|will|would)\s*not\s+(?:you|we)|"
                        r"(?:can't|cannot|won't)\s+(?:you|we))(?:\s+just)?|how\s+about|"
                        r"what\s+about|(?:would|will|do)\s+you\s+mind|(?:would|will|do)\s+you\s+be\s+able\s+to|"
                        r"what\s+if)\s+([a-z]+)")


def suggestions(text: str) -> str:
    """A task put as a suggestion or a question is the task: the frame drops, a gerund after it is the verb
    ("how about moving the cube" as "move the cube"), and a suggestion with no verb puts the thing where it
    says ("how about the cube on the plate", "what if the cube went on the plate")."""
    def open_(m: re.Match) -> str:
        word = m.group(2)
        verb = _gerund_verb(word) if word.endswith("ing") else None
        if verb is not None:
            return f"{m.group(1)}{verb}"
        if word in _bare_verbs() or word in ("please", "you", "we", "i"):
            return f"{m.group(1)}{word}"
        return f"{m.group(1)}put {word}"

    out = SUGGESTION.sub(open_, text)
    if out != text:  # "what if the cube went on ...": a hypothetical move is the move asked for
        out = re.sub(r"\b(?:went|would go|could go|were|was)\s+(?=(?:on|in|into|onto|inside|to|next|beside|behind)\b)", "", out)
    return out


def either(text: str) -> str:
    """"without moving either bowl": each of the two things of that kind the words named before, by name."""
    def named(m: re.Match) -> str:
        kind = vocab.kind_of(m.group(1))
        said = []
        for c, n in re.findall(r"\b([a-z]+) (?=([a-z]+)\b)", text[:m.start()]):
            if kind and vocab.kind_of(n) == kind and vocab.color_of(c) and c not in said:
                said.append(c)
        if len(said) != 2:
            # "don't touch either of the bowls" with no two of them named: under "not", either one is each one,
            # so both of them ("put the block in either bowl", unnegated, stays a word not read)
            clause = re.split(r"[.;,]|\b(?:and|then)\b", text[:m.start()])[-1]
            negated = re.search(r"\b(?:not|never|without|avoid)\b", clause)
            return f"both {m.group(1)}s" if kind and not said and negated else m.group(0)
        return f"the {said[0]} {m.group(1)} and the {said[1]} {m.group(1)}"

    return re.sub(r"\bn?either (?:of the )?([a-z]+?)s?\b(?! (?:of|and|or)\b)", named, text) \
        if "either" in text else text


def _gerund_verb(word: str) -> str | None:
    """The verb a gerund is a form of ("lining" -> "line", "putting" -> "put"), when the lexicon knows it."""
    stem = word[:-3]
    for verb in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if verb and verb in _bare_verbs():
            return verb
    return None


@functools.lru_cache(maxsize=1)
def _bare_verbs() -> frozenset[str]:
    return frozenset(w for words in VERBS.values() for w in words if w.isalpha() and not w.endswith(("ing", "ed")))


# an adjective -> its superlative, for "the most big cube", "the corner more far" (said with "most" / "more")
SUPERLATIVES = {"big": "largest", "large": "largest", "small": "smallest", "little": "smallest", "tiny": "smallest",
                "far": "farthest", "distant": "farthest", "near": "nearest", "close": "closest", "left": "leftmost",
                "right": "rightmost"}


def periphrastic_superlatives(text: str) -> str:
    """"the most big cube", "the cube more near to the plate", "the corner more far": an adjective made a superlative
    with "most", or with "more" right after "the" or a noun (where it picks one object), as its one-word superlative.
    Elsewhere "more" says how far ("move it more to the left") and stays."""
    return _periphrastic().sub(lambda m: SUPERLATIVES[m.group(1) or m.group(2)], text)


@functools.lru_cache(maxsize=1)
def _periphrastic() -> re.Pattern:
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))}
                   | {"one", "corner", "corners", "the"}, key=vocab.longest_first)
    adjectives = "|".join(sorted(SUPERLATIVES, key=vocab.longest_first))
    # after a noun "more left" is as often a direction ("move the block more left"): only "most left" picks
    sizes = "|".join(sorted((a for a in SUPERLATIVES if a not in ("left", "right")), key=vocab.longest_first))
    nouns_before = "|".join(rf"(?<=\b{n} )" for n in nouns)
    return re.compile(rf"\b(?:most ({adjectives})|(?:{nouns_before})more ({sizes}))\b(?! (?:than|of)\b)")


def comparative_referents(text: str) -> str:
    """"the ball nearer to the robot in the bowl": a comparison with the robot right after a noun, with where it goes
    after it, picks which ball (as "nearest"); elsewhere ("move the ball closer to the robot") it is a direction."""
    return _comparative_after_noun().sub(lambda m: f"{m.group(1)} {COMPARED[m.group(2)]} robot", text)


COMPARED = {"closer": "nearest", "nearer": "nearest", "farther": "farthest", "further": "farthest"}


@functools.lru_cache(maxsize=1)
def _comparative_after_noun() -> re.Pattern:
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))}
                   | {"one"}, key=vocab.longest_first)
    rel = "|".join(sorted({w for words in vocab.RELATIONS.values() for p in words for w in p.split()[:1]}
                          - {"to", "by", "up"}))
    return re.compile(rf"\b({'|'.join(nouns)}) (?:that is |which is )?(closer|nearer|farther|further) "
                      rf"(?:to|from) (?:the )?(?:robot|you)(?= (?:the )?(?:{rel}|left|right)\b)")


# the title line of a scenario, before its "given", "when" or "then": names it, asks nothing
GHERKIN_TITLE = re.compile(r"^\s*(?:feature|scenario(?: outline)?|background|(?:user )?story|test case)\s*:[^.;\n]*"
                           r"[.;\n]\s*(?=(?:given|when|then)\b)")


def gherkin(text: str) -> str:
    """Acceptance criteria written out a part to a line or a sentence ("Scenario: ... Given: a ball. When: the
    robot runs. Then: ..."): the title drops, and the parts are one "given ..., when ..., then ..."."""
    text = GHERKIN_TITLE.sub("", text)
    if not re.match(r"\s*(?:acceptance(?: criteria)?\s*:?\s*)?(?:given|when)\b", text) or \
            not re.search(r"\bthen\b", text):
        return text
    text = re.sub(r"\b(given|when|then)\s*:", r"\1", text)
    return re.sub(r"\s*[.;\n]\s*(?=(?:when|then)\b)", " , ", text)


def _acceptance_criteria(text: str) -> str:
    """"Given ..., when ..., then ..." as a start and a wish: the "given" part is how things are (or, with no
    verb, only which objects there are), the "when" part is read where it changes the goal (`WHEN_ASKS`), the
    "then" part is the goal."""
    m = GIVEN_WHEN_THEN.match(text)
    if m is None:
        return text
    given, when = m.group("given") or "", (m.group("when") or "").strip()
    start = "" if not given else given if COPULA_WORD.search(given) else f"there is {given}"
    acting = f"{when} . " if WHEN_ASKS.search(when) else ""
    then = m.group("then")
    if then.split()[0] in _bare_verbs():  # "then put the cube in the bowl": what to do, said as an order
        return f"{start} . {acting}{then}"
    return f"{start} . {acting}want that \x00{then}"


def _frame_opens(m: re.Match) -> str:
    """A heading of the state to reach as "want that"; every clause of its sentence is how things are to be
    ("goal state: the ball is in the bowl and the cube is on the plate"), so its "is" becomes "should be"."""
    rest = m.string[m.end():]
    stop = re.search(r"(?<!\d)[.;!?](?!\d)", rest)
    sentence = rest[:stop.start() if stop else len(rest)]
    return " want that " + ("" if COPULA_WORD.search(sentence) is None else "\x00")


# ("the ball located in the bowl": where it is, said with "located" alone)
COPULA_WORD = re.compile(r"\b(?:(?:is|are) (?:located|situated)|located|situated|is|are|sits|sit|rests|rest|lies|lie|"
                         r"stands|stand)\b")


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


# a side or a distance said before a noun after "the", and the one it picks: "the back bowl" is the backmost
SIDE_ADJECTIVES = {"left": "leftmost", "right": "rightmost", "front": "frontmost", "back": "backmost",
                   "rear": "backmost", "far": "farthest", "farther": "farthest", "further": "farthest",
                   "near": "nearest", "nearer": "nearest", "closer": "nearest"}


def side_adjectives(text: str) -> str:
    """"the left bowl", "the back red one", "the nearer block": a side or a distance before a noun picks the
    object on that side, or so far from the robot, as "leftmost" does; after a verb ("put back the ball") or
    before anything else it stays a direction."""
    return _side_before_noun().sub(lambda m: SIDE_ADJECTIVES[m.group(1)], text)


@functools.lru_cache(maxsize=1)
def _side_before_noun() -> re.Pattern:
    colors = vocab.color_words()
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))}
                   | {"one", "ones"}, key=vocab.longest_first)
    sides = "|".join(sorted(SIDE_ADJECTIVES, key=vocab.longest_first))
    return re.compile(rf"(?<=\bthe )({sides})(?= (?:(?:{'|'.join(colors)}) )?(?:{'|'.join(nouns)})\b)")


def size_adjectives(text: str) -> str:
    """"the big bowl", "the little one": a size said of one object after "the" picks it among those of its
    kind, as "largest" does; "a big tower", "a little to the left" or "the big blocks" pick nothing. A fond
    "little" before a colour ("the little red ball") only describes, as the colour says which, unless the words
    set sizes against each other ("the little red block on the big red block")."""
    if not re.search(rf"\b(?:{'|'.join(s for s, most in SIZES.items() if most == 'largest')}|small|"
                     r"(?:bigg|larg|small|tini)(?:er|est))\b", text):
        text = re.sub(rf"\b(?<=the )(?:(?:{'|'.join(FOND)}) )+(?=(?:{'|'.join(_colour_names())})\b)", "", text)
    return _size_before_noun().sub(lambda m: SIZES[m.group(1)] if m.group(1) else "", text)


def round_ones(text: str) -> str:
    """"the round one", "the red round thing": of the objects the robot moves, the round one is a ball (and
    "round" before "ball" says nothing more); "round" is a change of shape only as a verb ("round the
    block")."""
    colours = "|".join(_colour_names())
    text = re.sub(rf"\b(the|a|an|that|this) round ((?:(?:{colours}) )?)(?:one|thing|thingy|thingie|object|toy)\b",
                  r"\1 \2ball", text)
    text = re.sub(rf"\b(the|a|an|that|this) ((?:(?:{colours}) )?)round (?:one|thing|thingy|thingie|object|toy)\b",
                  r"\1 \2ball", text)
    return re.sub(rf"\b(the|a|an|that|this) round (?=(?:(?:{colours}) )?(?:ball|sphere|marble)s?\b)", r"\1 ", text)


# sizes a parent says fondly ("the little red ball", "the teeny little cube")
FOND = ("little", "tiny", "wee", "teeny", "teensy", "weeny", "itty bitty", "teeny weeny")


@functools.lru_cache(maxsize=1)
def _colour_names() -> tuple[str, ...]:
    return vocab.color_words()


SIZES = {"big": "largest", "large": "largest", "huge": "largest", "massive": "largest", "giant": "largest",
         "little": "smallest", "small": "smallest", "tiny": "smallest", "teeny": "smallest",
         "wee": "smallest"}


@functools.lru_cache(maxsize=1)
def _size_before_noun() -> re.Pattern:
    colors = vocab.color_words()
    nouns = sorted({w for words in vocab.KINDS.values() for w in words} | {"one"}, key=vocab.longest_first)
    # after "a" the size only describes ("a little ball"): dropped, so "little" is not read as "a little" (an amount)
    sizes = "|".join(SIZES)
    return re.compile(rf"(?:(?<=\bthe )({sizes})|(?<=\ba )(?:{sizes}) )"
                      rf"(?= ?(?:(?:{'|'.join(colors)}) )?(?:{'|'.join(nouns)})\b(?! ?-?s\b))")


def speaker_doings(text: str) -> str:
    """"... while I watch", "as we look on", "I've been cleaning all morning and ...", "I'm setting up a demo and
    ...": what the speaker does meanwhile, is doing, or has been doing, asks the robot nothing, and is dropped up to the clause's end; so does who asks
    ("Mummy says ...") or a dare ("I bet you can't ..."). "While the plate stays put" (not the speaker) stays a
    condition."""
    text = re.sub(r"\b(?:i|we)(?:'ve| have|'d| had) been [a-z]+ing\b[a-z' ]*?(?=\s*(?:[,.;!?]|\band\b|$))", " ", text)
    # "I'm setting up a demo and ...": what the speaker is busy with (not "I'm going to", "I'm trying to", which
    # say what is wanted, nor "I'm picturing ...", which pictures it)
    text = re.sub(r"(^|[.;!?]\s*)(?:i|we)(?:'m| am|'re| are) (?!(?:going|about|trying|planning|hoping|wondering|"
                  r"thinking|asking|looking|wanting|needing|not|picturing|imagining|envisioning|envisaging|"
                  r"visualizing|visualising)\b)[a-z]+ing\b[a-z' ]*?(?=\s*(?:[,.;!?]|\band\b|$))",
                  r"\1", text)
    # "Mummy says put ...", "I bet you can't stack ...": who asks, or a dare, opening the ask
    text = re.sub(r"(^|[.;!?,]\s*)(?:(?:your |my |the )?(?:mummy|mommy|mum|mom|daddy|dad|teacher|grandma|granny|"
                  r"grandpa|nana|he|she|they) (?:says|said)(?: that)?|i bet (?:that )?you (?:can't|cannot|can not|"
                  r"couldn't|could not|can)(?: even)?)\s+", r"\1", text)
    return re.sub(r"(?:,\s*)?\b(?:while|whilst|as|like) (?:i|we) (?!(?:want|need|would|have|had|said|asked|told)\b)"
                  r"[a-z' ]*?(?=\s*(?:[,.;!?]|$))", " ", text)


def assurances(text: str) -> str:
    """"Ensure that the ball is placed in the tray", "make sure the cube is left of the bowl": opening a sentence,
    what is to be made sure of is how things are to be, the goal, not how they are now. A negation or a word for
    staying ("make sure the bowl is not moved", "... is still") stays a condition, as it is after a task; "than it is
    now" measures a shift, and "where it is" says where an object stays: neither is the "is" of the object made sure
    of."""
    return re.sub(r"(^|[.;!?:]\s*|\bthen\s+)(?:(?:please|kindly)\s+)?(?:make sure|ensure|see to it|be sure)(?: that)?\s+"
                  r"(?:(?:at|by|in) the (?:very )?end,?\s+)?"
                  r"((?:the|a|an|all|every|both|each|it|they)\b(?:(?!\bthan\b|\bwhere\b)[^.;!?,])*?)\s+(?:is|are)\s+"
                  r"(?:(?:placed|positioned|put|located|situated|sitting|resting|lying|set)\s+)?"
                  r"(?!(?:not|never|still|left|untouched|unmoved|where|moved|touched|disturbed|stationary|kept|"
                  r"alone|lifted|in place)\b)", r"\1\2 should be ", text)


def action_nouns(text: str) -> str:
    """"perform a grasp of the cube", "execute a pick-and-place of the ball into the tray": an action said as a
    noun after a verb of doing is that action's verb."""
    def verb(m: re.Match) -> str:
        said = m.group(1).replace("-", " ")
        if said == "pick and place":
            return "put "
        return f"{said} " if said in _bare_verbs() else m.group(0)

    return re.sub(r"\b(?:perform|execute|carry out|conduct|complete|do) (?:a|an|the|one) "
                  r"(pick[- ]and[- ]place|[a-z]+)(?: (?:operation|action|motion|maneuver|manoeuvre|task))?"
                  r"(?: (?:of|on))? ", verb, text)


def ordinal_compounds(text: str) -> str:
    """"the second-from-left block", "the 3rd from the right cube": a rank said before the noun, as "the second
    block from the left" says it."""
    return _ordinal_compound().sub(r"\1 \3 from the \2", text)


@functools.lru_cache(maxsize=1)
def _ordinal_compound() -> re.Pattern:
    nouns = sorted({n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))} | {"one"},
                   key=vocab.longest_first)
    return re.compile(rf"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)[- ]from[- ](?:the[- ])?(left|right|front|back)"
                      rf"(?:most)? ((?:(?:{'|'.join(_colour_names())}) )?(?:{'|'.join(nouns)}))\b")


def starting_with(text: str) -> str:
    """"Starting with the green block on the blue block, unstack it ...": how things are at the start, said as
    "the green block is on the blue block; ...", so the task after it acts from there."""
    return re.sub(r"(^|[.;!?]\s*)(?:starting|beginning)(?: out| off)? with ((?:the|a|an|all|both) [^,;.]+?) "
                  r"((?:on top of|on|in|inside|under|behind|in front of|next to|beside|near|(?:to the )?(?:left|right) "
                  r"of) [^,;.]+?)\s*[,;]", r"\1\2 is \3 ; ", text)


def that_as_it(text: str) -> str:
    """"put the white cube on top of that": "that" after a relation, with no noun after it, is the object just
    named, as "it" is ("on that plate" keeps its noun)."""
    return re.sub(r"\b(on top of|onto|on|in|into|inside|beside|next to|behind|in front of|near) that"
                  r"(?=\s*(?:[,.;!?]|$|\b(?:and|then|too|as well|please)\b))", r"\1 it", text)


def colours_to_become(text: str) -> str:
    """"the red block should be blue", "I want the cube to be green": a colour the object is to be, said with no
    place, asks it to change colour, as "become blue" does (refused: the robot only moves objects). "The block
    that is red" only says which one."""
    return re.sub(rf"\b(should|must|shall|will|to|needs to|has to|have to|ought to) be (?:all )?"
                  rf"((?:{'|'.join(_colour_names())}))(?=\s*(?:[.!?,;]|$|\b(?:and|then|instead|now|please)\b))",
                  r"\1 become \2", text)


def decimals(text: str) -> str:
    """Decimals written short or the continental way: ".05 m" is 0.05 m, "0,1 m" and "2,5 cm" are 0.1 m and 2.5
    cm; "1,000 mm" (three digits after the comma) stays a thousands separator."""
    text = re.sub(r"(?<![\w.])\.(\d)", r"0.\1", text)
    units = "|".join(sorted((re.escape(u) for u in vocab.UNITS), key=vocab.longest_first))
    return re.sub(rf"\b(\d+),(\d{{1,2}}|\d{{4,}}|(?<=\b0,)\d+)\s*(?=(?:{units})(?![a-z]))", r"\1.\2 ", text)


def hands_off(text: str) -> str:
    """"keep your hands off the bowl", "hands off the bowl", "but mind the bowl", "leave the bowl be", "the bowl
    left alone": the object is not to be touched."""
    text = re.sub(r"\b(but|and|,|\.|;|^)\s*mind (?=(?:the|that|those|these)\b)", r"\1 do not touch ", text)
    # "... and the red block left alone", "the bowl left where it is": left so, said of a thing, it stays so
    text = re.sub(rf"\b((?:{_kind_nouns()})s?|one|ones|it|them) left (?=(?:exactly |just |completely |well )?"
                  r"(?:alone|untouched|undisturbed|where|as (?:it|they) (?:is|are)|in place|in its place)\b)",
                  r"\1 stays ", text)
    text = re.sub(r"\b(leave|let) ((?:the|that|this|those|these|it|them)\b[a-z ]{0,30}?) be\b(?! (?:in|on|at|to|left|"
                  r"right|next|near|beside|behind|moved|placed|put)\b)", r"\1 \2 alone", text)
    return re.sub(r"\b(?:(?:keep|take|get) (?:your |its |the robot's )?)?hands off(?: of)?\b", "do not touch", text)


def cardinals(text: str) -> str:
    """Number words as digits ("twelve" -> 12, "twenty-five" -> 25, "half a" -> 0.5, "two and a half" -> 2.5,
    "a hundred" -> 100, "zero point one" -> 0.1,
    "a quarter of a metre", "3/4 of an inch", "an inch and a half"), all but "one", which is as often "the one on
    the left" as a number (the phrase table reads it where it counts)."""
    text = re.sub(r"\bhalf (?:a|an) ", "0.5 ", text)
    text = re.sub(r"\b(?:a|one) quarter (?:of )?(?:a|an) ", "0.25 ", text)
    text = re.sub(r"\bthree quarters (?:of )?(?:a|an) ", "0.75 ", text)
    # "an inch", "a foot": one of the unit ("m" and "in." are too short to tell from other words)
    units = "|".join(sorted((u for u in vocab.UNITS if len(u) > 2 and u.isalpha()), key=vocab.longest_first))
    text = re.sub(rf"\b(\d+)/([1-9]\d*)(?: of)?(?: an?)? (?=(?:{units}|cm|mm|m|ft|in)\b)",
                  lambda m: f"{round(int(m.group(1)) / int(m.group(2)), 4):g} ", text)  # "3/4 of an inch"
    text = re.sub(rf"\b(?:a|an|one) (?=(?:{units})\b)", "1 ", text)
    text = re.sub(rf"\b(?:a )?couple (?:of )?(?=(?:{units}|cm|mm)\b)", "2 ", text)  # "a couple of inches"
    # "a metre and a half", "2 inches and a half": the number of units and a half
    text = re.sub(rf"\b(\d+) ((?:{units})) and a half\b", lambda m: f"{m.group(1)}.5 {m.group(2)}", text)
    units = "|".join(CARDINALS)

    def number(m: re.Match) -> str:
        tens, unit = m.group(1), m.group(2) or m.group(3)
        if tens is None and unit == "one":
            return m.group(0)
        return str(TENS.get(tens or "", 0) + CARDINALS.get(unit or "", 0))

    text = re.sub(rf"\b(?:({'|'.join(TENS)})(?:[- ]({units}))?|({units}))\b", number, text)
    # "a hundred", "two hundred and fifty": hundreds said aloud
    text = re.sub(r"\b(?:(\d+)|a|one) hundred(?:(?: and)? (\d{1,2})\b)?",
                  lambda m: str(int(m.group(1) or 1) * 100 + int(m.group(2) or 0)), text)
    # "zero point one", "one point two five": a decimal said aloud, digit by digit after the point
    text = re.sub(r"\b(\d+|one) point ((?:\d\b ?)+)",
                  lambda m: f"{1 if m.group(1) == 'one' else m.group(1)}.{''.join(m.group(2).split())} ", text)
    # "two and a half", "one and a half": the number and a half
    return re.sub(r"\b(\d+|one) and (?:a|one) half\b", lambda m: f"{1 if m.group(1) == 'one' else m.group(1)}.5", text)


RELATION_WORDS = {w for words in vocab.RELATIONS.values() for phrase in words for w in phrase.split()[:1]}


# a holder's noun said as the verb of putting into or onto it ("plate up the ball", "crate the blocks")
HOLDER_VERBS = {"plate": "on", "crate": "in", "box": "in"}


def holders_as_verbs(text: str) -> str:
    """"plate up the orange ball", "crate the cubes", "box up the balls": a holder's noun opening a clause, before
    what it acts on, is the verb of putting that there, said as "put the orange ball on the plate"."""
    return _holder_verb().sub(lambda m: f"{m.group(1)}put {m.group(3)} {HOLDER_VERBS[m.group('holder')]} the "
                                        f"{m.group('holder')}", text)


@functools.cache
def _holder_verb() -> re.Pattern:
    nouns = "|".join(sorted({p for ws in vocab.KINDS.values() for w in ws for p in (w, *vocab.plurals(w))},
                            key=vocab.longest_first))
    return re.compile(rf"(^|[.!?;:,]\s*|\b(?:and|then|first|now|please|next|finally)\s+)"
                      rf"(?P<holder>{'|'.join(HOLDER_VERBS)})(?:\s+up)?\s+"
                      rf"(it|them|(?:the|a|an|all|both|every|each|this|that|those|these|\d+)\s+"
                      rf"(?:[a-z]+\s+){{0,3}}?(?:{nouns}))\b")


def wished_empty(text: str) -> str:
    """"I want the tray empty", "the bowl should be emptied", "get the plate clear": a holder wished empty at
    the end is emptied, said as "empty the tray" (`emptying` reads that). "The bowl is empty" says how it is."""
    return _wished_empty().sub(lambda m: f"{m.group(1)}empty {m.group(2)}", text)


@functools.cache
def _wished_empty() -> re.Pattern:
    holders = "|".join(w for k in vocab.CONTAINERS + vocab.SURFACES + ("plate",) for w in vocab.KINDS[k])
    return re.compile(rf"(^|[.!?;:,]\s*|\b(?:and|then|please|now|first)\s+)(?:(?:i|we)\s+(?:really\s+)?(?:want|need|"
                      rf"would like|'d like)\s+|(?:make|get)\s+)?((?:the|that|this|your)\s+(?:[a-z]+\s+){{0,2}}?"
                      rf"(?:{holders}))\s+(?:(?:to be|should be|must be|needs to be|has to be|is to be|to end up|"
                      rf"should end up|will be)\s+)?(?:all\s+|completely\s+)?(?:empty|emptied|cleared|clear)"
                      rf"(?:\s+out)?(?=\s*(?:[.!?;:,]|$|\b(?:and|then|please|when|once|after|by the time)\b))")


def topping_with(text: str) -> str:
    """"top off the red cube with the green cube", "top it off with the ball", "garnish the plate with the
    ball": the object after "with" goes on top of the one before it, said as "put the green cube on top of the
    red cube"."""
    return _topping().sub(lambda m: f"{m.group(1)}put {m.group(3)} on top of {m.group(2)}", text)


@functools.cache
def _topping() -> re.Pattern:
    nouns = "|".join(sorted({p for ws in vocab.KINDS.values() for w in ws for p in (w, *vocab.plurals(w))},
                            key=vocab.longest_first))
    thing = rf"(?:it|them|(?:the|a|an|this|that|each|every|both|all)\s+(?:[a-z]+\s+){{0,3}}?(?:{nouns}))"
    return re.compile(rf"(^|[.!?;:,]\s*|\b(?:and|then|first|now|please|next|finally)\s+)"
                      rf"(?:top|cap|crown|garnish|decorate)(?:\s+off)?\s+({thing})(?:\s+off)?\s+with\s+({thing})\b")


# the robot's own resting pose, which a task may end by returning to
HOME_POSE = re.compile(
    r"(?:[,.;]\s*|\s+)(?:(?:and|then|finally|and then|after that|afterwards),?\s+)*(?:please\s+)?"
    r"(?:(?:return|go|move|come|head|send)(?: the (?:arm|robot|gripper|end effector|end-effector)| yourself)?(?: back)?"
    r"(?: to)? (?:the |its |your )?(?:home|rest|ready|starting|start|initial|neutral)(?: position| pose| "
    r"configuration| config| posture)?|retreat|retract(?: the (?:arm|gripper))?)(?=\s*(?:[.;!?]|$))")


def homing(text: str) -> str:
    """"..., then return to home position", "... and retract the arm", "...; retreat": the robot going back to its
    own resting pose after the task asks nothing of the objects, and is dropped (said alone, it stays a task
    the reader cannot read)."""
    return HOME_POSE.sub("", text)


def colour_plurals(text: str) -> str:
    """"the reds in the red tray, the blues in the blue tray": a colour said in the plural as a noun is every
    object of that colour, of the kind of things to move the words name before it (blocks where they name none).
    "Oranges" stays the fruit."""
    def group(m: re.Match) -> str:
        said = [k for k in re.findall(r"\b([a-z]+)\b", text[:m.start()]) if vocab.kind_of(k) in vocab.MOVABLE]
        return f"{m.group(1)}all the {m.group(2)} {vocab.kind_of(said[-1]) if said else 'block'}s"

    names = "|".join(c for c in vocab.COLORS if c != "orange")
    return re.sub(rf"(^|[\s,;:.!?]+)(?:all (?:of )?)?(?:the )?({names})s\b", group, text)


def correlative_both(text: str) -> str:
    """"put both the red block and the blue ball in the tray": "both" before one object and "and" joins the two
    objects named, as "and" alone does; it counts two only before a plural ("both blocks")."""
    return _correlative_both().sub("", text)


@functools.cache
def _correlative_both() -> re.Pattern:
    nouns = "|".join(sorted({w for ws in vocab.KINDS.values() for w in ws}, key=vocab.longest_first))
    return re.compile(rf"\bboth (?=(?:the |a |an )?(?:[a-z]+ ){{0,2}}?(?:{nouns}) and\b)")


def type_words(text: str) -> str:
    """"place object red block at target left of blue bowl": a roboticist's word for what a thing is ("object",
    "item" before a named object) or for where it goes ("target", "target position" before a place) names
    nothing more, and is dropped."""
    text = _typed_object().sub("", text)
    return re.sub(r"\b(?:(?:the|a) )?target(?: (?:position|location|pose|spot|place))?(?:\s*(?:is|=|:))?\s+"
                  r"(?=(?:the )?(?:left|right|in front|behind|next|near|on|in|into|inside|onto|beside|to the|"
                  r"middle|center|centre|front|back)\b)", "", text)


@functools.cache
def _typed_object() -> re.Pattern:
    nouns = "|".join(sorted({p for ws in vocab.KINDS.values() for w in ws for p in (w, *vocab.plurals(w))},
                            key=vocab.longest_first))
    return re.compile(rf"\b(?:object|objects|obj|item|items)\s+(?=(?:[a-z]+\s+)?(?:{nouns})\b)")


def the_other_way_round(text: str) -> str:
    """"stack the blue on the red, no wait, the other way round", "... vice versa": a correction that turns the
    relation just said around, said as the two objects swapped ("the red on the blue")."""
    return _other_way_round().sub(lambda m: f"{m.group('b')} {m.group('rel')} {m.group('a')}", text)


@functools.cache
def _other_way_round() -> re.Pattern:
    rels = "on top of|onto|on|into|inside|in|to the left of|left of|to the right of|right of|in front of|behind|under"
    thing = r"\b(?:the|a|an) (?:[a-z]+ ){0,2}?[a-z]+"
    return re.compile(rf"(?P<a>{thing}) (?P<rel>{rels}) (?P<b>{thing})\s*[,;.!-]*\s*"
                      rf"(?:(?:no|wait|sorry|actually|oops|i mean|or rather|make (?:it|that))[\s,;.!-]*)*"
                      rf"(?:the )?(?:other way (?:round|around)|vice versa|reversed|the reverse)\b")


def emptying(text: str) -> str:
    """"empty the bowl", "clear out the tray", "clear the plate of its balls": everything taken out of it, said as
    "take all the blocks out of the bowl"; "empty the bowl into the tray" moves it all there. What is in it is of
    the kind the words name ("of its balls", or the kinds named anywhere in the words), blocks where they name none."""
    return _emptying().sub(lambda m: _emptied(m, text), text)


@functools.cache
def _emptying() -> re.Pattern:
    holders = "|".join(w for k in vocab.CONTAINERS + vocab.SURFACES + ("plate",) for w in vocab.KINDS[k])
    things = "|".join(p for k in vocab.MOVABLE for w in vocab.KINDS[k] for p in (*vocab.plurals(w), w))
    return re.compile(rf"(^|[.!?;:,]\s*|\b(?:and|then|please|kindly|just|now|first|you|to)\s+)(?:empty|clear|clean)(?:\s+(?:out|off))?\s+"
                      # a note's "empty tray", "clear red bowl": the holder with its article left out
                      rf"((?:the|that|this|your)\s+(?:[a-z]+\s+){{0,2}}?(?:{holders})|(?:[a-z]+\s+)?(?:{holders})|it)\b"
                      rf"(?:\s+(?:out|off))?"
                      rf"(?:\s+of\s+(?:all\s+)?(?:the\s+|its\s+|their\s+)?((?:[a-z]+\s+)?(?:{things})))?(?![\w-])"
                      rf"(\s+(?:into|in|onto|on|to)\b)?")


def _emptied(m: re.Match, text: str) -> str:
    opens, holder, said, onward = m.group(1), m.group(2), m.group(3), m.group(4)
    if said is None:
        named = [k for k in vocab.MOVABLE if re.search(
            rf"\b(?:{'|'.join(p for w in vocab.KINDS[k] for p in (*vocab.plurals(w), w))})\b", text)]
        said = " and all the ".join(f"{k}s" for k in named or ["block"])
    if onward:  # "empty the bowl into the tray": everything in it goes there
        return f"{opens}move all the {said} from {holder}{onward}"
    return f"{opens}take all the {said} out of {holder}"


def the_rest(text: str) -> str:
    """"the rest of the balls" is "the other balls"; "the rest", "the others" or "the other ones" are the
    others of the kind last moved, a block or a ball where one was named ("put the red block in the bowl and
    the rest on the plate": the other blocks, not bowls). Said before any kind, they stay as said (and are
    refused)."""
    text = re.sub(r"\bthe rest of (?:the |those |these )?(?=[a-z]+s\b)", "the other ", text)

    def others(m: re.Match) -> str:
        kinds = [k for k in (vocab.kind_of(w) for w in re.findall(r"[a-z]+", text[:m.start()])) if k]
        kind = next((k for k in reversed(kinds) if k in vocab.MOVABLE), kinds[0] if kinds else None)
        return f"the other {vocab.plurals(kind)[0]}" if kind else m.group(0)

    return re.sub(r"\bthe (?:rest|others|other ones)\b(?! of\b)", others, text)
