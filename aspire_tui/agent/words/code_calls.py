"""A task typed as code, as a programmer writes one: calls ("move(red_block, green_bowl)", "goto(red_marker)",
"put(obj='cyan ball', dest='purple tray')"), relations as predicates or methods ("assert left_of(a, b)",
"a.on(b)"), loops ("for each ball: tray", "for b in blocks: move(b, bowl_of_color(b.color))"), a tower as a list
("tower = [a, b, c]") and a note after "#". Each is said as the words it stands for."""

from __future__ import annotations

import re

from aspire_tui.agent.words.lexicon import VERBS

# keyword arguments that name the object acted on, and those that name where it goes
OBJECT_KEYS = ("obj", "object", "item", "what", "target_object", "thing", "top", "subject", "block", "ball")
PLACE_KEYS = ("dest", "destination", "target", "to", "where", "place", "location", "goal", "bottom", "base",
              "container", "receptacle", "into", "onto", "on", "in", "at")
AMOUNT_KEYS = ("distance", "dist", "by", "amount", "offset", "delta", "d")
SIDE_KEYS = ("direction", "dir", "side", "order")
# predicates that are relations, said as the words between their two objects
RELATIONS = {"left_of": "left of", "right_of": "right of", "in_front_of": "in front of", "behind": "behind",
             "next_to": "next to", "beside": "beside", "near": "near", "on": "on", "on_top_of": "on top of",
             "in": "in", "inside": "inside", "is_on": "on", "is_in": "in", "above": "on"}
# selections written as calls: "nearest(block, red_bowl)"
SELECTIONS = {"nearest": "nearest to", "closest": "closest to", "farthest": "farthest from",
              "furthest": "farthest from", "leftmost": "", "rightmost": "", "frontmost": "", "backmost": "",
              "largest": "", "biggest": "", "smallest": ""}
# names a call is given that say a verb in other words
CALL_VERBS = {"goto": "go to", "go_to": "go to", "move_to": "go to", "navigate_to": "go to", "drive_to": "go to",
              "set_position": "move", "set_pose": "move", "relocate": "move", "put_on": "put", "place_on": "put",
              "put_in": "put", "place_in": "put", "line_up": "line up"}
CALL = re.compile(r"(?<![\w.])(?P<name>[a-z][a-z_]*)\s*\((?P<args>[^()]*)\)")
ARG_SPLIT = re.compile(r",(?![^\[]*\])")


def code_calls(text: str) -> str:
    """``text`` (lower case) with code said as words (see the module); text with no code is returned as it is."""
    if not re.search(r"[a-z_]\s*\(|^\s*for\b|\s#\s|=\s*\[", text):
        return text
    text = re.sub(r"(?<=[\w)\]])\s+#+\s+(?=[a-z])", " , ", text)  # a note after the code: said after it
    text = re.sub(r"\b(?:top first|top[- ]down|top to bottom)\b", "from the top down", text)
    text = re.sub(r"\b(?:listed )?(?:bottom first|bottom[- ]up|bottom to top)\b", "from the bottom up", text)
    text = re.sub(r"\b(tower|stack|pile|row|line)\s*=\s*\[([^\]]*)\]", r"build a \1 of \2 ", text)
    text = _selections(text)
    text = re.sub(r"(^|[.;:,]\s*|\band\s+)(?:assert|ensure|expect|check|require)\s+(?=[a-z_.]+\s*\()",
                  r"\1", text)
    text = re.sub(r"(?<![\w.])([a-z][a-z_]*)\.(" + "|".join(RELATIONS) + r")\(\s*([a-z][a-z_ ]*)\s*\)",
                  lambda m: f"{m.group(1)} {RELATIONS[m.group(2)]} {m.group(3)}", text)
    text = _loops(text)
    while (changed := CALL.sub(_call, text)) != text:
        text = changed
    return text


def _selections(text: str) -> str:
    def selected(m: re.Match) -> str:
        what, *rest = [a.strip().strip("'\"") for a in m.group("args").split(",")]
        if m.group("name") in ("nearest", "closest", "farthest", "furthest") and rest:
            return f"the {what} {SELECTIONS[m.group('name')]} the {rest[0]}"
        if rest and rest[0].isdigit():
            return f"the {_ordinal(int(rest[0]))} {m.group('name')} {what}"
        return f"the {m.group('name')} {what}"

    names = "|".join(SELECTIONS)
    return re.sub(rf"(?<![\w.])(?P<name>{names})\s*\((?P<args>[^()]*)\)", selected, text)


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth"}.get(n, f"{n}th")


