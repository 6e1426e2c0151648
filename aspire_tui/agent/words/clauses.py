"""Clauses to predicates: each clause's verb, objects, relation and place become the goal's conditions."""

from __future__ import annotations

import re
from dataclasses import replace

from aspire_tui.agent.goal import CONSTRAINTS, Cond, Goal, Ref
from aspire_tui.agent.words.checks import AmbiguousWord, check_possible, check_unambiguous
from aspire_tui.agent.words.excepting import excepting, left_out, removed
from aspire_tui.agent.words.grammar import NP, Item, phrases
from aspire_tui.agent.words.lexicon import INTRODUCING, ROBOT_PARTS, InstructionError, Word
from aspire_tui.agent.words.tagging import mended_words, tag
from sim import vocabulary as vocab


SIDE_OF = {"left": "left", "right": "right", "front": "front", "far": "front", "forward": "front",
           "forwards": "front", "ahead": "front", "back": "back", "rear": "back", "backward": "back",
           "backwards": "back", "near": "back", "near side": "back"}
VERB_LIKE = ("VERB", "TOWER", "LINE")
# where-words that name the place an object started in, not the one it was just put in
AS_IT_STARTED = ("where it is", "where they are", "where it was", "where it started", "as it is", "as they are",
                 "where they were", "where they started",
                 "untouched", "unmoved", "alone")
SIDE_RELATION = {"left": "left_of", "right": "right_of", "front": "in_front_of", "back": "behind"}
BESIDE = ("left_of", "right_of", "in_front_of", "behind", "next_to", "near")  # placed by a landmark
CONVERSE = {"left_of": "right_of", "right_of": "left_of", "in_front_of": "behind", "behind": "in_front_of"}


def read(text: str) -> Goal:
    """The goal an instruction asks for.

    Raises:
        InstructionError: empty, unreadable, impossible, an unknown object or colour, or a contradiction;
            one line that names the word or the problem, with ``reason`` set.
    """
    if text is None or not str(text).strip():
        raise InstructionError("the instruction is empty: say what the robot should do, e.g. \"put the red "
                               "block in the green bowl\"", "empty")
    text = str(text).strip()
    said, remarks = _without_remarks(text)
    words = _without_asides(tag(said))
    _refuse_unknown(words)
    goal = _Clauses(text, removed(excepting(_had(phrases(words))))).goal()
    notes = [f"read {slip!r} as {meant!r}" for slip, meant in mended_words(said)]
    notes += [f"read ({r}) as a remark, not part of the task" for r in remarks]
    return replace(goal, notes=goal.notes + tuple(notes)) if notes else goal


