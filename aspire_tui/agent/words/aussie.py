"""An Australian's words at work: "whack it on the plate", "chuck it in the tub", "rock up at the marker", "a heap to
the right", "reckon you could ...", and the assurances that ask nothing ("she'll be right", "no worries", "too easy").
Each read as the plain words it stands for."""

from __future__ import annotations

import re

# how it is said, never what is asked: "..., she'll be right", "no worries mate", "too easy"
ASSURANCES = (r"she(?:'ll| will) be right|she(?:'s| is) (?:right|sweet|apples)|no (?:worries|dramas|drama|probs|"
              r"problems|wukkas)|too easy|easy as|all good|good on (?:ya|you)|cheers (?:mate|legend)|legend|"
              r"(?:this|in the|by|before) arvo|ta muchly")


def aussie(text: str) -> str:
    """``text`` (lower case) with an Australian's words said plainly."""
    text = re.sub(rf"(?:,\s*|\s+-+\s*)?\b(?:{ASSURANCES})\b\s*[.!,]*", " ", text)
    # "reckon you could put ...", "d'you reckon ya can ...": asked as a guess, the wish that it be done
    text = re.sub(r"(^|[.;!?,]\s*)(?:do |d')?(?:you |ya )?reckon (?:you|ya) (?:could|can|might)\b\s*", r"\1", text)
    # "the cube furthest from ya", "closest to ya": you, the robot ("ya" alone is only a word of address)
    text = re.sub(r"\b(from|to|towards|toward|near|nearest|closest|by) ya\b", r"\1 you", text)
    # "whack it on the plate", "bung it in the crate": put
    text = re.sub(r"\bwhack(?= (?:the|a|an|it|them|that|this|all|both|each|every)\b)", "put", text)
    # "rock up at the marker", "roll up to the cone": go there
    text = re.sub(r"\b(?:rock|roll) up (?:at|to)\b", "go to", text)
    # "the corner down the back left", "up the front": at the back, at the front (of the table)
    text = re.sub(r"\bdown the back\b", "at the back", text)
    text = re.sub(r"\bup the front\b", "at the front", text)
    # "a heap to the right", "heaps further": a lot (a heap of blocks is a pile)
    return re.sub(r"\b(?:a heap|heaps)(?= (?:to|towards|further|farther|closer|nearer|more|left|right|forward|back)\b)",
                  "a lot", text)
