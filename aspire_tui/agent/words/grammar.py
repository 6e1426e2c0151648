"""The phrases of an instruction: a lark grammar over its tagged words.

Only runs of tags that can make a phrase (an object reference, an amount, an
order) are parsed; every other tag is a word on its own. A run of a given
shape ("COLOR KIND") is parsed once and its tree reused. lark compiles the
grammar; `chart.Chart` finds each run's highest-priority reading, the one
lark's Earley parser keeps with ``ambiguity="resolve"``, at a fraction of
its cost (see `chart`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from lark import Lark, Token, Transformer
from lark.lexer import Lexer

from aspire_tui.agent.goal import Ref
from aspire_tui.agent.words import kept_grammar
from aspire_tui.agent.words.chart import Chart
from aspire_tui.agent.words.lexicon import InstructionError, Word
from sim import vocabulary as vocab


GRAMMAR = r"""
start: item*
?item: np | amount | order | word

?np: named | group | bare_group | colored_one | pron | robot | referent | bare_color | same
named.3: quant? colors? kind
bare_color.-2: COLOR
same.4: SAME kind_any
group.3: quant? colors? kinds
bare_group.-2: quant
colored_one.3: colors ONE
pron: PRON
robot: ROBOT
?referent: superlative_to | superlative_after | superlative_robot | superlative_after_robot | sidemost
         | sidemost_after | ordinal_from | ordinal_after | sizemost | sizemost_after | other | corner_ref
superlative_to.5: SUPER OF? kind_any (TO | FROM | OF)? np
superlative_after.5: colors? kind_any COPULA? SUPER (TO | FROM | OF)? np
                   | colors? kind_any COPULA CLOSER (TO | FROM | OF)? np
superlative_robot.4: SUPER OF? colors? kind_any
superlative_after_robot.4: colors? kind_any COPULA? SUPER
                         | colors? kind_any COPULA CLOSER
sidemost.4: ORD? SIDEMOST OF? colors? kind_any
sidemost_after.4: colors? kind_any COPULA? ORD? SIDEMOST
ordinal_from.5: ORD colors? kind_any FROM SIDE
ordinal_after.5: colors? kind_any ORD FROM SIDE
sizemost.4: ORD? SIZEMOST OF? colors? kind_any
sizemost_after.4: colors? kind_any COPULA? SIZEMOST
other.4: OTHER kind_any
corner_ref.5: CORNERWORD COPULA? (SUPER | CLOSER) (TO | FROM | OF)? np
            | SUPER CORNERWORD (TO | FROM | OF)? np
            | SUPER CORNERWORD
            | CORNERWORD COPULA? SUPER

quant: ALL | EACH | BOTH | NUM | NUM OF | ALL NUM | BOTH OF | ALL OF NUM | ONE OF | ANY NUM | ANY
colors: COLOR ((COMMA | AND | OR)? COLOR)*
kind: KIND
kinds: KINDS
kind_any: KIND | KINDS | ONE
amount.3: NUM UNIT | AMOUNT | NUM AMOUNT
order: ORDER
word.-1: COMMA | AND | OR | OF | TO | FROM | SIDE | COPULA | SUPER | CLOSER | SIDEMOST | SIZEMOST | ORD | OTHER
    | UNIT | EACH | ALL | BOTH | NUM | SAME | ANY | ONE | CORNERWORD

