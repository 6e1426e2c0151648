"""The English of old verse and scripture: "set thou the cube upon yon plate", "O robot, bear thy hook unto the
bowl", "the tower hath three cubes". Its pronouns are the "you" and "your" a task is said to, "yon" and "yonder"
point at a thing as "the" does, "unto" is "to", and its verb forms are today's; the words then read as a task
said today."""

from __future__ import annotations

import re

# old word -> the word said today ("set thou the cube": "thou" and "thee" after a verb are the robot spoken to,
# which says nothing; after a word of place, "nearest thee", they are "you")
OLD_WORDS = {"thou": "", "thee": "", "ye": "", "thy": "your", "thine": "your", "unto": "to",
             "hath": "has", "doth": "does", "dost": "do", "art": "are", "shalt": "shall", "wilt": "will",
             "canst": "can", "shouldst": "should", "mayst": "may", "thither": "there", "hither": "here",
             "'tis": "it is", "tis": "it is", "ere": "before", "hie": "go", "tarry": "wait"}


def archaic(text: str) -> str:
    """``text`` (lower case) with the words of old verse said as today's: "wander thou to yonder marker" ->
    "wander to the marker"; "o robot," said to the robot drops out."""
    # "O robot,", "o arm!": the robot called on, which names nothing to move
    text = re.sub(r"(^|[,;.!]\s*)\s*o (?:robot|arm|machine|servant|helper)\b\s*[,!]?\s*", r"\1 ", text)
    # "yonder bowl": before a thing it points at it, as "the" does; after it ("the marker yonder") it adds nothing
    text = re.sub(r"\b(?:yon|yonder)\b(?=\s+(?:[a-z]+\s+){0,2}[a-z]+)", "the", text)
    text = re.sub(r"\s*\b(?:over )?yonder\b", "", text)  # "the marker yonder": pointing at it, said after its noun
    # "let the cube stand before the bowl": a thing standing before another stands in front of it (not the
    # "before" of a step said first)
    text = re.sub(r"\b(stand|stands|sit|sits|lie|lies|rest|rests|kneel|kneels|wait|waits) before (?=(?:the|a|an|yon|"
                  r"yonder|thy|your) )", r"\1 in front of ", text)
    text = re.sub(r"\b(to|unto|near|nearest|closest|for|by|with|from|beside|before|behind|at|toward|towards) "
                  r"(?:thee|thou|ye)\b", r"\1 you", text)
    return re.sub(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in OLD_WORDS) + r")(?![\w'])",
                  lambda m: OLD_WORDS[m.group(0)], text)