def _loops(text: str) -> str:
    """"for each ball: tray", "for b in blocks: move(b, ...)": the body said of each one."""
    def each(m: re.Match) -> str:
        kind = m.group("kind")
        one = re.sub(r"(?:es|s)$", "", kind) if m.group("var") else kind
        name = m.group("var") or kind
        body = m.group("body").strip()
        body = re.sub(rf"(?<![\w'])(?:the )?{re.escape(name)}\.colou?r\b", "its color", body)
        said = iter([f"each {one}"])  # the first time it is named, then "it"
        body = re.sub(rf"(?<![\w']){re.escape(name)}(?![\w'])", lambda _: next(said, "it"), body)
        if not re.search(r"\beach\b", body):  # "for each ball: tray": the body only says where
            body = f"put each {one} to {body}"
        return m.group(1) + body

    return re.sub(r"(^|[.;]\s*)for\s+(?:each|every|all)?\s*(?:(?P<var>[a-z]\w*)\s+in\s+(?:the\s+|all\s+)?)?"
                  r"(?P<kind>[a-z]+)\s*:\s*(?P<body>(?:[^.;]|\.(?=\w))*)", each, text)


def _call(m: re.Match) -> str:
    name, args = m.group("name"), [a.strip() for a in ARG_SPLIT.split(m.group("args")) if a.strip()]
    if name in RELATIONS and len(args) == 2 and "=" not in m.group("args"):
        return f"{_said(args[0])} {RELATIONS[name]} {_said(args[1])}"
    # "bowl_of_color(its color)": the bowl of that colour
    if (of := re.fullmatch(r"([a-z]+)_(?:of|with|matching)_(?:colou?r|same_colou?r)", name)) and args:
        return f"the {of.group(1)} of {_said(args[0])}"
    verb = CALL_VERBS.get(name, name.replace("_", " "))
    if verb.split()[0] not in {w for words in VERBS.values() for w in words} and verb not in CALL_VERBS.values():
        return m.group(0)
    preposition = name.split("_")[-1] if name.split("_")[-1] in ("on", "in", "into", "onto") else "to"
    what, where, rest = [], [], []
    for k, arg in enumerate(args):
        key, _, value = arg.rpartition("=") if "=" in arg else ("", "", arg)
        key, value = key.strip(), _said(value)
        if not key:
            # "stack(a, b, c)": every object is one of the tower's
            (what if (k == 0 or verb in ("stack", "pile", "line up")) and verb != "go to" else where).append(value)
        elif key in OBJECT_KEYS:
            what.append(value)
        elif key == "corner":
            where.append(f"to the {value} corner")
        elif key == "edge":
            where.append(f"along the {value} edge")
        elif key in PLACE_KEYS:
            said = key if key in ("into", "onto", "in", "on", "at") else "on" if key in ("bottom", "base") else ""
            where.append(f"{said} {value}")
        elif key in AMOUNT_KEYS:
            rest.append(f"{value} m" if re.fullmatch(r"-?\d+(?:\.\d+)?", value) else value)
        elif key in SIDE_KEYS:
            # "left_to_right": the order of a line, from one end to the other
            rest.append(re.sub(r"\b(left|right|front|back) to (left|right|front|back)\b", r"from \1 to \2", value))
        elif key in RELATIONS:
            where.append(f"{RELATIONS[key]} {value}")
        elif re.fullmatch(r"[a-z]+", key) and value:
            # "blocks=['red', 'green']": the objects of that kind, in the order listed
            what.append(f"the {value} {key}" if arg.split("=", 1)[1].strip().startswith("[") else value)
    place = " ".join(w if w.startswith(("to ", "in ", "on ", "into ", "onto ", "at ", "along ", *(f"{r} " for r in
                     RELATIONS.values()))) or verb == "go to"
                     else f"{preposition} {w.strip()}" for w in where)
    objects = ", ".join(what[:-1]) + " and " + what[-1] if len(what) > 1 else " ".join(what)
    return " ".join(p for p in (verb, objects, " ".join(rest), place) if p.strip())


def _said(value: str) -> str:
    value = value.strip().strip("'\"").replace("_", " ")
    if value.startswith("["):  # "['red', 'green', 'blue']": a list of colours or objects
        return ", ".join(v.strip().strip("'\"") for v in value.strip("[]").split(","))
    return value