%declare KIND KINDS COLOR NUM UNIT AMOUNT ORDER ONE PRON ROBOT SUPER SIDEMOST SIZEMOST ORD OTHER ALL EACH
%declare BOTH OF AND OR COMMA STOP VERB REL CORNER CORNERS CORNERWORD MIDDLE EDGE TABLE LINE TOWER NOT
%declare WITHOUT COPULA ALREADY THEN FIRST WITH REACH OUT_OF_REACH BYCOLOR MATCH BOTTOM TOP FROM TO SIDE
%declare WHERE INORDER PROPERTY ELSEWHERE GERUND UNKNOWN ALREADY_NP STACKED SAME ANY AWAY CLOSER MODAL BEFORE
%declare KEEPDOWN EXCEPT HAVE
"""


# The tags a noun phrase, an amount or an order can be made of; every other tag is a word on its own.
PHRASE_TAGS = {"KIND", "KINDS", "COLOR", "NUM", "UNIT", "AMOUNT", "ORDER", "ONE", "PRON", "ROBOT", "SUPER",
               "CLOSER", "SIDEMOST", "SIZEMOST", "ORD", "OTHER", "SAME", "ANY", "ALL", "EACH", "BOTH", "OF", "AND",
               "OR", "COMMA", "TO", "FROM", "SIDE", "COPULA", "CORNERWORD"}


class _Tokens(Lexer):
    """Hands the tagged words to the parser as they are."""

    def __init__(self, conf) -> None:
        pass

    def lex(self, data):
        for w in data:
            yield Token(w.tag, w)


@functools.lru_cache(maxsize=1)
def grammar() -> Lark:
    """The phrase grammar with lark's Earley parser: the reference `_chart` is tested against."""
    return Lark(GRAMMAR, parser="earley", lexer=_Tokens, ambiguity="resolve")


@functools.lru_cache(maxsize=1)
def _chart() -> Chart:
    # the rules alone: building the Earley parser, which reading never uses, was a third of lark's start;
    # and those kept by an earlier command (`kept_grammar`), as lark reading the grammar was the rest
    return Chart(kept_grammar.rules(GRAMMAR, lambda: Lark(GRAMMAR, parser=None, lexer=_Tokens).rules))


@dataclass(frozen=True)
class NP:
    """A noun phrase as read: a reference, or a pronoun or "the blue one" still to be resolved."""

    ref: Ref | None = None
    pronoun: bool = False
    color: str = ""            # "the blue one": a colour whose kind is the last one named
    robot: bool = False
    each: bool = False         # "each block": one at a time, as in "each block into its own corner"
    noun: str = ""             # a colour word said alone as the noun ("the orange"), as written


@dataclass(frozen=True)
class Item:
    kind: str                  # "np", "amount", "order" or a word's tag
    value: Any = None
    text: str = ""


