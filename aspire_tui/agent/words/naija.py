"""A Nigerian English speaker's particles and turns of phrase, said plainly: "put the cube on the plate o", "...
jare", "no wahala", "carry the ball go the crate" (take it there). A particle only tones the ask; a serial "carry
... go" is one move to the place said after it."""

from __future__ import annotations

import re

# particles that end or open a clause and only tone it: "o" (only at a clause's end, where no word can follow it),
# "jare", "sha", "shey", "ehn", "abi", "na so", "no wahala", "wahala"
_PARTICLES = re.compile(r"\s+o+h?(?=\s*(?:[.,;!?]|$))|,?\s*\b(?:jare|sha|ehn|no wahala|no shaking|biko|abi)\b\s*,?"
                        r"(?=\s*(?:[.,;!?]|$))|^\s*(?:jare|sha|ehn|oya|abeg)\s*,?\s+")
# "carry the ball go the crate", "take the cube go to the bowl": moved to the place after "go"
_SERIAL = re.compile(r"\b(carry|take|bring)\s+((?:the|a|an|that|this|all the|both) (?:[a-z]+ ){0,2}?[a-z]+)\s+go\s+"
                     r"(?:to\s+|put\s+(?:it|them)\s+)?(?=(?:the|a|an|inside|into|in|on|onto)\b)")


def naija(text: str) -> str:
    """``text`` (lower case) with Nigerian English particles dropped and a serial "carry ... go" said as a move."""
    if not re.search(r"\bo+h?\b|\bjare\b|\bsha\b|\behn\b|wahala|shaking|\bbiko\b|\babi\b|\boya\b|\babeg\b| go ", text):
        return text
    t = _PARTICLES.sub("", text)
    return _SERIAL.sub(lambda m: f"{m.group(1)} {m.group(2)} to ", t)
