"""A Filipino speaker's words, as a call-centre agent types them: "kindly put the cube in the bowl po", "salamat
po", "ok na po?", "can you help me sort the blocks per color", "I would like to request a tower of ...". The
Tagalog marks of respect and tone ask nothing; said without them, what they ask is read."""

from __future__ import annotations

import re

# Tagalog words that only set a tone or show respect: "po", "opo", "naman", "lang", "ba", "na" closing a clause
TONE = r"(?:po|opo|naman|lang|ba|na|nga|sana|ha)"


def taglish(text: str) -> str:
    """``text`` (lower case) with Filipino English said plainly."""
    # "salamat po", "maraming salamat": thanks, said as thanks (which ask nothing)
    text = re.sub(r"\b(?:maraming )?salamat\b", "thank you", text)
    # "ok na po?", "sige po", "..., ok lang": agreement asked or given, never the task
    text = re.sub(r",?\s*\b(?:ok|okay|sige)(?: (?:na|lang|po|ba))+\b\s*\??", " ", text)
    text = re.sub(r"(^|[.;!?,]\s*)sige\b\s*,?\s*", r"\1", text)
    # "please po put ...", "the cube po", "thank you po": "po" and "opo" anywhere, the other tone words only
    # after "po" or closing a clause ("put it in the bowl na po")
    text = re.sub(r"\s*\b(?:po|opo)\b", "", text)
    text = re.sub(rf"\s+(?:{TONE}\b\s*)+(?=[.,;!?]|$)", "", text)  # whole words: "banana" is no "ba na na"
    # a call centre's set phrases around the ask: "kindly advise if you can move ...", "may I request you to ...",
    # "please be informed that the block is in the bowl": the ask, or how things are, said plainly
    text = re.sub(r"\b(?:please |kindly )?(?:advise|confirm|check|let (?:us|me) know) (?:us |me )?(?:if|whether) "
                  r"(?:you )?(?:can|could) ", "please ", text)
    text = re.sub(r"\bmay (?:i|we) (?:request|ask)(?: you)? to ", "please ", text)
    text = re.sub(r"\b(?:please |kindly )?be (?:informed|advised) that ", "", text)
    text = re.sub(r"\bas per (?:your|the|our|my) (?:request|instructions?|advice|concern)\s*,?\s*", "", text)
    # "put the block sa bowl", "go sa marker": "sa" is where it goes, as "to" says
    text = re.sub(r"\bsa(?= (?:the |a |an |[a-z]+ )?[a-z]+)", "to", text)
    # "per color": by color ("sort the blocks per color")
    text = re.sub(r"\bper colou?r\b", "by color", text)
    # "I would like to request a tower of ...": asked for, as "I would like a tower of ..." says
    return re.sub(r"\b(would like|want|wish|like) to (?:request|ask for|order)\b", r"\1", text)