class _Phrases(Transformer):
    """The parse tree -> a flat list of `Item`s."""

    def start(self, items):
        return list(items)

    def word(self, toks):
        w: Word = toks[0].value
        return Item(w.tag, w.value, w.text)

    def order(self, toks):
        return Item("order", toks[0].value.value)

    def amount(self, toks):
        words = [t.value for t in toks]
        if len(words) == 2 and words[1].tag == "UNIT":
            return Item("amount", round(words[0].value * vocab.UNITS[words[1].text], 4))
        return Item("amount", words[-1].value)

    def quant(self, toks):
        words = [t.value for t in toks]
        tags = [w.tag for w in words]
        nums = [w.value for w in words if w.tag == "NUM"]
        if tags[0] == "ONE" or (tags[0] == "ANY" and not nums):
            return ("some", 1)
        if ("OF" in tags or tags[0] == "ANY") and nums and tags[0] in ("NUM", "ANY"):
            return ("some", int(nums[0]))
        if nums:
            return ("count", int(nums[0])) if int(nums[0]) != 1 else ("one", 0)
        if tags[0] == "BOTH":
            return ("count", 2)
        return ("each", 0) if tags[0] == "EACH" else ("all", 0)

    def colors(self, toks):
        return [c for t in toks if t.value.tag == "COLOR" for c in _colours_of(t.value)]

    def kind(self, toks):
        return ("one", toks[0].value.value)

    def kinds(self, toks):
        return ("many", toks[0].value.value)

    def kind_any(self, toks):
        w = toks[0].value
        return ("one" if w.tag != "KINDS" else "many", w.value if w.tag != "ONE" else None)

    # -- noun phrases
    def named(self, parts):
        quant = parts[0] if isinstance(parts[0], tuple) and len(parts) > 1 else ("one", 0)
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = parts[-1]
        if kind is None and colors:
            return Item("np", NP(color=colors[0]))
        if kind is None:  # "one" alone: a count without its noun
            return Item("np", NP(pronoun=True))
        return Item("np", _ref(kind, colors, quant))

    def group(self, parts):
        quant = parts[0] if parts and isinstance(parts[0], tuple) and parts[0][0] in (
            "all", "each", "count", "some", "one") and len(parts) > 1 else ("all", 0)
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = parts[-1]
        if quant[0] == "one":
            quant = ("all", 0)
        return Item("np", _ref(kind, colors, quant, plural=True))

    def bare_group(self, parts):
        quant = parts[0]
        return Item("np", NP(each=quant[0] == "each", ref=None, pronoun=True)) if quant[0] in ("all", "each") \
            else Item("np", NP(ref=Ref("?", quantity=quant[0], count=quant[1]), pronoun=True))

    def bare_color(self, toks):
        return Item("np", NP(color=_colours_of(toks[0].value)[0], noun=toks[0].value.text))

    def same(self, parts):
        _, kind = parts[-1]
        return Item("np", NP(ref=Ref(kind or "?", select="same")))

    def ordinal_after(self, parts):
        tokens = [p for p in parts if isinstance(p, Token)]
        return self.ordinal_from([tokens[0]] + [p for p in parts if not isinstance(p, Token)] + tokens[1:])

    def colored_one(self, parts):
        if len(parts[0]) > 1:  # "the red, green and blue ones": one of the kind named before for each colour
            return Item("np", NP(ref=Ref("?", members=tuple(Ref("?", c) for c in parts[0]))))
        if parts[-1].value.text == "ones":  # "the green ones": every one of that colour, of the kind named before
            return Item("np", NP(ref=Ref("?", parts[0][0], quantity="all")))
        return Item("np", NP(color=parts[0][0]))

    def pron(self, toks):
        return Item("np", NP(pronoun=True))

    def robot(self, toks):
        return Item("np", NP(robot=True))

    def superlative_to(self, parts):
        rule = parts[0].value.value
        _, kind = next(p for p in parts if isinstance(p, tuple))
        anchor = parts[-1].value
        return Item("np", NP(ref=Ref(kind or "?", select=rule, anchor=_anchor(anchor))))

    def superlative_after(self, parts):
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = next(p for p in parts if isinstance(p, tuple))
        rule = next(p.value.value for p in parts if isinstance(p, Token) and p.type in ("SUPER", "CLOSER"))
        anchor = _anchor(parts[-1].value)
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=rule, anchor=anchor)))

    def superlative_robot(self, parts):
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = parts[-1]
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=parts[0].value.value,
                                     anchor=Ref("robot"))))

    def superlative_after_robot(self, parts):
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = next(p for p in parts if isinstance(p, tuple))
        rule = next(p.value.value for p in parts if isinstance(p, Token) and p.type in ("SUPER", "CLOSER"))
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=rule, anchor=Ref("robot"))))

    def sidemost(self, parts):
        rank = int(parts[0].value.value) if isinstance(parts[0], Token) and parts[0].type == "ORD" else 1
        rule = next(p.value.value for p in parts if isinstance(p, Token) and p.type == "SIDEMOST")
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = parts[-1]
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=rule, rank=rank)))

    def sidemost_after(self, parts):
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = next(p for p in parts if isinstance(p, tuple))
        # "the block second closest to the front": the rank said after the noun, as before it
        rank = next((int(p.value.value) for p in parts if isinstance(p, Token) and p.type == "ORD"), 1)
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=parts[-1].value.value,
                                     rank=rank)))

    def ordinal_from(self, parts):
        rank = int(parts[0].value.value)
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = next(p for p in parts if isinstance(p, tuple))
        side = parts[-1].value.value
        rule = {"left": "leftmost", "right": "rightmost", "front": "frontmost", "far": "frontmost",
                "back": "backmost", "near": "backmost", "rear": "backmost"}.get(side, "rightmost")
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=rule, rank=rank)))

    def sizemost(self, parts):
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = parts[-1]
        # "the second smallest block": a rank before the size, as before a side ("the second leftmost")
        rank = int(parts[0].value.value) if isinstance(parts[0], Token) and parts[0].type == "ORD" else 1
        rule = next(p.value.value for p in parts if isinstance(p, Token) and p.type == "SIZEMOST")
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=rule, rank=rank)))

    def sizemost_after(self, parts):
        """"the cube (that is) biggest", "the block more big": the size said after the noun."""
        colors = next((p for p in parts if isinstance(p, list)), [])
        _, kind = next(p for p in parts if isinstance(p, tuple))
        return Item("np", NP(ref=Ref(kind or "?", colors[0] if colors else "", select=parts[-1].value.value)))

    def corner_ref(self, parts):
        rule = next(p.value.value for p in parts if isinstance(p, Token) and p.type in ("SUPER", "CLOSER"))
        anchor = next((p.value for p in parts if isinstance(p, Item)), None)
        return Item("place_ref", Ref("corner", select=rule, anchor=_anchor(anchor) if anchor else Ref("robot")))

    def other(self, parts):
        number, kind = parts[-1]
        # "the other balls", "the remaining cubes": all of the kind but those said before (see clauses)
        return Item("np", NP(ref=Ref(kind or "?", select="other", quantity="all" if number == "many" else "one")))