def _had(items: list[Item]) -> list[Item]:
    """"the bowl should have the ball in it", "the tray has a block on it": the container said first, as
    "the ball should be in the bowl", "a block is on the tray"; "have" elsewhere says nothing."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        # "the plate should end up with the red block on it": "with" after a wish holds as "have" does
        holds = it.kind == "HAVE" or (it.kind == "WITH" and out and out[-1].kind == "MODAL" and
                                      [i.kind for i in items[k + 1:k + 3]] == ["np", "REL"])
        if not holds:
            out.append(it)
            k += 1
            continue
        modal = out.pop() if out and out[-1].kind == "MODAL" else None
        if it.text.startswith(("should", "must")):  # "should contain": the wish is in the word
            modal = Item("MODAL", "should", "should")
        held, rel, back = (items[k + 1:k + 4] + [None, None, None])[:3]
        if out and out[-1].kind == "np" and held is not None and held.kind == "np" and rel is not None and \
                rel.kind == "REL" and back is not None and back.kind == "np" and back.value.pronoun and back.value.ref is None:
            holder = out.pop()
            out += [held, modal or Item("COPULA", "is", "is"), rel, holder]
            k += 4
            continue
        if out and out[-1].kind == "np" and held is not None and held.kind == "np" and \
                (rel is None or rel.kind in ("STOP", "COMMA", "AND", "THEN")):
            holder = out.pop()  # "the tray should contain the blue ball": the ball in the tray
            out += [held, modal or Item("COPULA", "is", "is"), Item("REL", "in", "in"), holder]
            k += 2
            continue
        out += [modal] if modal is not None else []
        k += 1
    return out


def _without_remarks(text: str) -> tuple[str, list[str]]:
    """The text without its bracketed remarks, and the remarks: "(and I know the table is a bit of a mess)"
    says how things are, of no object the robot moves and with no verb, so it asks nothing. A bracket that
    names an object, a place or a verb ("(the red one)", "(10 cm)"), or says no "is" ("(like a smiley)"),
    stays and is read or refused. One that says again what the words before it asked ("just behind the bowl
    (so a bit closer to you)") is dropped too: read as asking more, "a bit" would become a distance not asked."""
    remarks: list[str] = []

    def drop(m: re.Match) -> str:
        tags = {w.tag for w in tag(m.group(1))}
        restates = re.match(r"\s*(?:so|i\.?e\.?|that is|that means|meaning|in other words)\b", m.group(1).lower())
        # "adjacent to (either side of)", "on the blue block (stacked)": the relation said again, in other words
        restates = restates or (tags and tags <= {"REL", "STACKED"} and m.start() > 0)
        if "COPULA" in tags and not tags & ASKING_TAGS or restates and "VERB" not in tags:
            remarks.append(m.group(1).strip())
            return " "
        return m.group(0)

    return re.sub(r"\(([^()]*)\)", drop, text), remarks


# tags that make a bracket part of the task: an object, a place, an amount or a verb
ASKING_TAGS = {"KIND", "KINDS", "COLOR", "PRON", "ROBOT", "VERB", "REL", "TO", "SIDE", "CORNER", "CORNERS",
               "MIDDLE", "EDGE", "NUM", "UNIT", "SIDEMOST", "SUPER", "LINE", "TOWER", "GERUND", "NOT", "WITHOUT",
               "MODAL", "ELSEWHERE", "OUT_OF_REACH", "REACH"}


def _without_asides(words: list[Word]) -> list[Word]:
    """The words without the sentences before the task made only of words not read ("Hello robot!",
    "Task: ..."): a greeting or a heading, not part of it. A word not read inside a sentence that names
    objects, places or verbs stays, and is refused ("like a smiley" may change what is asked), as does a
    sentence of such words after the task ("... . Upside down.")."""
    sentences: list[list[Word]] = [[]]
    for w in words:
        sentences[-1].append(w)
        if w.tag == "STOP":
            sentences.append([])

    def aside(sentence: list[Word]) -> bool:
        tags = {w.tag for w in sentence}
        things = set(vocab.UNKNOWN_THINGS) | set(vocab.MISSING_COLORS)  # "Banana. Put it in the bowl." names one
        if "UNKNOWN" not in tags or any(w.text in things or w.text.rstrip("s") in things for w in sentence):
            return False
        # a lesson's or a game's lead-in ("Today we will practise placing objects.", "Sometimes a robot needs a
        # tool."): words not read around no object of its own, as a sentence that does something to a
        # coloured or named object is not ("Put the red block in the bowl upside down.")
        acts = "VERB" in tags and tags & {"KIND", "KINDS", "PRON"}
        return tags <= {"UNKNOWN", "ROBOT", "COMMA", "STOP"} or ("COLOR" not in tags and not acts)

    lead = 0
    while lead < len(sentences) and aside(sentences[lead]):
        lead += 1
    kept = sentences[lead:]
    if len(kept) == len(sentences) or not any(w.tag in ("VERB", "LINE", "TOWER") or w.tag.startswith("KIND")
                                              for s in kept for w in s):
        return words  # nothing else to read: the words not read are the instruction, and are refused
    return [w for s in kept for w in s]


# counts said without a number: which objects, and how many, they mean is open
VAGUE_COUNTS = ("few", "most", "many", "handful", "bunch")


def _refuse_unknown(words: list[Word]) -> None:
    for k, w in enumerate(words):
        if w.tag != "UNKNOWN" or w.text in ROBOT_PARTS:  # a part of the robot: a word not read, not a thing
            continue
        counted = next((x for x in words[k + 1:k + 3] if x.tag != "OF"), None)
        if w.text in VAGUE_COUNTS and counted is not None and counted.tag == "KINDS":
            # "a few cubes", "most of the balls": which of them, and how many, is left open
            raise InstructionError(f"how many is '{w.text}'? say a number (\"two of the {counted.text}\") or "
                                   f"\"all the {counted.text}\"", "ambiguous")
        noun = w.text[:-1] if w.text.endswith("s") and w.text[:-1] in vocab.UNKNOWN_THINGS else w.text
        follows = words[k + 1].tag if k + 1 < len(words) else ""
        before = words[k - 1].tag if k > 0 else ""
        run_start = k
        while run_start > 0 and words[run_start - 1].tag == "UNKNOWN":
            run_start -= 1  # "the rubber duck": the words of one unknown thing
        opens = words[run_start - 1] if run_start > 0 else None
        # after a colour, where a moving verb's object goes ("drive to the tree", "put it on the chair"), or
        # between a moving verb and where it goes ("put the pear in the bowl"), a word not known is a thing
        moving = any(v.tag == "VERB" and v.value in ("put", "move", "go", "push", "pull", "stack") for v in words[:k])
        # ... or the whole object of a moving verb ("move the dog", "pick up the pear")
        named = before == "COLOR" or (moving and before in ("TO", "REL") and
                                      follows in ("", "STOP", "COMMA", "AND", "UNKNOWN")) or (
            opens is not None and opens.tag == "VERB" and opens.value in ("put", "move", "push", "pick")
            and follows in ("REL", "TO", "", "STOP"))
        if named and opens is not None and opens.tag == "VERB":
            noun = " ".join(x.text for x in words[run_start:k + 1])
        if noun in vocab.UNKNOWN_THINGS or (named and follows not in ("KIND", "KINDS")):
            raise InstructionError(f"the simulator cannot make a {noun}: it has "
                                   f"{', '.join(sorted(vocab.KINDS))}", "unknown_kind")
        shade = w.text.replace("~", "-")  # "navy-blue": one shade, kept whole by `tag`
        if shade in vocab.MISSING_COLORS or "~" in w.text or (w.text.endswith("ish") and k + 1 < len(words)
                                                               and words[k + 1].tag in ("KIND", "KINDS")):
            raise InstructionError(f"there is no {shade} colour in the simulator; its colours are "
                                   f"{', '.join(vocab.COLORS)}", "unknown_color")


class _Clauses:
    """Reads the phrases clause by clause, remembering what "it" and "the blue one" refer to."""

    def __init__(self, text: str, items: list[Item]) -> None:
        self.text, self.items = text, items
        self.last: list[Ref] = []          # the objects the last clause moved ("it", "them")
        self.prev: list[Ref] = []          # ... as they were before the clause being read
        self.kinds: list[str] = []         # kinds named so far ("the blue one")
        self.named: list[Ref] = []         # every object named so far ("the other zone", "in too")
        self.apart: list[Ref] = []         # "the blue one" said after a bare "the cube": another object than it
        self.taken_out: list[Cond] = []    # not(in(X, Y)) read from "X out of Y": X starts in Y
        self.start: list[Cond] = []        # the start states read so far ("swap them" reads them)
        self.introduced: list[Ref] = []    # objects a clause only said are there ("there's a green bowl")
        self.remarks: list[str] = []       # what was read as how things are and that no goal or start holds
        self.moved: list[Ref] = []         # every object a clause so far was asked to move
        self.last_place: tuple[str, Ref] | None = None  # the last (relation, object) something was put by
        self.prev_place: tuple[str, Ref] | None = None  # ... as it was before the clause being read
        self.ordered = any(i.kind in ("THEN", "FIRST", "BEFORE") for i in items)
        self.pulled = any(i.kind == "VERB" and i.value == "pull" for i in items) or \
            any(i.kind == "np" and i.value.ref is not None and i.value.ref.kind == "hook" for i in items)

    # -- the whole instruction
    def goal(self) -> Goal:
        steps: list[Cond] = []
        constraints: list[Cond] = []
        start: list[Cond] = self.start
        ahead: list[list[Item]] = []  # constraints whose "it" is the object of the step after them
        for clause in self.clauses():
            kind, conds = self.clause(clause)
            if kind == "constraint" and not steps and any(r.kind == "?" for c in conds for r in c.refs()):
                ahead.append(clause)  # "without lifting it, move the cyan block ...": "it" is the cyan block
                continue
            if not conds:  # "take the red block and the blue block.": named, so a later "the block" is either
                self.introduced += [self._ref_of(i) for i in clause if i.kind == "np" and i.value.ref is not None]
                if kind == "step" and steps:
                    self._refuse_unplaced(clause)
            self._add(kind, conds, steps, constraints, start)
            if kind == "step" and conds and ahead:
                for earlier in ahead:  # read again, now that "it" has something to stand for
                    self._add(*self.clause([replace(i) for i in earlier]), steps, constraints, start)
                ahead = []
        for earlier in ahead:
            self._add(*self.clause(earlier), steps, constraints, start)
        steps = _merge_towers(_drop_lifts(steps))  # "B on A and (then) C on B" is one tower, built bottom up
        if not steps and constraints:
            steps, constraints = constraints, []
        for c in steps:
            for part in c.conjuncts():
                if part.name == "in_reach" and self.pulled and Cond("not", (part,)) not in start:
                    start.append(Cond("not", (part,)))
            if c in self.taken_out and c.args[0] not in start:
                start.append(c.args[0])  # "take the block out of the bowl": it is in the bowl to begin with
        steps = _drop_taken_out(steps, self.taken_out)
        if not steps:
            if start:
                raise InstructionError(f"no task in {self.text[:60]!r}: it says what must not happen or how "
                                       "things are, not what to do", "unreadable")
            words = [i.text for i in self.items if i.kind == "UNKNOWN"]
            hint = f" (did not read: {', '.join(words[:4])})" if words else ""
            raise InstructionError(f"cannot tell what to do in {self.text[:60]!r}{hint}: name what to move and "
                                   "where, e.g. \"put the red block in the green bowl\"", "unreadable")
        unread = [i.text for i in self.items if i.kind == "UNKNOWN"]
        if unread:  # a word not read may change what is asked ("like a smiley"): never guess past it
            raise InstructionError(f"cannot tell what to do in {self.text[:60]!r}: did not read "
                                   f"{', '.join(repr(w) for w in unread[:4])} (use -m MODEL, or say it with "
                                   "objects, places and relations, e.g. \"put the red block left of the bowl\")",
                                   "unreadable")
        steps = left_out(steps, constraints)
        self._refuse_exclusion(steps, constraints)
        asked = {c for s in steps for c in s.conjuncts()}
        constraints = [c for c in constraints if c not in asked]  # "without lifting it, slide ...": once
        # "put A in X, B in Y and C on Z, in that order": steps said in one breath, done one after another
        in_order = any(i.kind == "INORDER" for i in self.items) and \
            not any(s.name in ("never_lifted", "unmoved") for s in steps)
        main = steps[0] if len(steps) == 1 else Cond("then" if self.ordered or in_order else "all", tuple(steps))
        condition = main if not constraints else Cond("all", (main, *constraints))
        check_possible(condition)
        # every coloured object the words named counts, read into the goal or not ("next to the red ball and the
        # blue ball, then put the ball in the tray": either ball)
        named = self.introduced + [r for r in self.named if r.color and not r.select and not r.is_group]
        notes = tuple(f"read {r} as how things are, not part of the task" for r in self.remarks)
        goal = Goal(self.text, condition, tuple(start), notes=notes)
        return _without_restated(check_unambiguous(goal, named, apart=self.apart))

    def _add(self, kind: str, conds: list[Cond], steps: list[Cond], constraints: list[Cond],
             start: list[Cond]) -> None:
        """A clause's conditions added to the steps, the constraints or the start states, once each."""
        conds = [c for k, c in enumerate(conds) if c not in conds[:k]]
        if kind == "step" and self.ordered and len(conds) > 1:
            conds = [Cond("all", tuple(conds))]  # one step of a sequence: "push X into Y (without lifting)"
        target = {"step": steps, "constraint": constraints, "start": start}[kind]
        target.extend(c for c in conds if c not in target)

    def clauses(self) -> list[list[Item]]:
        """Split at full stops, "then", and "," / "and" before a new verb; verbless pieces join a neighbour."""
        out: list[list[Item]] = [[]]
        hard: list[bool] = [False]   # did the clause start at "then" or a full stop?
        items = self.items
        for k, it in enumerate(items):
            nxt = next((j for j in items[k + 1:] if j.kind not in ("NOT", "FIRST", "THEN")), None)
            if it.kind == "VERB" and _runs_on(out[-1]):  # "the cube is in the tray put it ...": no "and" said
                out.append([it])
                hard.append(False)
                continue
            if it.kind in ("STOP", "THEN", "FIRST", "BEFORE") or (
                    it.kind in ("COMMA", "AND") and nxt is not None and (
                        nxt.kind in VERB_LIKE or nxt.kind == "WITHOUT" or (
                            nxt.kind == "np" and (_has_copula_after(items, k) or _kept_after_placing(items, k))))):
                follows_words = bool(out[-1])
                out.append([])
                hard.append(it.kind in ("STOP", "THEN", "FIRST", "BEFORE"))
                if it.kind == "BEFORE" or (it.kind == "FIRST" and it.text in ("after", "once") and follows_words):
                    out[-1].append(it)
                continue
            out[-1].append(it)
        pieces = [(c, h) for c, h in zip(out, hard) if c]
        for k, (c, h) in enumerate(pieces):
            if c and c[0].kind == "BEFORE" and k + 1 < len(pieces):  # "before A, B": B comes first
                pieces[k], pieces[k + 1] = (pieces[k + 1][0], h), (c[1:], True)
            elif c and c[0].kind == "FIRST" and k > 0:  # "B after A" (said after B): A comes first
                pieces[k - 1], pieces[k] = (c[1:], pieces[k - 1][1]), (pieces[k - 1][0], True)
        merged: list[list[Item]] = []
        verb: list[Item] = []
        listed = False  # the piece before only said which objects there are
        kind = ""
        for c, starts_hard in pieces:
            # "there are two zones, the blue one and another": "another" names one more, no word of its own
            opens = bool(c) and c[0].kind == "ALREADY" and c[0].text in INTRODUCING and \
                _only_objects([i for i in c[1:] if i.kind != "OTHER"])
            if opens or listed and not merged and _only_objects(c):
                # "there are two bowls: the green bowl and another one", "bowls: red and blue": the list says which
                listed = True
                kind = "" if opens else kind
                for i in c[1:] if opens else c:  # "there are two bowls, a red one and a green one": the ones are bowls
                    if i.kind == "np" and i.value.ref is not None and i.value.ref.select == "other":
                        continue  # "another one": one more, named by none of its own words
                    if i.kind == "np" and i.value.ref is not None:
                        kind = i.value.ref.kind
                        self.introduced.append(i.value.ref)
                    elif i.kind == "np" and i.value.color and kind:
                        self.introduced.append(Ref(kind, i.value.color))
                self.last = list(self.introduced[-1:])  # "there is a cyan block. put it in the bowl": "it" is it
                continue
            listed = False
            verbs = [i for i in c if i.kind in VERB_LIKE]
            if verbs:
                verb = verbs[:1]
            elif starts_hard and merged and any(i.kind == "np" for i in c) and (any(
                    i.kind in ("REL", "TO", "CORNER", "MIDDLE") for i in c) or any(
                    i.kind == "VERB" and i.value == "go" for i in verb)):
                merged.append(verb + c)  # "..., then the yellow block into the red bowl": the same verb
                continue
            elif starts_hard and merged and not any(i.kind == "np" for i in c) and \
                    any(i.kind == "SIDE" for i in c) and any(i.kind == "amount" for i in c):
                merged.append(verb + c)  # "move it 5 cm right, then 5 cm forward": the same verb and object
                continue
            elif starts_hard and merged and _only_objects(c):
                again = _done_again(merged[-1], c)
                if again is not None:  # "put the green ball in the tray and then the pink ball"
                    merged.append(again)
                    continue
            acting = any(i.kind in VERB_LIKE + ("COPULA", "ALREADY", "STACKED", "OUT_OF_REACH", "WITHOUT",
                                                 "NOT") for i in c) or (any(i.kind == "WHERE" for i in c) and (
                starts_hard and any(i.kind == "np" for i in c) or _kept_by_name(c))) or _wished(c)  # "; the X must stay put"
            if merged and not acting and not _is_start(merged[-1]):
                merged[-1] = merged[-1] + c
            elif not acting and not merged:
                merged.append(c)
            elif merged and not any(i.kind in VERB_LIKE + ("COPULA",) for i in merged[-1]) and \
                    not _is_start(merged[-1]) and not _wished(merged[-1]) and not _sent_before_negation(merged[-1], c) \
                    and not any(i.kind in ("NOT", "WITHOUT", "WHERE") for i in merged[-1]):
                # (a piece that keeps something where it is, "the plate stays put.", is a constraint of its own)
                merged[-1] = merged[-1] + c
            else:
                merged.append(c)
        return merged

    # -- one clause
    def clause(self, items: list[Item]) -> tuple[str, list[Cond]]:
        if len(items) > 1 and items[0].kind == "np" and items[0].value.robot and items[1].kind in ("COMMA",) + VERB_LIKE:
            items = items[1:] if items[1].kind in VERB_LIKE else items[2:]  # "robot, put ...": said to the robot
        self.prev = list(self.last)  # what the clauses before this one moved ("next to it")
        self.prev_place = self.last_place  # where the clause before put it ("to the right of it")
        items = self._relative_starts(_shared_object(_side_of_object(_topic_first(_kind_then_colours(items)))))
        items = self._held_on_subject(items)
        verbs = [i.value for i in items if i.kind == "VERB"]
        placed = any(i.kind in ("REL", "TO", "CORNER", "MIDDLE", "EDGE", "LINE", "TOWER", "STACKED", "CORNERS",
                                "place_ref") for i in items)
        making = any(i.kind == "VERB" and i.text in ("make", "turn") for i in items) and (
            not placed or _made_into(items))
        recolouring = bool(items) and items[0].kind == "PROPERTY" and items[0].text in ("color", "colour") and not verbs and \
            any(i.kind == "np" for i in items[1:])  # "colour the ball green": the word is the verb ("colour-sort" not)
        if making or recolouring or "change" in verbs or any(i.kind == "PROPERTY" for i in items) and "stack" in verbs:
            raise InstructionError(f"impossible: the robot cannot change an object's shape, size or colour "
                                   f"({self.text[:60]!r}); it can move objects", "impossible")
        negated = next((k for k, i in enumerate(items) if i.kind in ("NOT", "WITHOUT", "AWAY")), None)
        aside = _negated_aside(items, negated)
        if aside is not None:  # "move the red block, not the blue one, into the bowl"
            kind, steps = self.clause(items[:negated] + items[negated + 3:])
            return kind, steps + self._excluded([self._subject_of(items[negated + 1])])
        if negated is not None:  # "..., but the green block must not move": the green block is the negated part's
            k = negated
            while k > 0 and items[k - 1].kind in ("MODAL", "COPULA"):
                k -= 1
            if k >= 2 and items[k - 1].kind == "np" and items[k - 2].kind in ("AND", "COMMA"):
                negated = k - 1
        head = items if negated is None else items[:negated]
        if negated is not None and negated > 0 and head[-1].kind in ("AND", "COMMA"):
            head = head[:-1]
        mobile = any(i.kind == "np" and i.value.ref is not None and i.value.ref.kind in vocab.MOBILE_GOALS
                     for i in head)
        # "the sky is blue" moves nothing anywhere; "the ball should end up outside" wishes it there
        sends = any(i.kind in ("VERB", "REL", "TO", "MODAL") for i in head)
        if sends and any(i.kind == "ELSEWHERE" and not (mobile and i.text in ("floor", "ground")) for i in head):
            raise InstructionError("impossible: the robot works on its table and cannot take objects out of "
                                   "the work cell", "impossible")
        if any(i.kind == "TABLE" for i in items[:2]) and items[0].kind != "UNKNOWN" and verbs and verbs[0] in ("move", "pick", "put", "push", "pull",
                                                                               "flip", "stack"):
            raise InstructionError("impossible: the table cannot be moved; the robot moves objects on it",
                                   "impossible")
        if negated is None and _states_a_distance(items) and not _is_start(items):  # "the bowl is 20 cm away"
            self._remark_distance(items)
            self.last = [self._ref_of(i) for i in items if i.kind == "np"][:1]
            return "start", []
        if _is_start(items) and negated is None:
            return "start", self.start_state(items, [self._ref_of(i) for i in items if i.kind == "np"])
        if negated is not None:
            # a verb, or where something is to be ("the block should end up left of the plate, not on it")
            acting = any(i.kind in VERB_LIKE for i in head) or (any(i.kind == "MODAL" for i in head) and any(
                i.kind in ("REL", "CORNER", "MIDDLE") for i in head)) or _sends_verbless(head)
            steps = self.clause(head)[1] if acting else []
            cons = self.constraint(items[negated:] if acting else items)
            if cons:
                return ("step", steps + cons) if steps else ("constraint", cons)
        if any(i.kind == "KEEPDOWN" for i in items):  # "..., keeping it on the table the whole time"
            kept = [i for i in items if i.kind != "KEEPDOWN"]
            steps = self.action(kept) if any(i.kind in VERB_LIKE for i in kept) else []
            return "step", steps + [Cond("never_lifted", (s,)) for s in self.last]
        leaving = "leave" in verbs or any(i.kind == "VERB" and i.text.startswith("leave ") for i in items)
        if leaving and self.last and not any(r in self.moved for r in self.last) and \
                [i.kind for i in items] == ["VERB"] and items[0].text in ("leave it", "leave them"):
            # "the green block is in the zone. leave it there and ...": what the words only said is there stays
            return "constraint", [Cond("unmoved", (r,)) for r in self.last]
        # "put the ball back where it was": placed where it started, as if it stayed there
        returning = any(i.kind == "WHERE" and i.text in ("where it was", "where it started", "where they were",
                                                         "where they started") for i in items) and \
            any(i.kind == "SIDE" and i.value == "back" for i in items)
        if (leaving or not verbs or returning) and any(i.kind == "WHERE" for i in items):  # "X must stay put"
            kept = [self._subject_of(i) for i in items if i.kind == "np"]
            if not kept and any(i.kind == "VERB" and i.text.endswith((" it", " them")) for i in items) and \
                    any(i.kind == "WHERE" and i.text in AS_IT_STARTED for i in items):
                # "move it left and leave it where it is": what the clause before moved stays as it started
                # (asked to move too, a contradiction); "... and leave it in place" only says it stays put there
                kept = list(self.last)
            return "constraint", [Cond("unmoved", (r,)) for r in kept]
        return "step", self.action(items)

    def _held_on_subject(self, items: list[Item]) -> list[Item]:
        """"it should be at the bottom with the pink block stacked on it": in a "with" phrase after the clause's
        subject, "on it" is that subject (the one the phrase is said of), not the object the phrase names."""
        at = next((k for k, i in enumerate(items) if i.kind == "WITH"), None)
        first = next((k for k, i in enumerate(items) if i.kind == "np"), None)
        if at is None or first is None or first > at or items[0].kind in VERB_LIKE:
            return items
        tail = [i for i in items[at + 1:] if i.kind != "STACKED"]
        if [i.kind for i in tail] != ["np", "REL", "np"] or tail[1].value not in ("on", "onto") or \
                not tail[2].value.pronoun or tail[2].value.ref is not None or tail[0].value.pronoun:
            return items
        subject = items[first]
        ref = self._pronoun([], as_dest=False) if subject.value.pronoun and subject.value.ref is None \
            else self._ref_of(subject)
        if ref is None or ref.is_group:
            return items
        return items[:-1] + [Item("np", NP(ref=ref), tail[2].text)]

    def _relative_starts(self, items: list[Item]) -> list[Item]:
        """The clause without its relative clauses of where things are, and without where things are taken
        from, which become start states: "put the block that is in the bowl on the plate", "take the block
        from the bowl and put it on the plate" move the block to the plate from the bowl."""
        for k in range(len(items) - 2):
            np_, origin, where = items[k:k + 3]
            if np_.kind == "np" and origin.kind == "FROM" and where.kind == "np" and where.value.ref is not None \
                    and where.value.ref.kind in vocab.CONTAINERS + vocab.SURFACES + vocab.SUPPORTS and \
                    any(i.kind == "VERB" and i.value in ("pick", "move", "put", "push") for i in items[:k]):
                # "pick up the red cube from the green plate": where it is taken from is where it starts
                rel = "in" if where.value.ref.kind in vocab.CONTAINERS + vocab.SURFACES else "on"
                cond = self.relation(rel, self._ref_of(np_), self._ref_of(where))
                self.start.extend([cond] if cond not in self.start else [])
                return self._relative_starts(items[:k + 1] + items[k + 3:])
        for k in range(len(items) - 2):
            said = items[k + 2:k + 4] if items[k + 1].kind == "COMMA" else items[k + 1:k + 3]
            if items[k].kind == "np" and [i.kind for i in said] == ["COPULA", "amount"] and \
                    any(i.kind in VERB_LIKE + ("MODAL",) for i in items[:k]):
                # "... left of the bowl, which is 20 cm from the plate": the distance is where the bowl is, not
                # how far from it the block goes
                at = items.index(said[0])
                end = next((j for j in range(at + 2, len(items)) if items[j].kind in ("COMMA", "AND", "STOP")),
                           len(items))
                self._remark_distance(items[at:end])
                return self._relative_starts(items[:k + 1] + items[end:])
        for k in range(len(items) - 3):
            np_, copula, rel, where = items[k:k + 4]
            if not (np_.kind == "np" and copula.kind in ("COPULA", "ALREADY") and rel.kind == "REL" and
                    where.kind == "np"):
                continue
            # the object of a verb ("put the block that is in the bowl on the plate"), or the subject of what
            # is to be ("the block that is in the bowl goes on the plate"), or of a clipped command ("red blk
            # currently in tray -> plate"); not a start state's own relations
            said = any(i.kind == "VERB" for i in items[:k]) or any(i.kind in ("VERB", "MODAL") for i in items[k + 4:]) \
                or [i.kind for i in items[k + 4:k + 6]] == ["TO", "np"]
            if said and not np_.value.pronoun and not where.value.pronoun:
                cond = self.relation(rel.value, self._ref_of(np_), self._ref_of(where))
                self.start.extend([cond] if cond not in self.start else [])
                return self._relative_starts(items[:k + 1] + items[k + 4:])
        return items

    def _refuse_unplaced(self, clause: list[Item]) -> None:
        """A clause after the task that moves an object nowhere ("..., then move the blue block") is not
        dropped unread: its words are named, and the task is refused."""
        moving = any(i.kind == "VERB" and i.value in ("put", "move", "push") for i in clause)
        objects = [i for i in clause if i.kind == "np" and i.value.ref is not None
                   and i.value.ref.kind not in vocab.TOOLS + ("robot",)]
        if moving and objects and not self.pulled:
            words = " ".join(i.text for i in clause if i.kind == "VERB")
            said = ", ".join(str(self._ref_of(i)) for i in objects)
            raise InstructionError(f"cannot tell what to do in {self.text[:60]!r}: did not read where to "
                                   f"{words} the {said}; say where, e.g. \"{words} the {said} left of the bowl\"",
                                   "unreadable")

    def _refuse_exclusion(self, steps: list[Cond], constraints: list[Cond]) -> None:
        """A group less some of it that `excepting` and `left_out` did not read ("everything except the red
        block": no kind to be a group of): read as the whole group it would move the one left out. Refused,
        naming the words, never read as the whole group."""
        items = self.items
        said = next((i.text for i in items if i.kind == "EXCEPT"), None)
        for k in range(len(items) - 2):
            group, but, one = items[k:k + 3]
            if said is None and group.kind == "np" and group.value.ref is not None and \
                    group.value.ref.quantity == "all" and but.kind == "AND" and but.text == "but" and one.kind == "np":
                said = "but"
        moved = [r for c in steps for part in c.conjuncts() if part.name not in CONSTRAINTS for r in part.args
                 if isinstance(r, Ref) and r.quantity == "all" and not r.excluded]
        kept = [a for c in [*steps, *constraints] for part in c.conjuncts() if part.name in ("unmoved", "not")
                for a in ([part.args[0]] if part.name == "unmoved" else part.args[0].args[:1])
                if isinstance(a, Ref) and not a.is_group]
        if said is None and any(g.kind == r.kind and g.color in ("", r.color) for g in moved for r in kept):
            said = "all ... but"
        if said is not None:
            raise InstructionError(f"cannot read a group less some of it ({said!r}) in {self.text[:60]!r}: name "
                                   "the objects to move, e.g. \"the green and blue blocks\"", "unreadable")

    def _excluded(self, targets: list[Ref]) -> list[Cond]:
        """", not the pink ball" after a step: the object named must not end where the step puts its object
        ("put the purple ball in the bowl, not the pink ball"); after a step that puts nothing by a place
        ("move the red block left, not the blue one") it must stay where it is."""
        if self.last_place is None:
            return [Cond("unmoved", (t,)) for t in targets]
        rel, dest = self.last_place
        if all(t.kind not in vocab.MOVABLE for t in targets):
            # "put both balls in the tray, not the bowl": the place ruled out, for what is moved
            return [Cond("not", (self.relation(rel, s, t),)) for t in targets for s in self.last]
        return [Cond("not", (self.relation(rel, t, dest),)) for t in targets if t != dest]

    def _refuse_left_over(self, pairs: list[tuple[list[Ref], str | None, Ref | None]]) -> None:
        """Objects a clause names with no place beside objects it places ("put the red block in the bowl and
        the ball next to"): named in a refusal, never dropped unread."""
        placed = [s for g, r, d in pairs if r is not None and d is not None for s in g] + \
            [d for _, _, d in pairs if d is not None]
        left = [s for g, r, d in pairs if r is None or d is None for s in g
                if s not in placed and s.kind not in vocab.TOOLS + ("robot",)]
        if left and placed:
            said = ", ".join(str(s) for s in left)
            raise InstructionError(f"cannot tell what to do in {self.text[:60]!r}: did not read where the {said} "
                                   f"should go; say where, e.g. \"put the {said} in the bowl\"", "unreadable")

    def _remark_distance(self, items: list[Item]) -> None:
        amount = _amount(items)
        self.remarks.append(f"a distance of {amount * 100:g} cm")

    def resolve(self, np: NP) -> Ref:
        """A noun phrase as a reference: pronouns and "the blue one" take what came before."""
        if np.robot:
            return Ref("robot")
        if np.pronoun and np.ref is None:
            if not self.last:
                return Ref("?")
            return self.last[0] if len(self.last) == 1 else Ref(self.last[0].kind, members=tuple(self.last))
        if np.noun in vocab.COLOR_NOUNS and not self.kinds and self._bare_colours() == 1:
            # no kind named before it to be "the orange one" of, nor other colours said alone as labels ("orange
            # at the bottom, purple on top")
            raise InstructionError(f"the simulator cannot make an {np.noun} (a thing, as no kind is named before it): it "
                                   f"has {', '.join(sorted(vocab.KINDS))}; say \"the {np.noun} block\" for the "
                                   "colour", "unknown_kind")
        ref = np.ref if np.ref is not None else Ref(self.kinds[-1] if self.kinds else "?", np.color)
        if ref.kind == "?":
            # no kind named before it: the kind of what a list or heading said there is ("Balls: red one on ...")
            listed = next((r.kind for r in reversed(self.introduced) if r.kind not in ("?", "robot")), "block")
            kind = self.kinds[-1] if self.kinds else listed
            # "there are two bowls; put the ball in the biggest one": a choice is made among the several the
            # words said there are, not among the kind said last
            several = next((r.kind for r in reversed(self.introduced) if r.is_group and r.kind not in ("?", "robot")),
                           None)
            if several and ref.select not in ("", "same", "other"):
                kind = several
            ref = replace(ref, kind=kind, members=tuple(replace(m, kind=kind) for m in ref.members))
        if ref.select == "same":
            prior = next((r for r in reversed(self.named) if r.kind == ref.kind and not r.select), None)
            ref = prior if prior is not None else replace(ref, select="")
        if ref.select == "other":
            prior = next((r for r in reversed(self.named) if r.kind == ref.kind and not r.select), None)
            if prior is None and re.search(r"\bthe other\b", self.text.lower()):  # not "another block"
                raise AmbiguousWord(f"which {ref.kind} is 'the other {ref.kind}': no {ref.kind} was named before "
                                    f"it; say its colour", ref.kind, [])
            if ref.quantity == "all":  # "leave the yellow ball and put the other balls in the tray": the rest
                ref = replace(ref, select="", excluded=(prior,) if prior is not None else ())
            else:
                ref = replace(ref, anchor=prior)
        if ref.anchor is not None and ref.anchor.kind == "it":
            # an object chosen by a rule is as good an anchor as a named one ("the block nearest the front into the
            # bowl farthest from it"), but not one chosen by its own distance from something else
            prior = next((r for r in reversed(self.named) if r.kind != ref.kind and r.anchor is None), None)
            ref = replace(ref, anchor=prior or Ref("robot"))
        if ref.anchor is not None and ref.anchor.kind == "?":
            ref = replace(ref, anchor=replace(ref.anchor, kind=self.kinds[-1] if self.kinds else "block"))
        self.kinds.append(ref.kind)
        if ref.anchor is not None and ref.anchor.kind != "robot":
            self.named.append(ref.anchor)
        self.named.append(ref)
        return ref

    def _bare_colours(self) -> int:
        return sum(1 for i in self.items if i.kind == "np" and i.value.noun)

    def start_state(self, items: list[Item], refs: list[Ref]) -> list[Cond]:
        if not refs:
            return []
        subject = refs[0]
        if any(i.kind == "OUT_OF_REACH" for i in items):
            self.last = [subject]
            return [Cond("not", (Cond("in_reach", (subject,)),))]
        if any(i.kind == "STACKED" for i in items):
            self.last = [subject]
            return [Cond("stacked", tuple(refs)) if len(refs) > 1 else Cond("stacked", (subject,))]
        place = self.place(items)
        self.last = [subject]
        if place is not None and not (isinstance(place, str) and place.startswith("edge:")):
            return [Cond("at_place", (subject, place))]
        conds = self.relations(items, [subject], refs[1:])
        if not conds and subject.kind == "robot" and len(refs) > 1:
            return [Cond("near", (subject, refs[1]))]  # "the robot is at the red marker" ("at" is not a word kept)
        return conds

    def constraint(self, items: list[Item]) -> list[Cond]:
        """"without lifting it", "don't touch the blue block", "but not in the bowl"."""
        verbs = [i.value for i in items if i.kind in ("VERB", "GERUND")]
        rel_at = next((k for k, i in enumerate(items) if i.kind == "REL"), None)
        targets = []
        for k, i in enumerate(items):
            if i.kind != "np":
                continue
            if i.value.pronoun and i.value.ref is None and rel_at is not None and k > rel_at:
                ref = self._pronoun(self.last, as_dest=True, rel=items[rel_at].value)
                if ref is not None:
                    targets.append(ref)
            else:
                targets.append(self._subject_of(i) if rel_at is None or k < rel_at else self._ref_of(i))
        lifting = any(v in ("lift", "lift_verb", "pick") for v in verbs)
        said = [i for i in items if i.kind not in ("COMMA", "AND")]
        if targets and not verbs and len(said) == 2 and said[1].kind == "np" and \
                (said[0].kind == "NOT" or said[0].text == "but not"):  # "..., (but) not the blue one"
            return self._excluded(targets)
        if not targets and any(i.kind in ("VERB", "GERUND") and i.text.endswith((" it", " them")) for i in items):
            targets = list(self.last)  # "without moving it": the verb's object came with it
        if not targets and not (lifting or any(i.kind == "WHERE" for i in items)):
            return []  # "without bumping into anything": never hitting things is every task's rule already
        targets = targets or list(self.last)
        if not self.last:
            self.last = [t for t in targets if t.kind != "robot"][:1]  # "don't lift the ball; get it to ..."
        if items and items[0].kind == "AWAY":
            return [Cond("not", (Cond("near", (s, t)),)) for t in targets for s in self.last]
        if lifting:
            return [Cond("never_lifted", (t,)) for t in targets]
        if any(v in ("touch", "move", "grasp", "push") for v in verbs) or \
                any(i.kind == "WHERE" for i in items):
            return [Cond("unmoved", (t,)) for t in targets]
        rel = next((i.value for i in items if i.kind == "REL"), None)
        if rel and not verbs and not any(i.kind == "np" for i in items[rel_at:]):
            subjects = targets  # "..., but make sure it doesn't end up inside": inside what was named last
            dest = next((r for r in reversed(self.named) if r not in subjects and r.kind != "robot"), None)
            return [Cond("not", (self.relation(rel, s, dest),)) for s in subjects] if dest is not None else []
        if rel:
            subjects = targets[:-1] or list(self.last)
            dest = targets[-1] if targets else None
            if dest is not None and subjects:
                return [Cond("not", (self.relation(rel, s, dest),)) for s in subjects if s != dest]
        return []

    def action(self, items: list[Item]) -> list[Cond]:
        """The clause's verb with its objects, relation, place, amount and order."""
        verbs = [i.value for i in items if i.kind == "VERB"]
        kinds = {i.kind for i in items}
        verbs = [v for v in verbs if v != "use"] or verbs  # "use the hook to pull ...": the verb is "pull"
        if "push" in verbs:
            verbs = ["push"]  # "give the ball a nudge ...": pushing, whatever verb carries it
        verb = verbs[0] if verbs else ("stack" if "TOWER" in kinds else "arrange" if "LINE" in kinds else "put")
        subjects, dests = self._split(items)
        if verb in ("swap", "flip"):
            return self.rearranged(verb, subjects)
        if not subjects and self.last and verb not in ("go", "sort"):
            subjects = list(self.last)
        if verb == "use" and self.pulled:  # "use the hook on it": what the hook is used on is pulled in
            subjects = [s for s in subjects + [d for _, d in dests] if s.kind not in vocab.TOOLS]
            verb, dests = "pull", []
        if verb == "use" and not dests:
            return []
        if self.pulled and verb in ("put", "move", "pick") and _tool_as_means(items) and \
                all(s.kind in vocab.TOOLS for s in subjects) and dests and \
                all(r in ("near", "to") and d.kind in vocab.MOVABLE for r, d in dests):
            # "with the hook take near the red cube": what is brought near, with the tool, is pulled in
            subjects, verb, dests = [d for _, d in dests], "pull", []
        if self.pulled and verb in ("put", "move", "push") and dests and subjects and \
                all(s.kind in vocab.TOOLS for s in subjects) and \
                not any(i.kind == "VERB" and i.value == "pull" for i in self.items):
            self.pulled = False  # "put the hook in the tray": the tool is what is moved, not what pulls
        if self.pulled:
            subjects = [s for s in subjects if s.kind not in vocab.TOOLS]
            if not subjects and verb in ("pull", "use"):
                # "the red blk is out of reach, pull w/ hook": pulled with nothing named, what is out of reach
                subjects = [c.args[0].args[0] for c in self.start if c.name == "not" and
                            isinstance(c.args[0], Cond) and c.args[0].name == "in_reach"]
                verb = "pull" if subjects else verb
            if not subjects:
                return []  # "grab the hook", "use the hook": the tool is how, not what
        # "drag the crate 30 cm to the right": without a tool, a pull by an amount to a side is a shift, not a
        # pull into reach
        shifted = verb == "pull" and "amount" in kinds and "SIDE" in kinds and not any(
            i.kind == "np" and i.value.ref is not None and i.value.ref.kind in vocab.TOOLS for i in self.items)
        verb = "move" if shifted else verb
        if verb == "pull" or (self.pulled and not shifted and verb in ("pick", "move", "put", "go") and not dests):
            self.last = subjects
            return [Cond("in_reach", (s,)) for s in subjects]
        mover = next((i for i in items if i.kind in ("np", "VERB")), None)
        if verb == "go" and mover is not None and mover.kind == "np" and subjects and subjects[0].kind != "robot":
            verb = "put"  # "all the cubes go on the orange zone": the objects go, not the robot
        if verb == "go" or (not subjects and dests and dests[0][1].kind in vocab.MOBILE_GOALS):
            target = dests[0][1] if dests else (subjects[0] if subjects else None)
            self.last = [Ref("robot")]
            stops = [d for _, d in dests] + [s for s in subjects if s.kind != "robot"]
            stops = list(target.members) if len(stops) == 1 and target is not None and target.members else stops
            if len(stops) > 1:  # "visit A, B and C (in that order)": one after another, as said
                return [Cond("then", tuple(Cond("near", (Ref("robot"), m)) for m in stops))]
            return [Cond("near", (Ref("robot"), target))] if target is not None else []
        if "MATCH" in kinds or "BYCOLOR" in kinds or verb == "sort":
            group = next((s for s in subjects if s.is_group), None) or Ref("block", quantity="all")
            bins = next((d for _, d in dests), None) or next(
                (s for s in subjects if s.kind in vocab.CONTAINERS + vocab.SURFACES + ("plate",)
                 and s.kind != group.kind), None)
            bins = (bins if bins.is_group else Ref(bins.kind, quantity="all")) if bins is not None \
                else Ref("bowl", quantity="all")
            if "CORNERS" in kinds:
                return [Cond("in_corners", (group,))]
            self.last = [group]
            return [Cond("sorted_into", (group, bins))]
        if not subjects:
            return []
        self.last = subjects
        self.moved += [s for s in subjects if s not in self.moved]
        conds = self._act(verb, kinds, items, subjects, dests)
        if verb == "leave":  # "keep it off the plate": kept away from a place, not taken from it
            self.taken_out = [t for t in self.taken_out if t not in conds]
        if verb == "push":
            conds += [Cond("never_lifted", (s,)) for s in subjects if not any(
                c.name == "never_lifted" for c in conds)]
        return conds

    def _act(self, verb: str, kinds: set[str], items: list[Item], subjects: list[Ref],
             dests: list[tuple[str, Ref]]) -> list[Cond]:
        if "CORNERS" in kinds or ("CORNERWORD" in kinds and ("EACH" in kinds or any(s.is_group for s in subjects))):
            group = _group(subjects)
            return [Cond("in_corners", (group if group.is_group else Ref(group.kind, quantity="all"),))]
        if "REACH" in kinds and not dests:
            return [Cond("in_reach", (s,)) for s in subjects]
        if "EDGE" in kinds and ("LINE" in kinds or verb == "arrange" or any(s.is_group for s in subjects)):
            subjects = [s for s in subjects if s.kind != "robot"]
            place = self.place(items)
            side = place[5:] if isinstance(place, str) and place.startswith("edge:") else "front"
            return [Cond("along_edge", (_group(subjects), side))]
        if "LINE" in kinds or (verb == "arrange" and not dests):
            order = next((i.value for i in items if i.kind == "order"), None)
            singles = [s for s in subjects if not s.is_group]
            group = _group(singles if len(singles) >= 2 and len(singles) < len(subjects) else subjects)
            return [Cond("in_line", (group, order) if order else (group,))]
        standing = self.standing_tower()
        onto = [d for r, d in dests if r in ("on", "under")]
        tops = [s for s in subjects if not s.is_group and s not in standing]
        if standing and tops and (onto == [standing[0]] or ("TOP" in kinds and not onto)):
            # "green is already on yellow; put red on top": on the top block of the tower that stands, or, where
            # the words say a tower is made ("... to make a three-block tower"), the whole new tower
            if "TOWER" in kinds:
                return [Cond("stacked", (*tops, *standing))]
            if not onto:
                return [Cond("on", (tops[-1], standing[0]))]
        if verb == "stack" or "TOWER" in kinds or ("STACKED" in kinds and not onto):
            return [self.tower(items, subjects, dests)]  # "... the blocks stacked with green at the top"
        place = self.place(items)
        if isinstance(place, str) and place.startswith("edge:"):
            return [Cond("along_edge", (_group(subjects), place[5:]))]
        if place is not None:
            pairs = _corner_pairs(items)
            if len(pairs) > 1 and len({str(self._ref_of(np_)) for np_, _ in pairs}) == len(pairs):
                return [Cond("at_place", (self._ref_of(np_), c)) for np_, c in pairs]  # "A in one corner, B in another"
            nps = sum(1 for i in items if i.kind == "np")
            places = [place] + [i.value for i in items if i.kind == "CORNER" and i.value != place and nps == 1]
            return [Cond("at_place", (s, p)) for s in subjects for p in places]  # one object, two corners
        if not dests:
            shifts = _shifts_each(items, subjects)
            if shifts:
                return shifts
            amount = _amount(items)
            side = next((SIDE_OF[str(i.value)] for i in items if i.kind == "SIDE" and str(i.value) in SIDE_OF), None)
            if side is not None:
                return [Cond("moved", (s, side, float(amount if amount is not None else 0.1))) for s in subjects]
            if verb == "pick":
                return [Cond("lifted", (s,)) for s in subjects]
            return []
        return self.relations(items, subjects, [])

    def _split(self, items: list[Item]) -> tuple[list[Ref], list[tuple[str, Ref]]]:
        """The objects acted on and the (relation, object) destinations, in order."""
        pairs = self._pairs(items)
        subjects = [s for group, _, _ in pairs for s in group if s not in ()]
        subjects = [s for k, s in enumerate(subjects) if s not in subjects[:k]]
        return subjects, [(rel, dest) for _, rel, dest in pairs if rel is not None]

    def _pairs(self, items: list[Item]) -> list[tuple[list[Ref], str | None, Ref | None]]:
        """(objects, relation, destination) in the order said: "A in X and B in Y" is two of them;
        objects named after their destination ("into the bowl, put the block") join it."""
        pairs: list[tuple[list[Ref], str | None, Ref | None]] = []
        subjects: list[Ref] = []
        rel: str | None = None
        joined = ""  # the word before the objects not yet placed: "and" joins them, "with" names a means
        for it in items:
            if it.kind not in ("np", "COMMA"):
                joined = joined if subjects else it.kind
            if it.kind in ("REL", "TO"):
                rel = it.value if it.kind == "REL" else "to"
            elif it.kind == "np":
                mentioned = [s for g, _, _ in pairs for s in g] + subjects
                if it.value.pronoun and it.value.ref is None:
                    # read once per clause: the clause's own objects become "the last moved" between readings,
                    # and "put it in X and B on Y" must not take "it" for "it and B" the second time
                    said = getattr(it, "_pron", None)
                    if said is None or said[0] != (rel is not None, rel):
                        said = ((rel is not None, rel), self._pronoun(mentioned, as_dest=rel is not None, rel=rel))
                        if said[1] is not None:
                            object.__setattr__(it, "_pron", said)
                    ref = said[1]
                    if ref is None or (rel is None and ref in mentioned):
                        continue
                elif rel is not None and it.value.ref is not None and it.value.ref.kind == "?" and pairs and \
                        pairs[-1][2] is not None:
                    ref = self._ref_of(it, kind=pairs[-1][2].kind)  # "A in the green bowl, B in the other one"
                elif (it.value.ref is None and it.value.color or it.value.ref is not None and it.value.ref.kind == "?"
                      and it.value.ref.members) and rel is None and pairs and pairs[-1][0]:
                    # "the red block in the green zone, the blue one in the other zone": one more of the kind
                    # moved, not of the kind named last
                    ref = self._ref_of(it, kind=pairs[-1][0][0].kind)
                elif rel is None:
                    ref = self._subject_of(it)
                elif it.value.ref is None and it.value.color and not it.value.noun and pairs and pairs[-1][2]:
                    ref = self._ref_of(it, kind=pairs[-1][2].kind)  # "A in the green bowl, B in the red one"
                else:
                    ref = self._ref_of(it)
                if rel is not None:
                    pairs.append((subjects, rel, ref))
                    self.last_place = (rel, ref)
                    subjects, rel = [], None
                else:
                    subjects.append(ref)
            elif it.kind in ("AND", "COMMA", "amount", "SIDE", "OF"):
                continue
            else:
                rel = None if it.kind in VERB_LIKE else rel
        if subjects:
            if pairs and not pairs[-1][0]:
                pairs[-1] = (subjects, pairs[-1][1], pairs[-1][2])
            elif rel is not None and rel not in ("to", "off"):  # "put the blue block in too": the last container named
                prior = next((r for r in reversed(self.named) if r.kind in vocab.CONTAINERS + ("plate", "zone")
                              and r not in subjects), None)
                pairs.append((subjects, rel if prior is not None else None, prior))
            elif pairs and _takes_more(pairs[-1]) and joined == "AND" and \
                    not any(s.kind in vocab.TOOLS for s in subjects):
                # "put the red block in the bowl and the green block (too)": both go in the bowl
                pairs.append((subjects, pairs[-1][1], pairs[-1][2]))
            elif pairs and pairs[-1][1] in BESIDE and pairs[-1][2] is not None and pairs[-1][0] and joined == "AND":
                # "next to the red ball and the blue ball": beside each of them
                group, rel_ = pairs[-1][0], pairs[-1][1]
                pairs += [(group, rel_, s) for s in subjects]
            else:
                pairs.append((subjects, None, None))
        for k, (group, r, d) in enumerate(pairs):  # "A on B on C" / "A in X and in Y"
            if not group and k > 0:
                chained = r in ("on", "under") and pairs[k - 1][1] in ("on", "under") and pairs[k - 1][2] is not None
                pairs[k] = ([pairs[k - 1][2]] if chained else pairs[k - 1][0], r, d)
        return pairs

    def _pronoun(self, subjects: list[Ref], as_dest: bool, rel: str | None = None) -> Ref | None:
        """"it"/"them": the clause's own object, or the last object moved; as a destination, the last
        object named that is not being moved and that the relation can take ("in it" is a container)."""
        if as_dest:
            if rel in BESIDE and self.prev_place is not None and self.prev_place[0] in BESIDE and \
                    self.prev_place[1] not in subjects:
                return self.prev_place[1]  # "A left of the bowl, then B right of it": both about the bowl

            def fits(r: Ref) -> bool:
                return r not in subjects and r.kind != "robot" and (
                    rel not in ("in", "inside") or r.kind in vocab.CONTAINERS + vocab.SURFACES)

            earlier = [r for r in self.prev if fits(r)]
            if earlier:  # "put the ball in the zone, then slide the block next to it": the ball
                return earlier[0]
            fitting = next((r for r in reversed(self.named) if fits(r)), None)
            if fitting is not None:  # "put A in the bowl, then B in it too": the bowl, not A
                return fitting
            return next((r for r in reversed(self.named) if r not in subjects and r.kind != "robot"), None)
        tools = [s for s in subjects if s.kind not in vocab.TOOLS]
        if tools:
            return tools[-1]
        if subjects and not self.pulled:
            return subjects[-1]
        if not self.last:
            return None
        return self.last[0] if len(self.last) == 1 else Ref(self.last[0].kind, members=tuple(self.last))

    def _subject_of(self, item: Item) -> Ref:
        """An object acted on: "the green one" said alone is one more of the kind last moved ("put the orange
        block on the plate, then the green one in the bowl"), not of the kind named last (the plate)."""
        if item.value.ref is None and item.value.color and not item.value.noun and self.moved:
            return self._ref_of(item, kind=self.moved[-1].kind)
        # nothing moved yet ("the red block is already in the bowl, put the blue one on it"): the last kind named
        # that the arm can move, not the container it was said to be in
        movable = next((k for k in reversed(self.kinds) if k in vocab.MOVABLE), None)
        if item.value.ref is None and item.value.color and not item.value.noun and movable is not None:
            return self._ref_of(item, kind=movable)
        return self._ref_of(item)

    def _ref_of(self, item: Item, kind: str = "") -> Ref:
        """The item's noun phrase resolved once (later readings of the clause reuse it); ``kind`` is the kind a
        colour alone ("the blue one") stands for, where the clause says which."""
        cache = getattr(item, "_ref", None)
        if cache is None:
            np_ = item.value
            if kind and item.value.ref is None:
                np_ = NP(ref=Ref(kind, item.value.color))
                if any(r.kind == kind and not r.color and not r.is_group and not r.select for r in self.named):
                    self.apart.append(np_.ref)  # "the cube ..., then the blue one": not the cube
            elif kind and item.value.ref.kind == "?":  # "the other one": of the kind the clause says
                members = tuple(replace(m, kind=kind) for m in item.value.ref.members)  # "the red and green ones"
                np_ = replace(item.value, ref=replace(item.value.ref, kind=kind, members=members))
            cache = self.resolve(np_)
            object.__setattr__(item, "_ref", cache)
        return cache

    def relations(self, items: list[Item], subjects: list[Ref], extra: list[Ref]) -> list[Cond]:
        amount = _amount(items)
        conds: list[Cond] = []
        pairs = self._pairs(items)
        self._refuse_left_over(pairs)
        for group, rel, dest in pairs:
            if rel is None or dest is None:
                continue
            for s in group or subjects:
                if s == dest:
                    continue
                cond = self.relation(rel, s, dest)
                if amount is not None and cond.name in vocab.SIDE_RELATIONS:
                    cond = Cond(cond.name, (*cond.args, float(amount)))
                conds.append(cond)
        return conds

    def relation(self, rel: str, subject: Ref, dest: Ref) -> Cond:
        if subject.kind == "robot":
            return Cond("near", (subject, dest))  # "take the robot next to the barrel": the base drives there
        if rel == "to":
            rel = "in" if dest.kind in vocab.CONTAINERS + vocab.SURFACES else "on" if dest.kind == "plate" \
                else "near" if dest.kind in vocab.MOBILE_GOALS else "next_to"
        if rel == "on" and dest.kind in vocab.CONTAINERS + vocab.SURFACES:
            rel = "in"
        if rel == "in" and dest.kind == "plate":
            rel = "on"
        if rel == "under":
            return Cond("on", (dest, subject))
        if rel in ("out_of", "off"):
            taken = Cond("not", (self.relation("in" if rel == "out_of" else "on", subject, dest),))
            self.taken_out.append(taken)
            return taken
        return Cond(rel, (subject, dest))

    def rearranged(self, verb: str, subjects: list[Ref]) -> list[Cond]:
        """"swap them", "flip the tower": the start states, with the two objects' places exchanged or the
        tower turned upside down. Without a start state to read there is nothing to swap or flip."""
        named = {str(s) for s in subjects if s.kind != "robot"}
        # "green is on yellow, which is on red": the two start states are one tower
        for cond in _merge_towers(list(self.start)) if verb == "flip" else self.start:
            objs = [a for a in cond.args if isinstance(a, Ref)]
            if verb == "flip" and cond.name == "stacked" and len(objs) > 2 and (not named or named & set(map(str, objs))):
                self.last = objs
                return [Cond("stacked", tuple(reversed(objs)))]
            if verb in ("swap", "flip") and cond.name in ("on", "stacked") and len(objs) == 2 \
                    and objs[0].kind == objs[1].kind:
                self.last = objs
                return [Cond("on", (objs[1], objs[0]))]  # the one below goes on top
        places = [(c.args[0], c) for c in self.start if c.name in ("in", "on") and isinstance(c.args[0], Ref)]
        if len(places) > 2:  # the two the words name
            places = [p for p in places if str(p[0]) in named]
        if verb == "swap" and len(places) == 2:
            (a, ca), (b, cb) = places
            self.last = [a, b]
            return [self.relation(cb.name, a, cb.args[1]), self.relation(ca.name, b, ca.args[1])]
        raise InstructionError(f"cannot tell what to {verb} in {self.text[:60]!r}: say where the objects are "
                               "first, e.g. \"the red block is on the blue block; swap them\"", "unreadable")

    def place(self, items: list[Item]) -> str | Ref | None:
        for k, it in enumerate(items):
            if it.kind == "place_ref":  # "the corner farthest from the red bowl"
                anchor = it.value.anchor
                side = next((SIDE_OF.get(str(j.value)) for j in items[k + 1:] + items[:k][::-1] if j.kind == "SIDE"),
                            None)
                if anchor.kind == "robot" and side in ("left", "right"):  # "... nearest the robot, on its right"
                    return f"{'back' if it.value.select == 'nearest' else 'front'}_{side}"
                if anchor.kind == "it":
                    anchor = self.last[0] if self.last else Ref("robot")
                elif anchor.kind != "robot":
                    anchor = self.resolve(NP(ref=anchor))
                return replace(it.value, anchor=anchor)
            if it.kind == "CORNER":
                return it.value
            if it.kind == "MIDDLE":
                return "middle"
            if it.kind == "EDGE":
                self._refuse_distance_from_edge(items, k)
                self._refuse_side_of_object(items, k)
                side = next((SIDE_OF.get(str(j.value)) for j in reversed(items[:k]) if j.kind == "SIDE"), None)
                after = [j for j in items[k + 1:k + 6] if j.kind not in ("OF", "TABLE")][:3]
                if side is None and any(j.kind in ("SUPER", "CLOSER") for j in after) and any(
                        j.kind == "np" and j.value.robot for j in after):
                    rule = next(j.value for j in after if j.kind in ("SUPER", "CLOSER"))
                    side = "back" if rule == "nearest" else "front"  # the edge nearest the robot is its own
                return f"edge:{side or 'front'}"
        return None

    def _refuse_side_of_object(self, items: list[Item], k: int) -> None:
        """"in the left side of the tray", "on the edge of the plate": a side or edge of an object (not of the table)
        is no place a goal can name (edges are the table's; a container holds a thing anywhere in it); refused by
        name rather than read as the table's edge or as just "in the tray"."""
        after = items[k + 1:k + 3]
        if [i.kind for i in after] != ["OF", "np"] or after[1].value.ref is None or after[1].value.robot:
            return
        side = items[k - 1].text + " " if k > 0 and items[k - 1].kind == "SIDE" else ""
        said = f"{side}{items[k].text} of the {self._ref_of(after[1]).phrase}"
        raise InstructionError(f"cannot read {said!r} in {self.text[:60]!r}: a goal can put an object in, on or beside "
                               "another, or at a side of the table, not at one side of an object", "unreadable")

    def _refuse_distance_from_edge(self, items: list[Item], k: int) -> None:
        """"10 cm from the edge of the table": a distance from an edge is no place a goal can name (and not a
        line along it); refused by name rather than read as along_edge or dropped."""
        before = [i for i in items[max(0, k - 3):k] if i.kind != "SIDE"]
        if before and before[-1].kind in ("FROM", "AWAY"):
            amount = _amount(items)
            said = f"{amount * 100:g} cm from the edge" if amount is not None else "from the edge"
            raise InstructionError(f"cannot read {said!r} in {self.text[:60]!r}: a goal can say where an object is "
                                   "beside another or at a corner, edge or the middle, not its distance from an "
                                   "edge", "unreadable")

    def standing_tower(self) -> tuple[Ref, ...]:
        """The blocks of the tower the start states say stands, top first; () when they name none."""
        for cond in self.start:
            blocks = [a for a in cond.args if isinstance(a, Ref)]
            if cond.name in ("stacked", "on") and len(blocks) >= 2 and \
                    all(b.kind == "block" and not b.is_group for b in blocks):
                return tuple(blocks)
        return ()

    def tower(self, items: list[Item], subjects: list[Ref], dests: list[tuple[str, Ref]]) -> Cond:
        """"stack A on B", "A on B on C", "blue at the bottom ... red on top", "stack the blocks"."""
        pairs = [(g, r, d) for g, r, d in self._pairs(items) if r in ("on", "under") and g and d is not None]
        if len(pairs) >= 2:  # "A on B, and C on A": one tower
            ons = [Cond("on", (g[0], d) if r == "on" else (d, g[0])) for g, r, d in pairs]
            merged = _merge_towers(ons)
            return merged[0] if len(merged) == 1 else Cond("all", tuple(ons))  # a cycle: checked as said
        chain = list(subjects) + [d for _, d in dests]
        chain = [r for k, r in enumerate(chain) if r not in chain[:k]]
        singles = [r for r in chain if not r.is_group]
        listed = next((r for r in chain if r.members), None)
        # "stack the three blocks so the blue one ends up on top": the blocks named one by one are of the tower the
        # group makes, never a block put on the group; where some of it goes unnamed its order cannot be written
        whole = next((r for r in chain if r.is_group and not r.members and r.quantity in ("all", "count")
                      and not r.select and not r.excluded), None)
        named = list(dict.fromkeys(r for r in singles if whole is not None and r.kind == whole.kind and not r.select))
        count = whole.count if whole is not None and whole.quantity == "count" else 0
        if listed is None and named and (len(named) < count or not count and len(named) == 1):
            if count == 2:  # "stack the two blocks, blue on top": the other block is the one below
                chain = [named[0], Ref(whole.kind, select="other", anchor=named[0])]
            else:
                said = " and ".join(f"the {r.phrase}" for r in named)
                raise InstructionError(f"cannot tell the order of the tower in {self.text[:60]!r}: the words place "
                                       f"{said} but not the other {whole.kind}s; name every {whole.kind} in order "
                                       f"from the top, e.g. \"stack the blue, red and green {whole.kind}s, blue on "
                                       "top\"", "ambiguous")
        elif listed is not None and set(singles) <= set(listed.members):
            chain = list(listed.members)  # "the orange, purple and pink cubes, orange on top ..."
        elif len(singles) >= 2:
            chain = singles  # "the blocks with blue at the bottom ...": the blocks named one by one
        elif len(chain) == 1 and chain[0].members:
            chain = list(chain[0].members)  # "stack the red, white and blue blocks": top first as listed
        marks: dict[Ref, int] = {}
        current: Ref | None = None
        for it in items:
            if it.kind == "np" and it.value.ref is not None or it.kind == "np" and it.value.color:
                current = self._ref_of(it)
            elif current is not None and current not in marks and it.kind in ("TOP", "BOTTOM", "MIDDLE"):
                marks[current] = {"TOP": 0, "MIDDLE": 1, "BOTTOM": 2}[it.kind]
        end = next(iter(marks.items())) if len(marks) == 1 and len(chain) > 2 else None
        if any(i.kind == "order" and i.value == "top_to_bottom" for i in items):
            pass  # as listed, top first
        elif end is not None and end[0] in chain and (chain.index(end[0]), end[1]) in ((0, 2), (len(chain) - 1, 0)):
            # "the red, green and blue blocks with red at the bottom" (or "blue on top"): one end named, and it is
            # the list's own end, so the list is the tower from the bottom up
            chain = list(reversed(chain))
        elif marks:
            chain = sorted(chain, key=lambda r: (marks.get(r, 1), chain.index(r)))
        elif any(d[0] == "under" for d in dests) or any(
                i.kind == "order" and i.value == "bottom_to_top" for i in items):
            chain = list(reversed(chain))
        if len(chain) == 1:
            return Cond("stacked", (chain[0],))
        if len(chain) == 2:
            return Cond("on", tuple(chain))
        return Cond("stacked", tuple(chain))


def _without_restated(goal: Goal) -> Goal:
    """The goal without a "start state" that the goal already is, said the other way round: "put the ball on
    the far side of the bowl, so the bowl is between you and the ball" restates the goal (a start where the
    task is done already is none)."""
    asked = set(goal.condition.conjuncts())
    restated = asked | {Cond(CONVERSE[c.name], (c.args[1], c.args[0], *c.args[2:])) for c in asked
                        if c.name in CONVERSE and len(c.args) >= 2}
    kept = tuple(c for c in goal.start if c not in restated)
    return goal if kept == goal.start else replace(goal, start=kept)


def _made_into(items: list[Item]) -> bool:
    """"make the ball into a cube": "into" a thing nothing goes into names what the object is to become."""
    for k, it in enumerate(items[:-1]):
        nxt = items[k + 1]
        if it.kind == "REL" and it.text == "into" and nxt.kind == "np" and nxt.value.ref is not None:
            return nxt.value.ref.kind not in vocab.CONTAINERS + vocab.SURFACES + vocab.MOBILE_GOALS + ("plate",)
    return False


def _states_a_distance(items: list[Item]) -> bool:
    """"the bowl is about 20 cm away", "it is 5 cm from the plate": a distance said in the present of how
    things are, with no verb or "should": no goal, and no start state can hold a distance."""
    kinds = [i.kind for i in items]
    return "COPULA" in kinds and "amount" in kinds and "np" in kinds and not any(
        k in VERB_LIKE + ("MODAL", "ALREADY") for k in kinds) and kinds.index("COPULA") < kinds.index("amount")


def _wished(items: list[Item]) -> bool:
    """"... and the red block should be on the plate": an object with how it is to be is a clause of its own."""
    kinds = [i.kind for i in items]
    return bool(kinds) and kinds[0] == "np" and "MODAL" in kinds and \
        any(k in ("REL", "CORNER", "MIDDLE") for k in kinds[kinds.index("MODAL"):])


def _sent_before_negation(piece: list[Item], then: list[Item]) -> bool:
    """"red blk -> tray, don't move the bowls": a verbless piece that sends an object somewhere is a task of its
    own, never the object of the negated verb after it; nor the object of one kept where it is after it ("largest
    block on plate; smallest block untouched")."""
    kinds = [i.kind for i in piece]
    sends = "np" in kinds and any(k in ("REL", "TO") for k in kinds[kinds.index("np"):])
    kept = _kept_by_name(then) or [i.kind for i in then[:2]] == ["np", "VERB"] and then[1].value == "leave" or \
        bool(then) and then[0].kind in VERB_LIKE and any(i.kind == "WHERE" for i in then)  # "; keep X where it is"
    return sends and kinds[-1] == "np" and (any(i.kind in ("NOT", "WITHOUT") for i in then[:2]) or kept)


def _sends_verbless(items: list[Item]) -> bool:
    """"red blk next to bowl, but not in it", "grn blk on plate w/o lifting it": an object and where it goes with no
    verb (a clipped command) acts as "put" does, so what follows "not" / "without" constrains it."""
    kinds = [i.kind for i in items]
    return len(kinds) >= 3 and kinds[0] == "np" and not items[0].value.pronoun and \
        any(k in ("REL", "TO") and nxt in ("np", "CORNER", "MIDDLE") for k, nxt in zip(kinds[1:], kinds[2:]))


def _kept_by_name(items: list[Item]) -> bool:
    """"..., the grey bowl must stay put": a piece that opens with an object said to stay (a modal before
    the where-word) is a constraint of its own, after a comma too."""
    return bool(items) and items[0].kind == "np" and (any(i.kind in ("MODAL", "COPULA") for i in items) or
                                                      items[1:2] and items[1].kind == "WHERE")  # "the X stays put"


def _takes_more(pair: tuple[list[Ref], str | None, Ref | None]) -> bool:
    """Whether objects named after this (objects, relation, place) go to the same place: into or onto a
    container, plate or zone ("in the bowl and the green block"); beside a landmark, a second object named is
    as often a second landmark."""
    _, rel, dest = pair
    return rel in ("in", "on", "to") and dest is not None and not dest.is_group and \
        dest.kind in vocab.CONTAINERS + vocab.SURFACES + ("plate",)


def _only_objects(items: list[Item]) -> bool:
    return any(i.kind == "np" for i in items) and all(i.kind in ("np", "COMMA", "AND") for i in items)


def _done_again(clause: list[Item], objects: list[Item]) -> list[Item] | None:
    """The clause before, done to ``objects`` instead of the object it moved; None when it placed nothing."""
    first = next((k for k, i in enumerate(clause) if i.kind == "np"), None)
    rel = next((k for k in range((first or 0) + 1, len(clause)) if clause[k].kind in ("REL", "TO")), None)
    if first is None or rel is None or rel + 1 >= len(clause) or clause[rel + 1].kind not in ("np", "CORNER",
                                                                                               "MIDDLE"):
        return None  # the clause before moved nothing to a place ("arrange the bowls in a line: red, ...")
    moved = clause[first].value.ref
    if moved is not None:  # "then the blue one": one of the kind moved before, not of the last kind named
        objects = [Item("np", NP(ref=Ref(moved.kind, i.value.color))) if i.kind == "np" and i.value.color
                   and i.value.ref is None else i for i in objects]
    return clause[:first] + objects + clause[first + 1:]


def _corner_pairs(items: list[Item]) -> list[tuple[Item, str]]:
    """Each corner (or the middle) with the object named last before it: "A in the front left corner and B in
    the back right", "A in the middle and B in the back left corner"."""
    pairs, last = [], None
    for i in items:
        if i.kind == "np":
            last = i
        elif i.kind in ("CORNER", "MIDDLE") and last is not None:
            pairs.append((last, i.value if i.kind == "CORNER" else "middle"))
            last = None
    return pairs


def _kind_then_colours(items: list[Item]) -> list[Item]:
    """"stack the blocks red on green on blue", "stack blks, red on top of green ...": a plural kind with no colour
    right before colours said alone names their kind, as a heading does; it is not one more object (all the blocks)."""
    for k in range(len(items) - 1):
        group = items[k].value.ref if items[k].kind == "np" else None
        if group is None or group.quantity != "all" or group.color or group.members or group.select:
            continue
        j = k + 1 + (items[k + 1].kind == "COMMA")
        if j >= len(items) or items[j].kind != "np" or items[j].value.ref is not None or not items[j].value.color:
            continue
        colours = [i for i in items[j:] if i.kind == "np" and i.value.ref is None and i.value.color]
        if len(colours) < 2:
            continue  # "stack the blocks so the blue one is on top": one of the blocks, the rest unnamed
        named = [Item("np", NP(ref=Ref(group.kind, i.value.color)), i.text)
                 if i.kind == "np" and i.value.ref is None and i.value.color and not i.value.pronoun else i
                 for i in items[j:]]
        return items[:k] + named
    return items


def _tool_as_means(items: list[Item]) -> bool:
    """Whether a tool is named as the means ("with the hook", "using the rake"), not as what is moved."""
    return any(a.kind == "WITH" or a.kind == "VERB" and a.value == "use" for a, b in zip(items, items[1:])
               if b.kind == "np" and b.value.ref is not None and b.value.ref.kind in vocab.TOOLS)


def _topic_first(items: list[Item]) -> list[Item]:
    """"the rightmost bowl, put the red block in it", "the cubes, put them along the edge": an object said first and
    then a verb with "it" / "them" (a learner's or a speaker's topic) is what the pronoun stands for, not one more
    object to move."""
    if len(items) < 4 or items[0].kind != "np" or items[0].value.pronoun or items[0].value.robot:
        return items
    k = 1 + (items[1].kind == "COMMA")
    if items[k].kind != "VERB":
        return items
    pron = next((j for j in range(k + 1, len(items)) if items[j].kind == "np" and items[j].value.pronoun
                 and items[j].value.ref is None), None)
    if pron is None:
        return items
    return items[k:pron] + [items[0]] + items[pron + 1:]


def _side_of_object(items: list[Item]) -> list[Item]:
    """"to the front of the bowl", "in the right side of the plate": a side of an object, said with "to" or a
    learner's "in", is the side relation ("in front of", "right of"); of the table it stays a place, and "in the left
    side of the tray" stays inside the container."""
    out = list(items)
    for k in range(len(out) - 2, -1, -1):
        if out[k].kind != "SIDE" or SIDE_OF.get(str(out[k].value)) not in SIDE_RELATION:
            continue
        end = k + 1 + (out[k + 1].kind == "EDGE" and out[k + 1].text == "side")
        if end + 1 >= len(out) or out[end].kind != "OF" or out[end + 1].kind != "np" or out[end + 1].value.ref is None:
            continue
        before = out[k - 1] if k > 0 else None
        said_in = before is not None and before.kind == "REL" and before.value == "in"
        if before is None or not (before.kind == "TO" or said_in) or \
                said_in and out[end + 1].value.ref.kind in vocab.CONTAINERS:
            continue
        rel = SIDE_RELATION[SIDE_OF[str(out[k].value)]]
        out[k - 1:end + 1] = [Item("REL", rel, " ".join(i.text for i in out[k - 1:end + 1]))]
    return out


def _shared_object(items: list[Item]) -> list[Item]:
    """"in front of and behind the block": each relation gets the object ("in front of the block and
    behind the block"), so that both are read (and a goal that asks both is seen to contradict itself);
    a side before "and" is that side's relation ("left and right of the bowl")."""
    out = list(items)
    for k in range(len(out) - 3, -1, -1):
        side = SIDE_RELATION.get(SIDE_OF.get(str(out[k].value), "")) if out[k].kind == "SIDE" else None
        if side and out[k + 1].kind == "AND" and out[k + 2].kind == "REL" and \
                out[k + 2].value in SIDE_RELATION.values():
            out[k] = Item("REL", side, out[k].text)
        if out[k].kind == "REL" and out[k + 1].kind == "AND" and out[k + 2].kind == "REL" and out[k + 3].kind == "np":
            out.insert(k + 1, out[k + 3])
    return out


def _shifts_each(items: list[Item], subjects: list[Ref]) -> list[Cond]:
    """"shift the green ball 20 cm right and the orange ball 10 cm left": each object with the side (and
    amount) said right after it, where every object named has a side of its own."""
    at = [k for k, i in enumerate(items) if i.kind == "np"]
    if len(at) < 2 or len(at) != len(subjects):
        return []
    out = []
    for n, (k, s) in enumerate(zip(at, subjects)):
        said = items[k + 1:at[n + 1] if n + 1 < len(at) else len(items)]
        side = next((SIDE_OF[str(i.value)] for i in said if i.kind == "SIDE" and str(i.value) in SIDE_OF), None)
        if side is None:
            return []
        amount = _amount(said)
        out.append(Cond("moved", (s, side, float(amount if amount is not None else 0.1))))
    return out


def _amount(items: list[Item]) -> float | None:
    """The distance the words give: a measured one ("25 cm") before a vague one ("well")."""
    amounts = [i for i in items if i.kind == "amount"]
    exact = [i for i in amounts if i.text != "vague" and not isinstance(i.value, float) or i.value not in
             vocab.AMOUNTS.values()]
    pick = (exact or amounts)[-1:] if amounts else []
    return float(pick[0].value) if pick else None


def _drop_lifts(steps: list[Cond]) -> list[Cond]:
    """"pick up X and put it in Y": picking X up is the way, not a goal of its own."""
    moved = [a for c in steps if c.name != "lifted" for a in c.args if isinstance(a, Ref)]
    return [c for c in steps if not (c.name == "lifted" and _same_object(c.args[0], moved))]


def _same_object(ref: Ref, refs: list[Ref]) -> bool:
    """Whether ``refs`` name ``ref``, or its kind bare ("pick up the red cube ... place the cube ...")."""
    return any(r == ref or (not r.color and not r.select and not r.is_group and r.kind == ref.kind) for r in refs)


def _drop_taken_out(steps: list[Cond], taken_out: list[Cond]) -> list[Cond]:
    """"take the block off the plate and put it in the bowl": taking it off is the way, and where it starts is
    a start state; what is asked is where it goes. Alone ("take the block out of the bowl") it is the goal."""
    placed = [c.args[0] for c in steps if c.name not in CONSTRAINTS and c.args and isinstance(c.args[0], Ref)]
    return [c for c in steps if not (c in taken_out and _same_object(c.args[0].args[0], placed))] or steps


def _merge_towers(steps: list[Cond]) -> list[Cond]:
    """"B on A and C on B" is one tower: ``stacked(C, B, A)``."""
    ons = [c for c in steps if c.name == "on" and all(isinstance(a, Ref) and a.kind == "block" and not a.is_group
                                                       for a in c.args)]
    if len(ons) < 2:
        return steps
    above = {c.args[1]: c.args[0] for c in ons}
    below = {c.args[0]: c.args[1] for c in ons}
    bottoms = [b for b in above if b not in below]
    if len(bottoms) != 1:
        return steps
    chain = [bottoms[0]]
    while chain[-1] in above and above[chain[-1]] not in chain:
        chain.append(above[chain[-1]])
    if len(chain) != len(ons) + 1:
        return steps
    tower = Cond("stacked", tuple(reversed(chain)))
    rest = [c for c in steps if c not in ons]
    return [tower] + rest


def _negated_aside(items: list[Item], k: int | None) -> int | None:
    """Where ", not the blue one," set off inside a clause that goes on to say where ("move the red block, not
    the blue one, into the bowl") begins; None where there is none."""
    if k is None or k == 0 or items[k].kind != "NOT" or items[k - 1].kind != "COMMA" or len(items) < k + 4:
        return None
    if items[k + 1].kind != "np" or items[k + 2].kind != "COMMA":
        return None
    return k if any(i.kind in ("REL", "TO", "CORNER", "MIDDLE", "SIDE") for i in items[k + 3:]) else None


def _kept_after_placing(items: list[Item], k: int) -> bool:
    """"move A left of the plate while the white block stays put": after a clause that says where something
    goes, an object said to stay is a clause of its own (not one more object to put where the first went)."""
    after = items[k + 1:]
    n = next((j for j, i in enumerate(after) if i.kind != "np"), len(after))
    if n == 0 or n >= len(after) or after[n].kind != "WHERE":
        return False
    # from the verb of the clause the "and" is in: "..., keeping A and B where they are" keeps both
    start = max((j for j in range(k) if items[j].kind in ("STOP", "THEN", "FIRST", "BEFORE") + VERB_LIKE),
                default=-1)
    return any(i.kind in ("REL", "TO", "CORNER", "MIDDLE", "EDGE", "SIDE") for i in items[start:k])


def _has_copula_after(items: list[Item], k: int) -> bool:
    for it in items[k + 1:]:
        if it.kind in ("COPULA", "ALREADY", "MODAL") or (it.kind == "VERB" and it.value == "leave"):
            return True
        if it.kind not in ("np", "AND", "COMMA"):
            return False
    return False


def _runs_on(piece: list[Item]) -> bool:
    """Whether a verb right after ``piece``, with no "and", comma or stop between (speech put into words), opens a
    clause of its own: after how things are ("the red cube is in the tray put it on the plate", "there's a green
    bowl and a blue bowl put ...") or after a verb and its object ("grab the red block stick it on the plate", "keep
    the cube still while you put ...")."""
    if not piece or piece[-1].kind not in ("np", "ALREADY", "OUT_OF_REACH", "CORNER", "MIDDLE", "WHERE"):
        return False
    verbs = [k for k, i in enumerate(piece) if i.kind in VERB_LIKE]
    if verbs:
        return any(i.kind == "np" for i in piece[verbs[-1] + 1:])
    introduces = piece[0].kind == "ALREADY" and piece[0].text in INTRODUCING and _only_objects(piece[1:])
    return introduces or _is_start(piece)


def _is_start(items: list[Item]) -> bool:
    """A clause that says how things are ("the red block is in the bowl"), not what to do."""
    kinds = [i.kind for i in items]
    if "MODAL" in kinds:
        return False  # "the block should sit beside the bowl": how things are to be
    if "VERB" in kinds and any(i.value not in ("leave",) for i in items if i.kind == "VERB"):
        first_verb = kinds.index("VERB")
        if not any(k in ("COPULA", "ALREADY") for k in kinds[:first_verb]):
            return False
        if "COPULA" in kinds[:first_verb] and kinds.index("COPULA") < first_verb and "np" not in kinds[:kinds.index("COPULA")]:
            return False
        passive = kinds[first_verb - 1] == "COPULA"  # "the block was put in the zone (by mistake)": done before
        return "ALREADY" in kinds[:first_verb] or "OUT_OF_REACH" in kinds or passive
    robot_at = items[0].kind == "np" and items[0].value.robot and kinds.count("np") >= 2  # "the robot is at X"
    return ("COPULA" in kinds or "ALREADY" in kinds) and "np" in kinds and \
        (robot_at or any(k in ("REL", "STACKED", "OUT_OF_REACH", "CORNER", "MIDDLE") for k in kinds))


def _group(refs: list[Ref]) -> Ref:
    if len(refs) == 1:
        return refs[0]
    return Ref(refs[0].kind, members=tuple(refs))


