"""The headings of a ward note or a report: "obs: red blk in tray. plan: move to plate". What follows a heading
of what was seen ("obs:", "status:", "on arrival:") is how things are now; what follows a heading of what is to
be done ("plan:", "to do:", "action:") is the task, said plainly."""

from __future__ import annotations

import re

# headings of what is seen: how things are
SEEN = (r"(?:obs|observation|observations|observed|status|current state|current status|situation|findings?|"
        r"on arrival|at handover|as found|found|"
        # a ledger's: "opening balance: yellow block in tray. closing balance: ..."
        r"opening balance|opening position|opening)")
# the time a note's line opens with ("0600 obs: ...", "14:30 plan: ...")
TIME = r"(?:(?:\d{3,4}h?|\d{1,2}[:.]\d{2})\s*[-–:]?\s*)?"
# headings of what to do: the task itself
TO_DO = (r"(?:plan|to ?do|to-do|action|actions|request|req|orders?|intervention|closing balance|closing position|"
         # a ledger's line number: "line item 1: yellow block -> red tray", "line 4: ..."
         r"closing|line item(?: ?#?\d+)?|line ?#?\d+)")


def note_headings(text: str) -> str:
    """``text`` (lower case) with a heading of what is seen said as "currently", and a heading of what to do
    dropped."""
    text = re.sub(rf"(^|[.;\n]\s*){TIME}{SEEN}\s*[:=–—-]\s*", r"\1currently ", text)
    return re.sub(rf"(^|[.;\n]\s*){TIME}{TO_DO}\s*[:=–—-]\s*", r"\1", text)
