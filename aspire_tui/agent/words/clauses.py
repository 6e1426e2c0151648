"""Clauses to predicates: each clause's verb, objects, relation and place become the goal's conditions."""

from __future__ import annotations

import re
from dataclasses import replace

from aspire_tui.agent.goal import CONSTRAINTS, Cond, Goal, Ref, canonical
from aspire_tui.agent.words.asides import refuse_coordinates, refuse_unknown, without_asides, without_remarks
from aspire_tui.agent.words.between import refuse_between
from aspire_tui.agent.words.chatter import chatter_clauses
from aspire_tui.agent.words.chatter import note as chatter_note
from aspire_tui.agent.words.dash_remarks import without_dash_remarks
from aspire_tui.agent.words.checks import check_possible, check_unambiguous
from aspire_tui.agent.words.excepting import excepting, left_out, removed
from aspire_tui.agent.words.grammar import NP, Item, phrases
from aspire_tui.agent.words.having import had
from aspire_tui.agent.words.lexicon import InstructionError
from aspire_tui.agent.words.named_again import named_again
from aspire_tui.agent.words.pieces import (AS_IT_STARTED, VERB_LIKE, amount_said, corner_pairs, is_start,
                                           kind_then_colours, made_into, negated_aside, on_the_table, sends_verbless,
                                           states_a_distance, takes_more, tool_as_means, topic_first)
from aspire_tui.agent.words.referents import References
from aspire_tui.agent.words.no_member import without_double_negation
from aspire_tui.agent.words.put_back import put_back, refuse_unsaid_origin
from aspire_tui.agent.words.run_ons import with_breaks
from aspire_tui.agent.words.typing_slips import tidied
from aspire_tui.agent.words.sides import (BESIDE, SIDE_OF, refuse_one_sided_corner, refuse_opposite_shifts,
                                         refuse_vague_away, shared_object, shifts_along_axes, shifts_each,
                                         side_of_object)
from aspire_tui.agent.words.setting_aside import UnreadWords, set_aside
from aspire_tui.agent.words.speaker_context import without_context
from aspire_tui.agent.words.setting_aside import note as aside_note
from aspire_tui.agent.words.splitting import split_clauses
from aspire_tui.agent.words.taken_back import refuse_taken_back
from aspire_tui.agent.words.steps import (drop_counted_towers, drop_lifts, drop_taken_out, drop_tower_bases,
                                          group_of, merge_towers, without_restated)
from aspire_tui.agent.words.tagging import mended_words, tag
from sim import vocabulary as vocab

# what an object taken "from" it was inside: a container (a crate it was loaded into too), or a painted zone
HELD_IN = vocab.CONTAINERS + vocab.SURFACES


def read(text: str) -> Goal:
    """The goal an instruction asks for.

    Raises:
        InstructionError: empty, unreadable, impossible, an unknown object or colour, or a contradiction;
            one line that names the word or the problem, with ``reason`` set.
    """
    if text is None or not str(text).strip():
        raise InstructionError("the instruction is empty: say what the robot should do, e.g. \"put the red "
                               "block in the green bowl\"", "empty")
    text = with_breaks(tidied(str(text).strip()))  # "look at the blocks Your job is ...": the stop put back
    refuse_coordinates(text)
    refuse_taken_back(text)
    refuse_between(text)
    said, remarks = without_remarks(text)
    said, dashed = without_dash_remarks(said)  # "... on the blue block — a cozy two-level split"
    remarks += dashed
    said, context = without_context(named_again(said))  # "the rook -- the gray cube, I should say -- ..." is no
    # one's situation: the cube named again
    words = without_asides(tag(said))
    try:
        goal, notes = _goal_of(text, said, words)
    except InstructionError as err:
        # "put the ball in the bowl, and breathe": chatter of its own clause is read past when the rest reads
        kept, chatter = chatter_clauses(words, said)
        if not chatter or not any(w.tag in ("KIND", "KINDS") for w in kept):
            raise
        try:
            goal, notes = _goal_of(text, said, kept)
        except InstructionError as rest:
            # "left of the plate and right of it, hedge the bet": what the rest cannot be is the reason to give
            raise (rest if rest.reason in ("contradiction", "ambiguous") else err) from None
        notes.append(chatter_note(chatter))
    notes += [f"read {slip!r} as {meant!r}" for slip, meant in mended_words(said)]
    notes += [f"read ({r}) as a remark, not part of the task" for r in remarks]
    notes += [f"read {c!r} as said around the task, not part of it" for c in context]
    return replace(goal, notes=goal.notes + tuple(notes)) if notes else goal


def _goal_of(text: str, said: str, words: list) -> tuple[Goal, list[str]]:
    """The goal the tagged words read to, and the notes on words set aside."""
    try:
        refuse_unknown(words)
    except InstructionError:
        _refuse_impossible_before_comparison(said)  # "make it round, like a pebble from the sea"
        raise
    refuse_one_sided_corner(words)
    refuse_vague_away(words)
    notes: list[str] = []
    try:
        goal = _Clauses(text, removed(excepting(had(phrases(words))))).goal()
    except UnreadWords:
        _refuse_impossible_before_comparison(said)
        aside = set_aside(words, said)
        if aside is None:
            raise
        kept, runs = aside
        try:  # the rest must read to a whole goal on its own; if not, the words not read are the problem
            goal = _Clauses(text, removed(excepting(had(phrases(kept))))).goal()
        except InstructionError:
            pass
        else:
            notes.append(aside_note(runs, said))
        if not notes:
            raise
    return goal, notes


def _refuse_impossible_before_comparison(said: str) -> None:
    """"make the ball square, like a box": what cannot be done is refused as such, whatever the comparison after
    it (words not read) would add."""
    m = re.search(r"\s*[,;]\s*(?:just |much )?like\b", said, re.I)
    if m is None or m.start() == 0:
        return
    try:
        read(said[:m.start()])
    except InstructionError as err:
        if err.reason == "impossible":
            raise