def _ref(kind: str, colors: list[str], quant: tuple[str, int], plural: bool = False) -> NP:
    how, n = quant
    if len(colors) > 1:
        return NP(ref=Ref(kind, members=tuple(Ref(kind, c) for c in colors)))
    color = colors[0] if colors else ""
    if how == "each":
        return NP(ref=Ref(kind, color, "all"), each=True)
    if how == "one" and not plural:
        return NP(ref=Ref(kind, color))
    if how == "count" and n == 1:
        return NP(ref=Ref(kind, color))
    return NP(ref=Ref(kind, color, how if how != "one" else "all", n))


def _anchor(np: NP) -> Ref:
    if np.robot:
        return Ref("robot")
    if np.pronoun and np.ref is None:
        return Ref("it")  # resolved against the clause: "the bowl farthest from it"
    return np.ref if np.ref is not None else Ref("?", np.color)


@functools.lru_cache(maxsize=4096)
def _shape(tags: tuple[str, ...]):
    """The parse of a run of tags; runs of the same shape ("COLOR KIND") parse once."""
    tree = _chart().parse(tags)
    if tree is None:  # every tag is an item, so this is a bug in the grammar, not in the words
        raise InstructionError(f"cannot read the words: no reading of {' '.join(tags)}")
    return tree


def _with_words(tree, words):
    """A copy of a cached parse with the run's own words at its leaves, in order."""
    from lark import Tree

    if isinstance(tree, Token):
        w = next(words)
        return Token(tree.type, w)
    return Tree(tree.data, [_with_words(c, words) for c in tree.children], tree.meta if tree._meta else None)


LIST_JOINS = ("COMMA", "AND", "OR")


def _colour_lists(words: list[Word]) -> list[Word]:
    """Each list of colours before its noun ("the red, green, and blue blocks") as one COLOR word whose value
    is the colours in order. The grammar reads such a list as one phrase anyway; as one word it parses in
    time that does not grow with the list (twenty colours took 30 ms), and ", and" between two colours
    (one join or two) joins them as "and" alone does."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        end, colours = k, []
        while end < len(words) and words[end].tag == "COLOR":
            colours.append(words[end])
            end += 1
            joins = end
            while joins < len(words) and words[joins].tag in LIST_JOINS and joins - end < 2:
                joins += 1
            if joins > end and joins < len(words) and words[joins].tag == "COLOR":
                end = joins
        if len(colours) > 1 and end < len(words) and words[end].tag in ("KIND", "KINDS", "ONE") and \
                words[end - 1].tag == "COLOR":
            out.append(Word("COLOR", " ".join(w.text for w in words[k:end]), tuple(w.value for w in colours)))
            k = end
            continue
        out.append(words[k])
        k += 1
    return out


def _colours_of(word: Word) -> list[str]:
    return list(word.value) if isinstance(word.value, tuple) else [word.value]


def phrases(words: list[Word]) -> list[Item]:
    """The tagged words read by the grammar into noun phrases, amounts and single words."""
    items: list[Item] = []
    piece: list[Word] = []
    for w in _colour_lists(words) + [Word("STOP", "")]:
        if w.tag in PHRASE_TAGS:
            piece.append(w)
            continue
        # only runs of words that can make a phrase go through the grammar: short runs parse fast
        if piece:
            items += _Phrases().transform(_with_words(_shape(tuple(x.tag for x in piece)), iter(piece)))
        piece = []
        if w.text:
            items.append(Item(w.tag, w.value, w.text))
    return items


