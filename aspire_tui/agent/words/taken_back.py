"""A task taken back at the end of the words ("..., no wait, don't", "... never mind"): nothing is left to do,
so the words are refused rather than read as the task they take back. A correction that says something else
instead ("no wait, the blue one", "scratch that, put the ball in the tray") is read as the task it gives."""

from __future__ import annotations

import re

from aspire_tui.agent.words.lexicon import InstructionError

# what takes the whole task back, said last
TAKING_BACK = (r"(?:do not|don't|dont)(?: (?:do|bother)(?: (?:it|that|this|anything))?)?|never ?mind(?: (?:that|it))?|"
               r"forget (?:it|that|about it|about that|all that|the whole thing)|"
               r"(?:cancel|scratch|scrap|ignore|disregard|strike) (?:that|it|this|all that|the whole thing)|"
               r"(?:do )?nothing|not needed|no need|(?:that is|that's) not needed")
# said before it: a pause or a change of mind ("no wait", "actually", "oh")
LEAD = r"(?:(?:no|wait|actually|oh|hmm|hm|um|uh|er|on second thoughts?|sorry)\s*[,.!]?\s*)*"
ENDING = re.compile(rf"(?:^|[,.;:!?\-]|\b(?:no|wait|actually|oh)\b)\s*{LEAD}({TAKING_BACK})\s*[.!]*\s*$")


def refuse_taken_back(text: str) -> None:
    """Refuse words whose last words take the task back.

    Raises:
        InstructionError: ``unreadable``, naming the words that take it back.
    """
    said = text.lower().replace("’", "'").strip()
    m = ENDING.search(said)
    if m is not None and not re.search(r"[a-z]", said[:m.start()]):
        raise InstructionError(f"nothing to do in {text[:60]!r}: say what the robot should do, e.g. \"put the red "
                               "block in the green bowl\"", "unreadable")
    if m is not None:
        raise InstructionError(f"nothing to do: {m.group(1)!r} at the end takes back the task said before it; "
                               "say only the task the robot should do", "unreadable")
