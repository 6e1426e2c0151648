"""A task written as a spec's fields, one "key: value" a line ("task: push / object: red block / target: blue
zone"): the task's verb, then the objects, then where they go, said as one sentence."""

from __future__ import annotations

import re

# the keys of each field, as an engineer names them
TASK_KEYS = ("task", "action", "operation", "command", "skill", "verb", "task type", "action type")
OBJECT_KEYS = ("object", "objects", "obj", "item", "items", "subject", "target object", "what", "payload")
PLACE_KEYS = ("target", "targets", "destination", "destinations", "target location", "target position", "where",
              "place", "location", "goal location", "goal position", "to", "into", "onto")
FIELD = re.compile(r"^\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<key>[a-z][a-z ]{0,20}?)\s*[:=]\s*(?P<value>[^:=\n;]*?)\s*[.;]?\s*$")
# words that open a place said in full ("left of the bowl"), which need no "to" before them
PLACE_OPENERS = ("in", "into", "inside", "on", "onto", "at", "to", "left", "right", "in front", "behind", "next",
                 "beside", "near", "between", "along", "the front", "the back", "the left", "the right", "the middle")


def key_values(text: str) -> str:
    """``text`` (lower case) with a task said as fields (a task and its objects, one field a line or between
    semicolons) said as one sentence; other lines ("constraint: ...") are kept after it, each a sentence."""
    lines = [ln for ln in re.split(r"\n|;", text) if ln.strip()]
    if len(lines) < 2:
        return text
    fields: dict[str, str] = {}
    rest: list[str] = []
    for ln in lines:
        m = FIELD.match(ln)
        key = m.group("key").strip() if m else ""
        for name, keys in (("task", TASK_KEYS), ("object", OBJECT_KEYS), ("place", PLACE_KEYS)):
            if m and key in keys and name not in fields and m.group("value"):
                fields[name] = m.group("value")
                break
        else:
            rest.append(ln.strip())
    if "task" not in fields or "object" not in fields:
        return text
    said = f"{fields['task']} {fields['object']}"
    if "place" in fields:
        place = fields["place"]
        said += f" {place}" if place.startswith(PLACE_OPENERS) else f" to {place}"
    return " . ".join([said, *rest])
