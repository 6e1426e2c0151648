"""A field geologist's notebook shorthand: "drop the blue ball (specimen 14) into the tray", "sort samples (blocks)
by colour", "specimen (yellow cube) beyond reach", "all blocks to the back left corner for logging", "cairn of
samples - orange cube base, yellow cube mid, red cube cap". The samples are the objects the brackets name; a tag
number, a station or the purpose of a move asks nothing."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

SAMPLE = r"(?:samples?|specimens?|finds?|rocks?|clasts?)"
# the words for a kind, singular or plural, as the brackets after a sample name it
KIND_WORDS = "|".join(sorted({s for words in vocab.KINDS.values() for w in words for s in (w, *vocab.plurals(w))},
                             key=vocab.longest_first))
# why a sample is moved, said after where it goes: "for logging", "for the photo", "for analysis"
PURPOSE = re.compile(r"\s*\bfor (?:the |a )?(?:logging|log|photos?|photograph(?:s|y)?|imaging|analysis|cataloging|"
                     r"cataloguing|labell?ing|the record|scale|sampling|inspection|measurement|weighing|dating|drying|"
                     r"description|sketching|documentation)\b")
# a tower told by its levels: "orange cube base, yellow cube mid, red cube cap"
LEVELS = {"base": "at the bottom", "bottom": "at the bottom", "mid": "in the middle", "middle": "in the middle",
          "cap": "on top", "top": "on top"}


def field_notes(text: str) -> str:
    """``text`` (lower case) with a field notebook's shorthand said plainly."""
    # "samples (blocks)", "specimen (yellow cube)", "specimen a (red cube)": the objects the brackets name
    text = re.sub(rf"\b(?:the )?{SAMPLE}(?: #?[a-z]?-?\d*[a-z]?)? \(((?:[a-z]+ )?(?:{KIND_WORDS}))\)", r"\1", text)
    # "(specimen 14)", "(station 4)", "(sample #3)", "(tag a-12)": a label, which no goal needs
    text = re.sub(rf"\s*\((?:{SAMPLE}|station|tag|site|loc|locality|no\.?|#)\s*#?\s*[a-z]?-?\d+[a-z]?\)", "", text)
    # "(robot side)", "(near side)": the side said again in brackets, as "behind" says it already
    text = re.sub(r"\s*\((?:on )?(?:the )?(?:robot(?:'s)?|near|your) side\)", "", text)
    # "row out the specimens front to back: a, b, c": the samples the list after the colon names
    text = re.sub(rf"\b(?:the |all )?{SAMPLE}(?=[^.;:]*:\s*(?:the )?[a-z]+ (?:{KIND_WORDS})\s*,)", "", text)
    text = PURPOSE.sub("", text)
    # "cairn of samples - orange cube base, ...": a tower of them, told by its levels
    if re.search(r"\b(?:cairn|tower|stack|pile)\b", text):
        text = re.sub(rf"\bcairn(?: of {SAMPLE})?\b", "tower", text)
        text = re.sub(rf"\b((?:{KIND_WORDS})) ({'|'.join(LEVELS)})(?=\s*(?:[,.;]|$))",
                      lambda m: f"{m.group(1)} {LEVELS[m.group(2)]}", text)
    return text
