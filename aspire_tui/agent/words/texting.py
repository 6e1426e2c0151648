"""What a person texting on a phone types short: "2" for "to", "in2" for "into", "n" for "and", "the green 1"
for "the green one", "da" and "them" ("them cubes") for "the", "xcept", "b4", and a bare "k" for "ok"; each read as the words it stands
for, only where the short form cannot be the number or the letter itself."""

from __future__ import annotations

import functools
import re

from sim import vocabulary as vocab

# whole words typed short
SHORT_WORDS = {"in2": "into", "on2": "onto", "b4": "before", "xcept": "except", "xcpt": "except", "2gether": "together",
               "ur": "your", "bc": "because", "coz": "because", "cuz": "because", "nxt2": "next to",
               "1st": "first", "wanna": "want to", "gotta": "have to", "rn": "now", "shud": "should", "shld": "should",
               "wud": "would", "cud": "could", "abt": "about", "da": "the", "dat": "that", "cn": "can", "nd": "and",
               "wit": "with", "wiv": "with",
               # a bored aside typed short: "or smth", "or wtv", "... ig" (i guess), "idc"
               "smth": "something", "sth": "something", "wtv": "whatever", "whatevs": "whatever", "ig": "i guess",
               "idc": "whatever", "mov": "move"}


def text_speak(text: str) -> str:
    """The short forms of texting spelled out: "next 2 the bowl", "red n green", "the blue 1", "k thx"."""
    text = re.sub(rf"(?<![\w/])(?:{'|'.join(SHORT_WORDS)})(?![\w/])", lambda m: SHORT_WORDS[m.group(0)], text)
    # "2" before "the", "it", "a": "to" ("two" is said "2 blocks", "the 2 blocks", never "2 the blocks")
    text = re.sub(r"(?<![\w.])2(?= (?:the|a|an|it|them|its|their|my|your|this|that|where)\b)", "to", text)
    # "the block farthest from u", "bring it closer to u": "u" for "you" where a place is said from it
    text = re.sub(r"\b(from|to|towards?|near|nearer|nearest|by|behind|of) u\b(?!\.)", r"\1 you", text)
    # "id like", "ive put": "i'd", "i've" with the apostrophe left out
    text = re.sub(r"\bid (?=like|love|prefer|rather)\b", "i would ", text)
    text = re.sub(r"\bive (?=put|moved|placed|left|got)\b", "i have ", text)
    # "1" for "one" after a colour or "that", "this", "other", where no thing it counts follows ("the red 1 block"
    # is one block)
    text = re.sub(rf"\b((?:{_colours()}|that|this|other) )1\b(?= *([a-z]*))",
                  lambda m: m.group(0) if m.group(2) in _counted() else f"{m.group(1)}one", text)
    # "a lil to the right", "a lil bit": a little, an amount ("lil" alone is an aside)
    text = re.sub(r"\ba lil\b", "a little", text)
    # "w the red block", "w/ the hook": with
    text = re.sub(r"(?<![\w/])w/?(?= (?:the|a|an|all|both|every|each|my|your|it|them)\b)", "with", text)
    # "n" between words: "and"
    text = re.sub(r"(?<=[a-z0-9,]) n (?=[a-z])", " and ", text)
    # "stack them cubes up", "dem balls": "them" before things of a kind is "the", said the way it is spoken
    text = re.sub(rf"\b(?:them|dem) (?=(?:(?:{_colours()}) )?([a-z]+)\b)",
                  lambda m: "the " if m.group(1) in _counted() and m.group(1).endswith("s") else m.group(0), text)
    # "k", "kk": ok, opening the words or before thanks or at the end
    text = re.sub(r"^\s*kk?\b\s*,?", " ", text)
    return re.sub(r"\bkk?\b(?= *(?:$|[.!,]|thx\b|thanks\b|ty\b))", " ", text)


@functools.lru_cache(maxsize=1)
def _colours() -> str:
    return "|".join(vocab.color_words())


@functools.lru_cache(maxsize=1)
def _counted() -> frozenset[str]:
    """The words a number counts: things of a kind and units."""
    nouns = {n for words in vocab.KINDS.values() for w in words for n in (w, *vocab.plurals(w))} | set(vocab.UNITS)
    return frozenset(n for n in nouns if re.fullmatch(r"[a-z]+", n))