class _Clauses:
    """Reads the phrases clause by clause, remembering what "it" and "the blue one" refer to."""

    def __init__(self, text: str, items: list[Item]) -> None:
        self.text, self.items = text, items
        self.refs = References(text, items)  # what "it" and "the blue one" stand for, clause by clause
        self.taken_out: list[Cond] = []    # not(in(X, Y)) read from "X out of Y": X starts in Y
        self.start: list[Cond] = []        # the start states read so far ("swap them" reads them)
        self.remarks: list[str] = []       # what was read as how things are and that no goal or start holds
        self.bare_sorts: list[Cond] = []   # sorts read from words that name nothing ("group by colour")
        self.built: tuple[Ref, ...] = ()   # the tower an earlier step built, top first ("..., then X on top")
        self.unplaced_sorts: list[Cond] = []  # sorts that name no holder ("sort the blocks")
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
            self.built = next((c.args for c in conds if c.name in ("on", "stacked") and all(
                isinstance(a, Ref) and a.kind == "block" and not a.is_group for a in c.args)), self.built)
            if kind == "constraint" and not steps and any(r.kind == "?" for c in conds for r in c.refs()):
                ahead.append(clause)  # "without lifting it, move the cyan block ...": "it" is the cyan block
                continue
            if not conds:  # "take the red block and the blue block.": named, so a later "the block" is either
                self.refs.introduced += [self.refs.ref_of(i) for i in clause
                                         if i.kind == "np" and i.value.ref is not None]
                if kind == "step" and steps:
                    self._refuse_unplaced(clause)
            self._add(kind, conds, steps, constraints, start)
            if kind == "step" and conds and ahead:
                for earlier in ahead:  # read again, now that "it" has something to stand for
                    self._add(*self.clause([replace(i) for i in earlier]), steps, constraints, start)
                ahead = []
        for earlier in ahead:
            self._add(*self.clause(earlier), steps, constraints, start)
        steps = drop_tower_bases(drop_counted_towers(merge_towers(drop_lifts(steps))))  # "B on A and (then) C on B" is one tower
        if not self.ordered:  # "stack the three blocks: A on B on C": the tower said twice is one tower
            steps = list(dict.fromkeys(steps))
            # "stack the red, green and blue blocks: blue on green on red": the order said last is the tower's
            steps = [c for k, c in enumerate(steps) if not (c.name == "stacked" and len(c.args) >= 3 and any(
                later.name == "stacked" and set(later.args) == set(c.args) for later in steps[k + 1:]))]
            # "stack red on green on blue. expected: a tower with red at the top, blue at the bottom": only the
            # ends of the tower said again, not one block right on the other; and one block on the next in the
            # tower ("a tower: red bottom, yellow middle, green on top") is what the tower says already
            steps = [c for c in steps if not (c.name == "on" and any(
                t.name == "stacked" and len(t.args) >= 3 and ((t.args[0], t.args[-1]) == c.args[:2] or c.args[:2] in
                                                              zip(t.args, t.args[1:])) for t in steps))]
            # "a row from right to left. expected order: yellow, pink, gray": the row said again without its order
            steps = [c for c in steps if not (c.name == "in_line" and len(c.args) == 1 and any(
                o.name == "in_line" and len(o.args) == 2 and o.args[0] == c.args[0] for o in steps))]
        if any(c.name == "sorted_into" and c not in self.bare_sorts for c in steps):
            # "sort by colour: the balls into the trays": the heading says how, the words after it what and where
            steps = [c for c in steps if c not in self.bare_sorts] or steps
        # "sort the balls. balls into the trays.": the holders said after a sort that named none are its holders
        steps = [c for c in steps if c not in self.unplaced_sorts or not any(
            later.name == "sorted_into" and later.args[0] == c.args[0] and later not in self.unplaced_sorts
            for later in steps)]
        headings = self.bare_sorts + self.unplaced_sorts
        if not self.ordered and any(c.name in ("in_line", "along_edge") for c in steps):
            # "line the cubes up along the back edge, sorted": a sort naming no holders, said of a line, is the
            # line's order, which no goal names; there is nothing to sort into
            steps = [c for c in steps if c not in headings]
        spelled = [c for c in steps if c not in headings]
        parts = [p for c in spelled for p in c.conjuncts()]
        if len(spelled) < len(steps) and len(parts) >= 2 and all(_into_its_colour(p) for p in parts):
            # "sorting: put the red block in the red bowl, then the blue block in the blue bowl": the steps
            # spell the sort out, and say which objects it is of
            steps = spelled
        if not steps and constraints:
            steps, constraints = constraints, []
        for c in steps:
            for part in c.conjuncts():
                if part.name == "in_reach" and self.pulled and Cond("not", (part,)) not in start:
                    start.append(Cond("not", (part,)))
            # "take the block out of the bowl": it is in the bowl to begin with (once: "is stacked on" said it)
            if c in self.taken_out and canonical(c.args[0]) not in [canonical(s) for s in start]:
                start.append(c.args[0])
        steps = drop_taken_out(steps, self.taken_out)
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
            raise UnreadWords(f"cannot tell what to do in {self.text[:60]!r}: did not read "
                              f"{', '.join(repr(w) for w in unread[:4])} (use -m MODEL, or say it with "
                              "objects, places and relations, e.g. \"put the red block left of the bowl\")", unread)
        steps = left_out(steps, constraints)
        self._refuse_exclusion(steps, constraints)
        asked = {c for s in steps for c in s.conjuncts()}
        constraints = [c for c in constraints if c not in asked]  # "without lifting it, slide ...": once
        # "put A in X, B in Y and C on Z, in that order": steps said in one breath, done one after another
        in_order = any(i.kind == "INORDER" for i in self.items) and \
            not any(s.name in ("never_lifted", "unmoved") for s in steps)
        main = steps[0] if len(steps) == 1 else Cond("then" if self.ordered or in_order else "all", tuple(steps))
        condition = without_double_negation(main if not constraints else Cond("all", (main, *constraints)))
        check_possible(condition)
        # every coloured object the words named counts, read into the goal or not ("next to the red ball and the
        # blue ball, then put the ball in the tray": either ball)
        named = self.refs.introduced + [r for r in self.refs.named if r.color and not r.select and not r.is_group]
        notes = tuple(f"read {r} as how things are, not part of the task" for r in self.remarks)
        goal = Goal(self.text, condition, tuple(start), notes=notes)
        return without_restated(check_unambiguous(goal, named, apart=self.refs.apart))

    def _add(self, kind: str, conds: list[Cond], steps: list[Cond], constraints: list[Cond],
             start: list[Cond]) -> None:
        """A clause's conditions added to the steps, the constraints or the start states, once each."""
        conds = [c for k, c in enumerate(conds) if c not in conds[:k]]
        if kind == "step" and self.ordered and len(conds) > 1:
            conds = [Cond("all", tuple(conds))]  # one step of a sequence: "push X into Y (without lifting)"
        target = {"step": steps, "constraint": constraints, "start": start}[kind]
        if kind == "step" and self.ordered:
            # "go to A, then B, then back to A": in a sequence a step done again after another one is asked again
            target.extend(c for c in conds if not target or c != target[-1])
            return
        target.extend(c for c in conds if c not in target)


    def clauses(self) -> list[list[Item]]:
        """The instruction's clauses; objects a list only said are there are named, and the last is "it"."""
        pieces, introduced = split_clauses(self.items)
        self.refs.introduced += introduced
        if introduced:  # "there is a cyan block. put it in the bowl": "it" is the block
            self.refs.last = list(self.refs.introduced[-1:])
        return pieces

    # -- one clause
    def clause(self, items: list[Item]) -> tuple[str, list[Cond]]:
        if len(items) > 1 and items[0].kind == "np" and items[0].value.robot and items[1].kind in ("COMMA",) + VERB_LIKE:
            items = items[1:] if items[1].kind in VERB_LIKE else items[2:]  # "robot, put ...": said to the robot
        self.refs.prev = list(self.refs.last)  # what the clauses before this one moved ("next to it")
        self.refs.kept_before, self.refs.kept = self.refs.kept, []
        self.refs.prev_place = self.refs.last_place  # where the clause before put it ("to the right of it")
        items = self._relative_starts(shared_object(side_of_object(topic_first(kind_then_colours(items)))))
        items = self._held_on_subject(items)
        verbs = [i.value for i in items if i.kind == "VERB"]
        placed = any(i.kind in ("REL", "TO", "CORNER", "MIDDLE", "EDGE", "LINE", "TOWER", "STACKED", "CORNERS",
                                "place_ref") for i in items)
        making = any(i.kind == "VERB" and i.text in ("make", "turn") for i in items) and (
            not placed or made_into(items))
        recolouring = bool(items) and items[0].kind == "PROPERTY" and items[0].text in ("color", "colour") and not verbs and \
            any(i.kind == "np" for i in items[1:])  # "colour the ball green": the word is the verb ("colour-sort" not)
        if making or recolouring or "change" in verbs or any(i.kind == "PROPERTY" for i in items) and "stack" in verbs:
            raise InstructionError(f"impossible: the robot cannot change an object's shape, size or colour "
                                   f"({self.text[:60]!r}); it can move objects", "impossible")
        negated = next((k for k, i in enumerate(items) if i.kind in ("NOT", "WITHOUT", "AWAY")), None)
        aside = negated_aside(items, negated)
        if aside is not None:  # "move the red block, not the blue one, into the bowl"
            kind, steps = self.clause(items[:negated] + items[negated + 3:])
            return kind, steps + self._excluded([self.refs.subject_of(items[negated + 1])])
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
        if negated is None and states_a_distance(items) and not is_start(items):  # "the bowl is 20 cm away"
            self._remark_distance(items)
            self.refs.last = [self.refs.ref_of(i) for i in items if i.kind == "np"][:1]
            return "start", []
        if is_start(items) and negated is None:
            return "start", self.start_state(items, [self.refs.ref_of(i) for i in items if i.kind == "np"])
        if negated is not None:
            # a verb, or where something is to be ("the block should end up left of the plate, not on it")
            acting = any(i.kind in VERB_LIKE for i in head) or (any(i.kind == "MODAL" for i in head) and any(
                i.kind in ("REL", "CORNER", "MIDDLE") for i in head)) or sends_verbless(head)
            steps = self.clause(head)[1] if acting else []
            cons = self.constraint(items[negated:] if acting else items)
            if cons:
                return ("step", steps + cons) if steps else ("constraint", cons)
        if any(i.kind == "KEEPDOWN" for i in items):  # "..., keeping it on the table the whole time"
            kept = [i for i in items if i.kind != "KEEPDOWN"]
            # a verb, or a wish for where the thing is to be ("I want the cube in the zone but keep it on the table")
            wished = any(i.kind == "MODAL" for i in kept) and any(i.kind in ("REL", "CORNER", "MIDDLE") for i in kept)
            steps = self.action(kept) if any(i.kind in VERB_LIKE for i in kept) or wished else []
            return "step", steps + [Cond("never_lifted", (s,)) for s in self.refs.last]
        leaving = "leave" in verbs or any(i.kind == "VERB" and i.text.startswith("leave ") for i in items)
        if leaving and self.refs.last and not any(r in self.refs.moved for r in self.refs.last) and \
                [i.kind for i in items] == ["VERB"] and items[0].text in ("leave it", "leave them"):
            # "the green block is in the zone. leave it there and ...": what the words only said is there stays
            return "constraint", [Cond("unmoved", (r,)) for r in self.refs.last]
        # "put the ball back where it was": placed where it started, as if it stayed there
        returning = any(i.kind == "WHERE" and i.text in ("where it was", "where it started", "where they were",
                                                         "where they started") for i in items) and \
            any(i.kind == "SIDE" and i.value == "back" for i in items)
        if (leaving or not verbs or returning) and any(i.kind == "WHERE" for i in items):  # "X must stay put"
            kept = [self.refs.subject_of(i) for i in items if i.kind == "np"]
            if not kept and any(i.kind == "VERB" and i.text.endswith((" it", " them")) for i in items) and \
                    any(i.kind == "WHERE" and i.text in AS_IT_STARTED for i in items):
                # "move it left and leave it where it is": what the clause before moved stays as it started
                # (asked to move too, a contradiction); "... and leave it in place" only says it stays put there;
                # after a clause that kept an object by name ("don't touch the red cube, leave it where it is"),
                # that object
                kept = list(self.refs.kept_before or self.refs.last)
            if kept:  # "keep the cube where it is and push it ...": "it" is the object kept
                self.refs.last = kept
            return "constraint", self._kept(kept)
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
        ref = self.refs.pronoun([], as_dest=False, pulled=self.pulled) \
            if subject.value.pronoun and subject.value.ref is None else self.refs.ref_of(subject)
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
                    and where.value.ref.kind in HELD_IN + vocab.SUPPORTS and \
                    any(i.kind == "VERB" and i.value in ("pick", "move", "put", "push") for i in items[:k]):
                # "pick up the red cube from the green plate": where it is taken from is where it starts
                rel = "in" if where.value.ref.kind in HELD_IN else "on"
                cond = self.relation(rel, self.refs.ref_of(np_), self.refs.ref_of(where))
                self.start.extend([cond] if cond not in self.start else [])
                return self._relative_starts(items[:k + 1] + items[k + 3:])
        for k in range(len(items) - 3):
            np_, origin, rel, where = items[k:k + 4]
            if np_.kind == "np" and origin.kind == "FROM" and rel.kind == "REL" and rel.value in ("in", "on", "under") \
                    and where.kind == "np" and where.value.ref is not None:
                # "lift the cube from on top of the plate", "from inside the bowl": the relation it is taken from
                # is where it starts, never where it goes
                cond = self.relation(rel.value, self.refs.ref_of(np_), self.refs.ref_of(where))
                self.start.extend([cond] if cond not in self.start else [])
                return self._relative_starts(items[:k + 1] + items[k + 4:])
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
                cond = self.relation(rel.value, self.refs.ref_of(np_), self.refs.ref_of(where))
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
            said = ", ".join(str(self.refs.ref_of(i)) for i in objects)
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
            whole = group.kind == "ALL" or (group.kind == "np" and group.value.ref is not None and
                                            group.value.ref.quantity == "all")  # "everything but the blue cube"
            if said is None and whole and but.kind == "AND" and but.text == "but" and one.kind == "np":
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

    def _kept(self, targets: list[Ref]) -> list[Cond]:
        """The objects kept where they are. A group less some of it that the words move cannot stay too: kept
        ("move every block but the red one ... and don't touch it"), it stands for the objects left out of it."""
        return [Cond("unmoved", (k,)) for t in targets
                for k in (t.excluded if t.excluded and t in self.refs.moved else (t,))]

    def _excluded(self, targets: list[Ref]) -> list[Cond]:
        """", not the pink ball" after a step: the object named must not end where the step puts its object
        ("put the purple ball in the bowl, not the pink ball"); after a step that puts nothing by a place
        ("move the red block left, not the blue one") it must stay where it is."""
        if self.refs.last_place is None:
            return [Cond("unmoved", (t,)) for t in targets]
        rel, dest = self.refs.last_place
        if all(t.kind not in vocab.MOVABLE for t in targets):
            # "put both balls in the tray, not the bowl": the place ruled out, for what is moved
            return [Cond("not", (self.relation(rel, s, t),)) for t in targets for s in self.refs.last]
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
        amount = amount_said(items)
        self.remarks.append(f"a distance of {amount * 100:g} cm")


    def start_state(self, items: list[Item], refs: list[Ref]) -> list[Cond]:
        if not refs:
            return []
        subject = refs[0]
        if any(i.kind == "OUT_OF_REACH" for i in items):
            self.refs.last = [subject]
            return [Cond("not", (Cond("in_reach", (subject,)),))]
        if any(i.kind == "STACKED" for i in items):
            self.refs.last = [subject]
            return [Cond("stacked", tuple(refs)) if len(refs) > 1 else Cond("stacked", (subject,))]
        place = self.place(items)
        self.refs.last = [subject]
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
                ref = self.refs.pronoun(self.refs.last, as_dest=True, rel=items[rel_at].value, pulled=self.pulled)
                if ref is not None:
                    targets.append(ref)
            else:
                targets.append(self.refs.subject_of(i) if rel_at is None or k < rel_at else self.refs.ref_of(i))
        lifting = any(v in ("lift", "lift_verb", "pick") for v in verbs)
        said = [i for i in items if i.kind not in ("COMMA", "AND")]
        if targets and not verbs and len(said) == 2 and said[1].kind == "np" and \
                (said[0].kind == "NOT" or said[0].text == "but not"):  # "..., (but) not the blue one"
            return self._excluded(targets)
        if not targets and any(i.kind in ("VERB", "GERUND") and i.text.endswith((" it", " them")) for i in items):
            targets = list(self.refs.last)  # "without moving it": the verb's object came with it
        if not targets and not (lifting or any(i.kind == "WHERE" for i in items)):
            return []  # "without bumping into anything": never hitting things is every task's rule already
        targets = targets or list(self.refs.last)
        if not self.refs.last:
            self.refs.last = [t for t in targets if t.kind != "robot"][:1]  # "don't lift the ball; get it to ..."
        if items and items[0].kind == "AWAY":
            return [Cond("not", (Cond("near", (s, t)),)) for t in targets for s in self.refs.last]
        if lifting:
            return [Cond("never_lifted", (t,)) for t in targets]
        if any(v in ("touch", "move", "grasp", "push") for v in verbs) or \
                any(i.kind == "WHERE" for i in items):
            if any(i.kind == "np" and not i.value.pronoun for i in items):
                self.refs.kept = targets  # "don't touch the red cube, leave it where it is": "it" is the cube
            return self._kept(targets)
        rel = next((i.value for i in items if i.kind == "REL"), None)
        if rel and not verbs and not any(i.kind == "np" for i in items[rel_at:]):
            subjects = targets  # "..., but make sure it doesn't end up inside": inside what was named last
            dest = next((r for r in reversed(self.refs.named) if r not in subjects and r.kind != "robot"), None)
            return [Cond("not", (self.relation(rel, s, dest),)) for s in subjects] if dest is not None else []
        if rel:
            subjects = targets[:-1] or list(self.refs.last)
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
        # "bowls on table": how things are, said clipped ("it should be on the table": where it is to be)
        table = on_the_table(items) if verbs or any(i.kind == "MODAL" for i in items) else None
        if table is not None:  # "on the table" names where the object lies, not an object it goes on or in
            items = items[:table[0]] + items[table[1]:]
        subjects, dests = self._split(items)
        if verb in ("swap", "flip"):
            return self.rearranged(verb, subjects)
        if not subjects and self.refs.last and verb not in ("go", "sort"):
            subjects = list(self.refs.last)
        if verb == "use" and self.pulled:  # "use the hook on it": what the hook is used on is pulled in
            subjects = [s for s in subjects + [d for _, d in dests] if s.kind not in vocab.TOOLS]
            verb, dests = "pull", []
        if verb == "use" and not dests:
            return []
        if self.pulled and verb in ("put", "move", "pick") and tool_as_means(items) and \
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
        # "drag the crate 30 cm to the right", "pull the barrel into the blue zone": without a tool, a pull by an
        # amount to a side, or to a place other than the robot, is a move there, not a pull into reach
        placed = (bool(dests) and all(d.kind != "robot" for _, d in dests) or bool(kinds & {"CORNER", "MIDDLE", "EDGE"})) \
            and all(s.kind != "robot" for s in subjects)  # "drag the robot ...": never a thing it moves
        shifted = verb == "pull" and ("amount" in kinds and "SIDE" in kinds or placed) and not any(
            i.kind == "np" and i.value.ref is not None and i.value.ref.kind in vocab.TOOLS for i in self.items)
        verb = "move" if shifted else verb
        if verb == "pull" or (self.pulled and not shifted and verb in ("pick", "move", "put", "go") and not dests):
            self.refs.last = subjects
            return [Cond("in_reach", (s,)) for s in subjects]
        mover = next((i for i in items if i.kind in ("np", "VERB")), None)
        if verb == "go" and mover is not None and mover.kind == "np" and subjects and subjects[0].kind != "robot":
            verb = "put"  # "all the cubes go on the orange zone": the objects go, not the robot
        if verb == "go" or (not subjects and dests and dests[0][1].kind in vocab.MOBILE_GOALS):
            target = dests[0][1] if dests else (subjects[0] if subjects else None)
            self.refs.last = [Ref("robot")]
            stops = [d for _, d in dests] + [s for s in subjects if s.kind != "robot"]
            stops = list(target.members) if len(stops) == 1 and target is not None and target.members else stops
            if len(stops) > 1:  # "visit A, B and C (in that order)": one after another, as said
                return [Cond("then", tuple(Cond("near", (Ref("robot"), m)) for m in stops))]
            return [Cond("near", (Ref("robot"), target))] if target is not None else []
        if verb == "sort" and not kinds & {"MATCH", "BYCOLOR"} and dests and subjects and \
                all(not d.is_group and d.color for _, d in dests) and all(s.color for s in subjects):
            verb = "put"  # "sort the red blocks into the red tray, ...": each group said with its own holder goes there
        elif verb == "sort" and not kinds & {"MATCH", "BYCOLOR"} and subjects and len(dests) == 1 and \
                not dests[0][1].is_group:
            verb = "put"  # "sort the blocks into the red bowl": one holder named, so all of them go into it
        elif verb == "sort" and not kinds & {"MATCH", "BYCOLOR"} and subjects and not dests and \
                kinds & {"CORNER", "MIDDLE"}:
            verb = "put"  # "group the balls in the back left corner": gathered at one place, no holders to sort into
        elif (verb == "sort" or "BYCOLOR" in kinds) and "MATCH" not in kinds and subjects and not dests and \
                kinds & {"LINE", "EDGE"}:
            # "sort the blocks into a row", "sort the cubes by colour into a line": a line of them, no holders to
            # sort into (an order by colour names no order a goal can hold)
            verb = "arrange"
            kinds = kinds - {"BYCOLOR"}
        if "MATCH" in kinds or "BYCOLOR" in kinds or verb == "sort":
            # "the red ball and the blue ball into the bowls of their colours": the objects named one by one
            named = [s for s in subjects if not s.is_group and s.kind in vocab.MOVABLE]
            groups = [s for s in subjects if s.is_group and s.kind in vocab.MOVABLE]
            # "the reds and the blues into their bowls": each group named is sorted ("the balls: the reds ...,
            # the blues ...": the whole group is)
            group = (group_of(groups) if len(groups) >= 2 and all(g.color for g in groups) else None) or next(
                (s for s in subjects if s.is_group), None) or (
                group_of(named) if len(named) >= 2 else Ref("block", quantity="all"))
            bins = next((d for _, d in dests), None) or next(
                (s for s in subjects if s.kind in vocab.CONTAINERS + vocab.SURFACES + ("plate",)
                 and s.kind != group.kind), None)
            bins = (bins if bins.is_group else Ref(bins.kind, quantity="all")) if bins is not None \
                else Ref("bowl", quantity="all")
            if "CORNERS" in kinds:
                return [Cond("in_corners", (group,))]
            self.refs.last = [group]
            if not subjects and not dests:  # "sort by colour": which objects, and into what, may be said next
                self.bare_sorts.append(Cond("sorted_into", (group, bins)))
            if not dests:  # "sort the blocks: the reds in the red tray, ...": into what may be said next
                self.unplaced_sorts.append(Cond("sorted_into", (group, bins)))
            return [Cond("sorted_into", (group, bins))]
        if not subjects:
            return []
        self.refs.last = subjects
        self.refs.moved += [s for s in subjects if s not in self.refs.moved]
        # "lift it out onto the table": picked up and set down there, as "put" says
        if table is not None and not dests and self.place(items) is None and verb in ("put", "move", "push", "pick"):
            return self._off_onto_table(subjects)
        conds = self._act(verb, kinds, items, subjects, dests)
        if verb == "leave":  # "keep it off the plate": kept away from a place, not taken from it
            self.taken_out = [t for t in self.taken_out if t not in conds]
        if verb == "push":
            conds += [Cond("never_lifted", (s,)) for s in subjects if not any(
                c.name == "never_lifted" for c in conds)]
        return conds

    def _off_onto_table(self, subjects: list[Ref]) -> list[Cond]:
        """"put it (back) on the table": out of what the words say it is in or on, a start state or a "take it out
        of the bowl" said before; the table is where everything lies, so said of nothing it asks nothing."""
        conds: list[Cond] = []
        for s in subjects:
            held = [Cond("not", (c,)) for c in self.start if c.name in ("in", "on") and c.args[0] == s]
            taken = [c for c in self.taken_out if c.args[0].args[0] == s]
            if not held and not taken:
                raise InstructionError(f"cannot tell what 'on the table' asks in {self.text[:60]!r}: every object "
                                       f"lies on the table; say what the {s.phrase} is in or on now, e.g. \"take the "
                                       f"{s.phrase} out of the bowl\", or where on the table, e.g. \"in the back "
                                       "left corner\"", "unreadable")
            conds += [c for c in held + taken if c not in conds]
        return conds

    def _act(self, verb: str, kinds: set[str], items: list[Item], subjects: list[Ref],
             dests: list[tuple[str, Ref]]) -> list[Cond]:
        if "CORNERS" in kinds or ("CORNERWORD" in kinds and ("EACH" in kinds or any(s.is_group for s in subjects))):
            group = group_of(subjects)
            return [Cond("in_corners", (group if group.is_group else Ref(group.kind, quantity="all"),))]
        if "REACH" in kinds and not dests:
            return [Cond("in_reach", (s,)) for s in subjects]
        if "EDGE" in kinds and ("LINE" in kinds or verb == "arrange" or any(s.is_group for s in subjects)):
            subjects = [s for s in subjects if s.kind != "robot"]
            place = self.place(items)
            side = place[5:] if isinstance(place, str) and place.startswith("edge:") else "front"
            return [Cond("along_edge", (group_of(subjects), side))]
        if "LINE" in kinds or (verb == "arrange" and not dests):
            order = next((i.value for i in items if i.kind == "order"), None)
            singles = [s for s in subjects if not s.is_group]
            group = group_of(singles if len(singles) >= 2 and len(singles) < len(subjects) else subjects)
            return [Cond("in_line", (group, order) if order else (group,))]
        standing = self.standing_tower()
        onto = [d for r, d in dests if r in ("on", "under")]
        built = not standing and "TOP" in kinds and not onto and bool(self.built)
        if built:  # "stack red on blue, then put green on top": on the top block of the tower a step built
            standing = self.built
        tops = [s for s in subjects if not s.is_group and s not in standing]
        if standing and tops and (onto == [standing[0]] or ("TOP" in kinds and not onto)):
            # "green is already on yellow; put red on top": on the top block of the tower that stands, or, where
            # the words say a tower is made ("... to make a three-block tower"), the whole new tower
            if "TOWER" in kinds and not built:
                return [Cond("stacked", (*tops, *standing))]
            if not onto:
                return [Cond("on", (tops[-1], standing[0]))]
        # "blue on the bottom, green in the middle and red on top": a bottom and a top said make a tower
        ends = "BOTTOM" in kinds and "TOP" in kinds and len(subjects) >= 2
        # "the green and red blocks stacked, green on red": the order said of the blocks listed, none put elsewhere
        listed = next((s for s in subjects if s.members), None)
        ordered = "STACKED" in kinds and listed is not None and all(d in listed.members for d in onto)
        if verb == "stack" or "TOWER" in kinds or ("STACKED" in kinds and not onto) or ends or ordered:
            return [self.tower(items, subjects, dests)]  # "... the blocks stacked with green at the top"
        place = self.place(items)
        if isinstance(place, str) and place.startswith("edge:"):
            return [Cond("along_edge", (group_of(subjects), place[5:]))]
        if place is not None:
            pairs = corner_pairs(items)
            if len(pairs) > 1 and len({str(self.refs.ref_of(np_)) for np_, _ in pairs}) == len(pairs):
                # "A in one corner, B in another"
                return [Cond("at_place", (self.refs.ref_of(np_), c)) for np_, c in pairs]
            nps = sum(1 for i in items if i.kind == "np")
            places = [place] + [i.value for i in items if i.kind == "CORNER" and i.value != place and nps == 1]
            return [Cond("at_place", (s, p)) for s in subjects for p in places]  # one object, two corners
        if not dests:
            shifts = shifts_each(items, subjects) or shifts_along_axes(items, subjects)
            if shifts:
                return shifts
            refuse_opposite_shifts(items, subjects, self.text)
            amount = amount_said(items)
            side = next((SIDE_OF[str(i.value)] for i in items if i.kind == "SIDE" and str(i.value) in SIDE_OF), None)
            returned = put_back(items, subjects, self.start) if side == "back" and amount is None else []
            if returned:
                return returned
            if side == "back" and amount is None and verb == "put":
                refuse_unsaid_origin(items, self.text)  # "it was moved into the bowl; put it back": back to where?
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
        for k, it in enumerate(items):
            if it.kind not in ("np", "COMMA"):
                joined = joined if subjects else it.kind
            if it.kind in ("REL", "TO"):
                rel = it.value if it.kind == "REL" else "to"
            elif it.kind == "SIDE" and rel == "to" and (k + 1 == len(items) or items[k + 1].kind in ("AND", "COMMA")):
                rel = None  # "A to the left and B to the right": a way to move, and no place the next object is
            elif it.kind == "np":
                mentioned = [s for g, _, _ in pairs for s in g] + subjects
                if it.value.pronoun and it.value.ref is None:
                    # read once per clause: the clause's own objects become "the last moved" between readings,
                    # and "put it in X and B on Y" must not take "it" for "it and B" the second time
                    said = getattr(it, "_pron", None)
                    if said is None or said[0] != (rel is not None, rel):
                        said = ((rel is not None, rel),
                                self.refs.pronoun(mentioned, as_dest=rel is not None, rel=rel, pulled=self.pulled))
                        if said[1] is not None:
                            object.__setattr__(it, "_pron", said)
                    ref = said[1]
                    if ref is None or (rel is None and ref in mentioned):
                        continue
                    last = pairs[-1] if pairs else None
                    if rel == "on" and last is not None and last[1] == "on" and ref == last[2] and \
                            len(last[0]) == 1 and {ref.kind, last[0][0].kind} == {"block"} and last[0][0] not in subjects:
                        ref = last[0][0]  # "A on top of B, and C on top of it": B has A on it, so C goes on A
                elif rel is not None and it.value.ref is not None and it.value.ref.kind == "?" and pairs and \
                        pairs[-1][2] is not None:
                    ref = self.refs.ref_of(it, kind=pairs[-1][2].kind)  # "A in the green bowl, B in the other one"
                elif (it.value.ref is None and it.value.color or it.value.ref is not None and it.value.ref.kind == "?"
                      and (it.value.ref.members or it.value.ref.color or it.value.ref.select == "other")) and \
                        rel is None and pairs and pairs[-1][0]:
                    # "the red block in the green zone, the blue one (the other one) in the other zone": one
                    # more of the kind moved, not of the kind named last
                    ref = self.refs.ref_of(it, kind=pairs[-1][0][0].kind)
                elif rel is None:
                    ref = self.refs.subject_of(it)
                elif it.value.ref is None and it.value.color and not it.value.noun and pairs and pairs[-1][2]:
                    ref = self.refs.ref_of(it, kind=pairs[-1][2].kind)  # "A in the green bowl, B in the red one"
                else:
                    ref = self.refs.ref_of(it)
                if rel is not None:
                    pairs.append((subjects, rel, ref))
                    self.refs.last_place = (rel, ref)
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
                prior = next((r for r in reversed(self.refs.named) if r.kind in vocab.CONTAINERS + ("plate", "zone")
                              and r not in subjects), None)
                pairs.append((subjects, rel if prior is not None else None, prior))
            elif pairs and takes_more(pairs[-1]) and joined == "AND" and \
                    not any(s.kind in vocab.TOOLS for s in subjects):
                # "put the red block in the bowl and the green block (too)": both go in the bowl
                pairs.append((subjects, pairs[-1][1], pairs[-1][2]))
            elif pairs and pairs[-1][1] in BESIDE and pairs[-1][2] is not None and pairs[-1][0] and joined == "AND":
                # "next to the red ball and the blue ball": beside each of them
                group, rel_ = pairs[-1][0], pairs[-1][1]
                pairs += [(group, rel_, s) for s in subjects]
            elif pairs and pairs[-1][1] == "on" and pairs[-1][0] and any(i.kind == "TOP" for i in items) and \
                    not any(i.kind in ("BOTTOM", "TOWER", "STACKED") for i in items) and \
                    all(r.kind == "block" and not r.is_group for r in (*subjects, pairs[-1][0][-1])):
                # "A on B, and C on top": on the top of the tower the words before built (a tower said with its
                # bottom is read level by level in `tower`)
                pairs.append((subjects, "on", pairs[-1][0][-1]))
            else:
                pairs.append((subjects, None, None))
        for k, (group, r, d) in enumerate(pairs):  # "A on B on C" / "A in X and in Y"
            if not group and k > 0:
                chained = r in ("on", "under") and pairs[k - 1][1] in ("on", "under") and pairs[k - 1][2] is not None
                pairs[k] = ([pairs[k - 1][2]] if chained else pairs[k - 1][0], r, d)
        return pairs


    def relations(self, items: list[Item], subjects: list[Ref], extra: list[Ref]) -> list[Cond]:
        amount = amount_said(items)
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
        # "A on B, and C on top": a top said makes the blocks put one on another one tower
        tops = any(i.kind == "TOP" for i in items) and not any(i.kind in ("BOTTOM", "TOWER", "STACKED") for i in items)
        return merge_towers(conds) if tops else conds

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
        for cond in merge_towers(list(self.start)) if verb == "flip" else self.start:
            objs = [a for a in cond.args if isinstance(a, Ref)]
            if verb == "flip" and cond.name == "stacked" and len(objs) > 2 and (not named or named & set(map(str, objs))):
                self.refs.last = objs
                return [Cond("stacked", tuple(reversed(objs)))]
            if verb in ("swap", "flip") and cond.name in ("on", "stacked") and len(objs) == 2 \
                    and objs[0].kind == objs[1].kind:
                self.refs.last = objs
                return [Cond("on", (objs[1], objs[0]))]  # the one below goes on top
        places = [(c.args[0], c) for c in self.start if c.name in ("in", "on") and isinstance(c.args[0], Ref)]
        if len(places) > 2:  # the two the words name
            places = [p for p in places if str(p[0]) in named]
        if verb == "swap" and len(places) == 2:
            (a, ca), (b, cb) = places
            self.refs.last = [a, b]
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
                    anchor = self.refs.last[0] if self.refs.last else Ref("robot")
                elif anchor.kind != "robot":
                    anchor = self.refs.resolve(NP(ref=anchor))
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
        said = f"{side}{items[k].text} of the {self.refs.ref_of(after[1]).phrase}"
        raise InstructionError(f"cannot read {said!r} in {self.text[:60]!r}: a goal can put an object in, on or beside "
                               "another, or at a side of the table, not at one side of an object", "unreadable")

    def _refuse_distance_from_edge(self, items: list[Item], k: int) -> None:
        """"10 cm from the edge of the table": a distance from an edge is no place a goal can name (and not a
        line along it); refused by name rather than read as along_edge or dropped."""
        before = [i for i in items[max(0, k - 3):k] if i.kind not in ("SIDE", "TABLE")]  # "from the table edge"
        # "the table edge from 10 cm": the distance said after the edge, as a language with postpositions says it
        after = items[k + 1:k + 2]
        if before and before[-1].kind in ("FROM", "AWAY") or \
                after and after[0].kind == "FROM" and amount_said(items) is not None:
            amount = amount_said(items)
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
        listed = next((r for r in subjects if r.members), None)
        # "the red, green and blue blocks, green on red ...": the list only names the blocks the pairs order
        pairs = [(g[1:] if listed is not None and len(g) > 1 and g[0] == listed else g, r, d) for g, r, d in pairs]
        # "the black and yellow blocks stacked, yellow on black": the one pair said is the whole list's order
        if len(pairs) == 1 and listed is not None and len(listed.members) == 2 and \
                {pairs[0][0][-1], pairs[0][2]} == set(listed.members):
            top, rel, other = pairs[0][0][-1], pairs[0][1], pairs[0][2]
            return Cond("on", (top, other) if rel == "on" else (other, top))
        if len(pairs) >= 2:  # "A on B, and C on A": one tower
            ons = [Cond("on", (g[0], d) if r == "on" else (d, g[0])) for g, r, d in pairs]
            merged = merge_towers(ons)
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
        blocks = [k for k, it in enumerate(items) if it.kind == "np" and (
            it.value.ref is not None and not it.value.ref.is_group or it.value.ref is None and it.value.color)]
        # "bottom brown, middle gray, top black": each mark said before the block it marks
        leading = bool(blocks) and blocks[0] > 0 and items[blocks[0] - 1].kind in ("TOP", "BOTTOM", "MIDDLE")
        pending: int | None = None
        for it in items:
            if it.kind == "np" and it.value.ref is not None or it.kind == "np" and it.value.color:
                current = self.refs.ref_of(it)
                if leading and pending is not None and current not in marks:
                    marks[current], pending = pending, None
            elif leading and (it.kind in ("TOP", "BOTTOM", "MIDDLE") or it.kind == "REL" and it.text == "on top"):
                pending = {"TOP": 0, "MIDDLE": 1, "BOTTOM": 2, "REL": 0}[it.kind]
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
            ends = {v: r for r, v in marks.items()}
            if 0 in ends and 2 in ends and ends[2] in chain and ends[0] in chain and \
                    chain.index(ends[2]) < chain.index(ends[0]):
                # "black at the bottom, then white, then red, ...": the blocks between are said from the bottom up
                chain = list(reversed(chain))
            chain = sorted(chain, key=lambda r: (marks.get(r, 1), chain.index(r)))
        elif any(d[0] == "under" for d in dests) or any(
                i.kind == "order" and i.value == "bottom_to_top" for i in items):
            chain = list(reversed(chain))
        if len(chain) == 1 and not chain[0].is_group and chain[0] in marks and any(
                i.kind == "TOWER" or i.kind == "VERB" and i.value == "stack" for i in items):
            # "stack em, red on the bottom": a tower asked for, one block placed in it, and no others named
            raise InstructionError(f"cannot tell the order of the tower in {self.text[:60]!r}: the words place the "
                                   f"{chain[0].phrase} but not the other {chain[0].kind}s; name every {chain[0].kind} in "
                                   f"order from the top, e.g. \"stack the blue, red and green {chain[0].kind}s, blue on "
                                   "top\"", "ambiguous")
        if len(chain) == 1:
            return Cond("stacked", (chain[0],))
        if len(chain) == 2:
            return Cond("on", tuple(chain))
        return Cond("stacked", tuple(chain))


def _into_its_colour(c: Cond) -> bool:
    """Whether a goal puts an object into or onto a holder of the object's own colour ("the red block in the red
    bowl")."""
    return c.name in ("in", "on") and all(isinstance(a, Ref) for a in c.args[:2]) and \
        bool(c.args[0].color) and c.args[0].color == c.args[1].color
