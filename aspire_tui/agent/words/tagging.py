"""The words of an instruction tagged: `tag` splits the text, mends slips (`mending`), rewrites ways of
saying a task (`rewrites`), looks each phrase up in the `lexicon`, and reads what the tags make plain: a
correction takes back what it replaces, "the first" after a list, a reason before the ask, steps counted
out."""

from __future__ import annotations

import re

from aspire_tui.agent.words.accounts import accounts
from aspire_tui.agent.words.afterthoughts import afterthoughts
from aspire_tui.agent.words.any_order import any_order
from aspire_tui.agent.words.archaic import archaic
from aspire_tui.agent.words.aussie import aussie
from aspire_tui.agent.words.french_calques import french_calques
from aspire_tui.agent.words.hinglish import hinglish
from aspire_tui.agent.words.scots import scots
from aspire_tui.agent.words.singlish import singlish
from aspire_tui.agent.words.taglish import taglish
from aspire_tui.agent.words.patois import patois
from aspire_tui.agent.words.narrating import narrating
from aspire_tui.agent.words.field_notes import field_notes
from aspire_tui.agent.words.chained_its import chained_its
from aspire_tui.agent.words.bare_pairs import bare_pairs
from aspire_tui.agent.words.bindings import bindings
from aspire_tui.agent.words.calques import calques
from aspire_tui.agent.words.code_calls import code_calls
from aspire_tui.agent.words.conditionals import conditionals
from aspire_tui.agent.words.compounds import compounds
from aspire_tui.agent.words.courtesy import courtesies
from aspire_tui.agent.words.gapping import gapping
from aspire_tui.agent.words.in_and_out import in_and_out
from aspire_tui.agent.words.key_values import key_values
from aspire_tui.agent.words.labels import named_objects
from aspire_tui.agent.words.landmarks import landmarks
from aspire_tui.agent.words.lexicon import (DOERS, FILLER, GERUND_VERBS, InstructionError, PARTICIPLES, Word, lexicon,
                                            lookup, third_person, verb_form)
from aspire_tui.agent.words.lead_ins import without_lead_in, without_tag_on
from aspire_tui.agent.words.meanwhile import meanwhile
from aspire_tui.agent.words.mending import apart, mended, mended_text, opens_clause, run_together
from aspire_tui.agent.words.particles import particles
from aspire_tui.agent.words.partitives import partitives
from aspire_tui.agent.words.postpositions import postpositions
from aspire_tui.agent.words.pick_lists import pick_lists
from aspire_tui.agent.words.pictures import pictures
from aspire_tui.agent.words.place_headings import place_headings
from aspire_tui.agent.words.receiving import receiving
from aspire_tui.agent.words.reciprocal import each_other
from aspire_tui.agent.words.repeats import repeats
from aspire_tui.agent.words.results import results
from aspire_tui.agent.words.radio_calls import radio_calls
from aspire_tui.agent.words.shouting import said_again
from aspire_tui.agent.words.sideline_calls import sideline_calls
from aspire_tui.agent.words.sign_offs import without_sign_off
from aspire_tui.agent.words.stage_directions import stage_directions
from aspire_tui.agent.words.stall_cries import stall_cries
from aspire_tui.agent.words.naija import naija
from aspire_tui.agent.words.deadlines import deadlines
from aspire_tui.agent.words.spec_remarks import spec_remarks
from aspire_tui.agent.words.similes import without_similes
from aspire_tui.agent.words.rough_amounts import rough_amounts
from aspire_tui.agent.words.row_sides import row_sides
from aspire_tui.agent.words.row_ends import row_ends
from aspire_tui.agent.words.step_order import step_order
from aspire_tui.agent.words.tales import tales
from aspire_tui.agent.words.named_again import named_again
from aspire_tui.agent.words.never_mind import never_minded
from aspire_tui.agent.words.no_member import no_member
from aspire_tui.agent.words.nothing_else import nothing_else
from aspire_tui.agent.words.note_headings import note_headings
from aspire_tui.agent.words.double_negatives import double_negatives
from aspire_tui.agent.words.drafting import drafting
from aspire_tui.agent.words.second_tellings import second_tellings
from aspire_tui.agent.words.self_answers import self_answers
from aspire_tui.agent.words.letting import letting
from aspire_tui.agent.words.likewise import likewise
from aspire_tui.agent.words.load_sheets import load_sheets
from aspire_tui.agent.words.texting import text_speak
from aspire_tui.agent.words.their_own import their_own
from aspire_tui.agent.words.tower_levels import tower_levels
from aspire_tui.agent.words.wagers import wagers
from aspire_tui.agent.words.tower_headings import tower_headings
from aspire_tui.agent.words.tipping_out import tipping_out
from aspire_tui.agent.words.negated_any import negated_any
from aspire_tui.agent.words.wrong_colours import wrong_colours
from aspire_tui.agent.words.last_steps import last_steps
from aspire_tui.agent.words.moved_from import moved_from
from aspire_tui.agent.words.singled_out import singled_out
from aspire_tui.agent.words.size_orders import size_orders
from aspire_tui.agent.words.unless import unless
from aspire_tui.agent.words.upward_lists import listed_upwards
from aspire_tui.agent.words.verb_last import verb_last
from aspire_tui.agent.words.verifying import verifying
from aspire_tui.agent.words.whereabouts import whereabouts
from aspire_tui.agent.words.rewrites import (FORUM_FRAME, RELATION_WORDS, TOPIC_TAGS, action_nouns, assurances,
                                             bare_verb_steps, cardinals, colour_compounds, colour_plurals,
                                             colours_to_become, comparative_referents, correlative_both, decimals, either,
                                             emptying, gherkin, goal_frames, hands_off, holders_as_verbs, homing, listed_steps,
                                             ordinal_compounds, outside_of, periphrastic_superlatives, place_prepositions,
                                             possessive_sides, provisos, round_ones, shorthand, side_adjectives,
                                             size_adjectives, speaker_doings, spec_notation, starting_with, suggestions,
                                             that_as_it, the_other_way_round, the_rest, topping_with, type_words,
                                             wished_empty)
from sim import vocabulary as vocab


def _words(text: str) -> list[str]:
    # slips mended first, so that the rewrites below read "colour" in "colur", "along" in "alnog"
    t = mended_text(text.lower().replace("’", "'")).replace("colour", "color").replace("grey", "gray")
    t = without_tag_on(without_lead_in(t))  # "ok so given a ball, when ...", "... take them out, ok?": as if said bare
    t = re.sub(r"\b(do|does|did|is|are|was|were|should|must|could|would|has|have|had)n't\b", r"\1 not", t)
    t = archaic(t)  # "set thou the cube upon yon plate": the words of old verse as today's
    # the words of a Scot, an Australian, a Jamaican, a Filipino, a Singaporean, an Indian English and a French
    # speaker, said plainly
    t = french_calques(hinglish(singlish(taglish(patois(aussie(scots(t)))))))
    t = stage_directions(t)  # "the cube crosses stage left of the bowl", "upstage left corner": a director's notes
    t = stall_cries(t)  # "Apples three for two quid! chuck the yellow ball in the crate": the goods cried ask nothing
    t = deadlines(naija(t))  # "put the cube on the plate o, before close of business": a tone and a time, no place
    t = spec_remarks(t)  # "Necessary to place red cube into bowl. Precision not critical.": an engineer's notes
    t = narrating(t)  # "look, the robot is going to put the ball in the bowl! yay!": what it does is asked
    t = field_notes(t)  # "drop the ball (specimen 14) into the tray", "samples (blocks) to the corner for logging"
    t = chained_its(t)  # "purple block at the bottom, pink block on it, white block on top of that": the pink one
    t = row_sides(t)  # "in a row, the blue one on the left, then the red": the order from the side named first
    t = likewise(t)  # "put the red block in the crate, likewise the blue block": the blue block too
    t = in_and_out(t)  # "in the bowl and also outside the bowl": in it and not in it, a contradiction
    # "put the cube on the plate, there's a red plate and a blue plate": the scene told after a comma is a sentence
    # of its own, as it is after a full stop
    t = re.sub(r",\s*(?=there(?:'s| is| are)\b)", ". ", t)
    # "i see the red block in the bowl, put it on the table": what the speaker sees is how things are, as "there's"
    t = re.sub(r"(^|[.;!?,]\s*)(?:i|we) (?:can )?(?:see|notice|spot|saw|noticed|spotted) (?=(?:the|a|an) [a-z ]+? "
               r"(?:in|on|inside|on top of) )", r"\1there's ", t)
    t = re.sub(r"\bhues?\b", "color", t)  # "the bowl of matching hue": a colour
    t = re.sub(r"\bof like color\b", "of the same color", t)  # "to its bowl of like hue"
    # "blocks in bowls, colour to colour", "colour for colour": each where its colour is, a sort by colour
    t = re.sub(r"\b(?:(?:matching )?color (?:to|for|with) color|color on color)\b", "by color", t)
    # "the corner at your right hand": on your right, as a side of the table is said
    t = re.sub(r"\bat (?:your|its|the robot's|my) (left|right)(?:[- ]hand)?(?: side)?\b", r"on your \1", t)
    t = note_headings(t)  # "obs: red blk in tray. plan: move to plate": what is seen, then what to do
    t = wagers(t)  # "bet every ball lands in its bowl": what is bet on is how things are to end up
    t = place_headings(t)  # "R of plate: blue blk": the object to the place written as its heading
    # "lay the small cube upon the greatest": a superlative standing for its noun, as "the greatest one" does
    t = re.sub(r"\bthe (largest|biggest|greatest|smallest|tiniest|leftmost|rightmost|frontmost|backmost)"
               r"(?=\s*(?:[.,;!?]|$|\band\b|\bthen\b))", r"the \1 one", t)
    # "hold the crate in place", "hold it still": keep it where it is (not lift it)
    t = re.sub(r"\bhold ((?:the|a|an) [a-z]+(?: [a-z]+)?|it|them) (?=(?:in place|still|steady|where (?:it|they) (?:is|are))\b)",
               r"keep \1 ", t)
    t = load_sheets(t)  # "load: yellow block. destination: the crate.": a dispatcher's sheet as one task
    t = verb_last(t)  # "the block, which in the bowl lies, ...": the verb said last moved to English order
    t = compounds(t)  # "the red building-block", "the play cubes": the compound is the noun
    t = gapping(t)  # "upon the green cube set the red, and upon the red the blue": the verb said once for both
    t = without_sign_off(t)  # "... . With all my love, Grandma"
    t = afterthoughts(t)  # "... the red one. yeah red", "move the blue thing ... . blocks i mean"
    t = drafting(t)  # "the block (hereinafter, the 'Block')", "fifteen (15) cm", "WHEREAS ...", "provided, however,"
    t = double_negatives(t)  # "don't not put ...", "don't leave it anywhere but in the bowl"
    t = self_answers(t)  # "the cube behind the tray? yes, put it there"
    t = letting(t)  # "let the ball rest on the plate"
    t = moved_from(t)  # "the cube was moved from the plate into the bowl": it left the plate
    t = size_orders(t)  # "stack the blocks, biggest at the bottom": one kind is one size, so no order
    t = re.sub(r"(^|[.;!?]\s*)([^.;!?]*?)\s+already(?=[\s.!?]*$)", _urged, t)  # "..., into the tray already"
    t = without_similes(t)  # "rake it in, like pulling weeds": how to go about it, not what is asked
    t = said_again(t)  # "put it in the tray! the tray!": a cry said again for emphasis asks once
    t = sideline_calls(t)  # "..., double time!", "Textbook.", "-- what a move --": cheered or judged, not asked
    t = named_again(t)  # "the queen -- the purple block, I should say -- ...": the object named again
    t = second_tellings(t)  # "... in the blue bowl. In the bowl that is blue, see?": the task told again
    t = calques(t)  # "no touch it, leave it where is": a Spanish speaker's words said in English
    t = radio_calls(t)  # "cleared to land on the plate", "proceed with the cube into the bowl"
    t = re.sub(r"\bwhilst\b", "while", t)  # the British spelling
    # "robot, the balls are in the crate; ...": the robot addressed by name, as "hey robot" is
    # ("okay little robot, ...", "good robot!": a word of endearment before the name)
    t = re.sub(r"^\s*(?:(?:hey|hi|ok|okay|yo|dear|now)\s+)?(?:(?:little|dear|good|clever|sweet|my|silly|brave)\s+)?"
               r"robot\s*[,:!]\s*", "", t)
    t = bindings(t)  # "let b be the black cube; put b on the plate"
    t = code_calls(t)  # "move(red_block, green_bowl)"
    t = pictures(t)  # "green cube ➡️ blue bowl"
    t = bare_pairs(t)  # "balls tray"
    t = nothing_else(never_minded(their_own(rough_amounts(decimals(text_speak(t))))))
    t = listed_upwards(t)
    t = each_other(t)
    # "... and the blue cube on top of that": "that" ending the clause is the object named before, as "it" is
    t = re.sub(r"\b(on top of|onto|on) (?:that|this)(?=\s*(?:[,.;!?]|$|and\b|then\b))", r"\1 it", t)
    # "on top of that, put the green block": the place said first is by the object named before ("it")
    t = re.sub(r"(^|[.;!?]\s*)(on top of|onto|on|in|into|inside|next to|beside|behind|in front of|above|"
               r"to the left of|to the right of|left of|right of) (?:that|this|it)\s*,?\s+"
               r"((?:put|place|set|stack|drop|stand|balance|pop|lay)\b[^.;!?]*)", r"\1\3 \2 it", t)
    # "in a row, set the cubes": the line said first, before the verb and what goes in it
    t = re.sub(r"(^|[.;!?]\s*)(in (?:a |one )?(?:straight |neat |single )?(?:row|line|column))\s*,\s*(?=[a-z])", r"\1\2 ", t)
    # "the red block must reach the green zone": an object that must reach a place must go there
    t = re.sub(r"\b(must|should|needs to|need to|has to|have to) reach(?= (?:the|a|an) (?!robot\b))", r"\1 go to", t)
    # "the ball should never enter the bowl": to enter a place is to go into it
    t = re.sub(r"\b(must|should|may|can|will|to|never|not|ever) enter(?= (?:the|a|an|any|its|their) )", r"\1 go into", t)
    # "slide it over without entering the bowl": going into it is what must not happen
    t = re.sub(r"\b(without|never|not) entering(?= (?:the|a|an|any|its|their) )", r"\1 going into", t)
    t = wrong_colours(negated_any(t))  # "it must not go into any bowl": into no bowl at all
    # "finish the tower", "complete the stack": build it, with what is on it already
    t = re.sub(r"\b(?:finish|complete|top off)(?: off)? (?=(?:the |my |this |that |our )?(?:tower|stack|pile)\b)",
               "build ", t)
    t = re.sub(r"\b(?:no|not) (?:less|fewer) than\b", "at least", t)  # "no less than 20 cm": the least distance
    # "spread among the four corners", "so each one gets its own corner": one object to a corner
    t = re.sub(r"\bamong(?:st)? (?=(?:the )?(?:\w+ )?corners\b)", "to ", t)
    t = re.sub(r"\b(each|every)( one| [a-z]+)? (?:gets|has|takes|occupies|is given|gets given) "
               r"(?=(?:its|their) own corners?\b)", r"\1\2 ", t)
    # "swap it onto the black plate": one object swapped to a place is moved there (two swap with each other)
    t = re.sub(r"\b(?:swap|switch)(?= (?:it|the [a-z]+(?: [a-z]+)?) (?:onto|into|over to|over onto|on to|to)\b)",
               "move", t)
    # "arranged as a single stack", "set out as a row": made into one
    t = re.sub(r"\bas (?:a|one) (?:single |neat |straight )?(stack|tower|pile|line|row)\b", r"in a \1", t)
    # "... and finish with the cyan one on top": the last object put where it is said to go
    t = re.sub(r"\b(?:finish|end|finish off|finish up|wrap up)(?: it)? with (?=(?:the|a|an)\b)",
               "put ", t)
    t = re.sub(r"\bprior to\b", "before", re.sub(r"\bsubsequent to\b", "after", t))  # a report's "before", "after"
    t = outside_of(tales(gherkin(t)))
    # "the ball starts in the crate and ends on the plate": how it starts, then where it is to end up
    t = re.sub(r"\b(starts?|begins?)( (?:off |out )?(?:in|on|inside|at|beside|next to|behind|in front of)\b[^.;!?]*?)\s*,?\s*"
               r"\band (?:then )?(?:ends|end|finishes|finish)(?: up)?\b", r"\1\2 and should end up", t)
    # "near the blue bowl, not inside": not inside the place just named beside, as "not inside it" says
    t = re.sub(r"\b((?:near|next to|beside|by|close to|behind|in front of|left of|right of) [a-z ]+?(?:,\s*|\s+but\s+))"
               r"not (inside|in|into|on top|on)(?=\s*(?:[.;!?]|$))", r"\1not \2 it", t)
    # "in its own colour's bowl": the bowl of its colour
    t = re.sub(r"\b(its|their) (own )?color's ([a-z]+)", lambda m: f"the {m.group(3)} of {m.group(1)} "
               f"{m.group(2) or ''}color", t)
    # "drive until it reaches the marker", "roll across the floor to the cone": where it stops is where it goes; the
    # floor crossed on the way is no place
    t = re.sub(r"\b(?:until|till|untill) (?:it|you|they|he|she|we) (?:reach|reaches|reached|gets? to|got to|arrives? at|"
               r"arrived at|hits?|comes? to|came to)\b", "to", t)
    t = re.sub(r"\b(?:across|over|along) (?:the )?(?:floor|room|ground|lab)\b(?= *,? *(?:to|toward|towards|and)\b)", " ", t)
    # "the block should first be placed on the plate and then ...": the first of the steps, said as "first the
    # block should be placed ..."
    t = re.sub(r"(^|[.;:,]\s*|\b(?:that|then)\s+)((?:the|a|an|each|every|all|both) (?:[a-z]+ ){0,2}?[a-z]+) (should|must|is|are|"
               r"has to|have to|needs to|need to|will) first\b(?=[^.;]*\bthen\b)", r"\1first \2 \3", t)
    # "destination: the blue marker" opening the words: the robot is to go there (a marker is only ever gone to)
    t = re.sub(r"^\s*(?:the )?(?:final )?destination\s*(?::|=|is)\s*(?=(?:the |a )?(?:[a-z]+ )?markers?\b)", "go to ", t)
    t = key_values(pick_lists(t))
    # "do the needful and put ...": do what is needed, which the task said with it says; alone it asks nothing
    t = re.sub(r"\b(?:please |kindly )?do (?:the )?needful\b\s*(?:,\s*|and\s+|then\s+)?",
               lambda m: " " if re.search(r"[a-z]", t[:m.start()] + t[m.end():]) else m.group(0), t)
    t = named_objects(t)
    t = no_member(verifying(meanwhile(any_order(repeats(t)))))
    t = unless(t)
    # "color-sort: the balls": a sort by colour, said as one word
    t = re.sub(r"\bcolor[- ]?sort(?:ing)?\b", "sort by color", t)
    # "..., i.e. closer to the robot", "in other words ...": the same ask said again, which adds nothing
    t = re.sub(r"\s*,?\s*\(?\b(?:i\.\s?e\.?|that is to say|in other words)(?=[\s,])[^.;!?()]*\)?", " ", t)
    # "is required to be placed", "it is to be ensured that": a spec's passive for what is asked
    t = re.sub(r"\b(is|are) (?:required|expected|supposed|needed|meant) to be\b", r"\1 to be", t)
    # "require the cube to be beside the bowl", "subject to the cube never leaving the table": a condition the
    # end must meet, as a mathematician states one
    t = re.sub(r"\b(?:we )?(?:require|demand|stipulate|impose)s? (?:that )?((?:the|all|every|each|both) [a-z ]{1,40}?) "
               r"to (be|lie|sit|rest|stand|end)\b", r"make sure \1 should \2", t)
    t = re.sub(r",?\s*\bsubject to (?:the (?:condition|constraint) that )?(?=(?:the|all|every|each|both) [a-z ]{1,40}?"
               r" (?:never|not) [a-z]+ing\b)", ", with ", t)
    t = re.sub(r"\bit (?:is|shall be|must be|should be|has to be)(?: to be)? (?:ensured|verified|guaranteed) that\b",
               "make sure that", t)
    # "10 cm to the left of its current position": a shift from where it is, as "10 cm to the left" says
    t = re.sub(r"\b(left|right|forward|forwards|backward|backwards|front|back|behind)\s+(?:of|from) (?:its|their) "
               r"(?:current |present |original |starting |initial )?(?:location|position|place|spot|pose)\b", r"\1", t)
    # "don't disturb others": the other objects, which no goal names (not "put the others in the tray")
    t = re.sub(r"\b((?:do not|don't|dont|never|without) (?:disturb|disturbing|touch|touching|move|moving|knock|"
               r"knocking|bump|bumping)(?: over| into)?) (?:the )?others\b", r"\1 other objects", t)
    # "put the balls together in the corner": gathered at the place said, which the place says already
    t = re.sub(r"\btogether(?=\s+(?:in|into|inside|at|on|onto|to|near|by|beside|next to)\b)", " ", t)
    t = speaker_doings(t)
    t = hands_off(t)
    t = action_nouns(t)
    t = ordinal_compounds(t)
    t = starting_with(t)
    t = that_as_it(t)
    t = t.replace("->", " to ").replace("=>", " to ")
    t = re.sub(r"(?<=[a-z0-9])\s*>+\s*(?=[a-z])", " to ", t)  # "red blk > bowl": an arrow typed short
    t = tower_levels(t)
    # "a block tower of red, green, blue", "cube stack: white, black": a tower of those blocks
    colours = "|".join(vocab.COLORS)
    t = re.sub(rf"\b(block|cube|ball)[- ](tower|stack|pile)\s*(?::|of)\s*((?:{colours})(?:\s*,\s*(?:and\s+)?(?:{colours}))+)\b",
               r"\2 of \3 \1s", t)
    t = tower_headings(t)  # "cube stack: red on blue on green", "block tower — red bottom, blue top"
    # "the three cubes stood one upon another": stacked; "the red one at the foot": at the bottom of the tower
    t = re.sub(r"\b(?:stood|stand|stands|sat|sit|sits|rested|rest|rests|were|are|be|lay|lie|lies) one (?:on top of|on|"
               r"upon|atop|above) (?:the )?(?:other|another)s?\b", "stacked", t)
    t = re.sub(r"\bat (?:the|its|their) (?:very )?foot\b(?! of (?:the )?(?:table|bed|robot)\b)", "at the bottom", t)
    # "put the blocks one on top of the other": stack them
    t = re.sub(r"\b(?:put|place|set|stack|pile|arrange)\b([a-z ]{1,40}?) one (?:on top of|on|onto|atop|above|upon) "
               r"(?:the )?(?:other|another)s?\b", r"stack\1", t)
    # "tower x3", "red blocks x2": a count written as times, as a chart writes it
    t = re.sub(r"\b(tower|stack|pile)\s*[x×]\s*(\d)\b", r"\1 of \2 blocks", t)
    t = re.sub(r"\b([a-z]+s)\s*[x×]\s*(\d)\b", lambda m: f"{m.group(2)} {m.group(1)}" if vocab.kind_of(m.group(1))
               else m.group(0), t)
    # "a three-block tower": a tower of that many blocks
    t = re.sub(r"\b(\d+|two|three|four|five|six)[- ](?:block|cube|piece|level|layer|storey|story|tier)s?[- ]"
               r"(tower|stack|pile)\b", r"\2 of \1 blocks", t)
    # "A on B, which should rest on C": the object under A is to be on C in turn, one tower
    t = re.sub(r"\b(on (?:top of )?(?:the |a )?(?:[a-z]+ )?[a-z]+)\s*,?\s*(?:which|that)\s+(?:in turn\s+)?"
               r"(?:shall|should|must|will|is to|has to|needs to)\s+(?:in turn\s+)?(?:be\s+)?"
               r"(?:rest|sit|stand|go|placed|put|stacked|resting|sitting)?\s*(?:on top of|onto|on|upon)\b", r"\1 on", t)
    t = step_order(listed_steps(last_steps(singled_out(t))))  # "..., and the red block on the plate last"
    t = spec_notation(t)
    # a line that ends in a word, in a list of facts or a spec, is a sentence of its own
    t = re.sub(r"(?<=[a-z0-9])[ \t]*\n(?!\s*(?:and|or|but|then|so|with|to|into|onto|on|in|of|when)\b)", " . ", t)
    t = shorthand(t)
    t = re.sub(r"(^|[.;!?]\s*)((?:(?:the|a|an) )?(?:[a-z]+ )?[a-z]+)\s+[-–—]+\s", _topic_dashed, t)
    t = re.sub(r"\s[-–—]+\s", " ; ", t)  # a dash between words: a pause, as a semicolon is
    t = re.sub(r"\b(there|that|it|what|here|where)'s\b", r"\1 is", t)
    t = re.sub(r"\b(there|here|that|what)s\b", r"\1 is", t)  # "theres", "thats": the apostrophe left out
    t = re.sub(r"(\w)'s (in|on|inside|already|currently|sitting|out|at|under|behind|next|chillin|chilling|hanging|sat|stood|perched)\b",
               r"\1 is \2", t)
    # "the cube's sat in the bowl", "the balls are stood on the plate": the British for sitting and standing
    t = re.sub(r"\b(is|are|was|were)\s+(sat|stood|perched|lain)\b",
               lambda m: f"{m.group(1)} " + {"sat": "sitting", "stood": "standing", "perched": "sitting",
                                             "lain": "lying"}[m.group(2)], t)
    # "the cube of colour cyan", "a ball with the colour red": the colour said after its noun
    t = re.sub(r"\b([a-z]+) (?:of|with|in) (?:the )?color ([a-z]+)\b", lambda m: f"{m.group(2)} {m.group(1)}"
               if vocab.kind_of(m.group(1)) and vocab.color_of(m.group(2)) else m.group(0), t)
    t = re.sub(r"\b(?:color|colou?r)[- ]?wise\b", "in color", t)  # "matches it colour-wise"
    # "..., keep it on the table the whole way": never lifted
    t = re.sub(r"(?:,\s*|\band\s+)keep (it|them) (?:on|against) the (?:table|surface)(?: the whole (?:way|time)| throughout|"
               r" at all times| all the way| the entire time)?\b", r", without lifting \1", t)
    # "...; it stays on the table the whole way": said of the moved object, never lifted on the way
    t = re.sub(r"(?:[,;]\s*|\band\s+)(it|they) (?:stays?|remains?) (?:on|against) the (?:table|surface) (?:the whole (?:way|time)|"
               r"throughout|at all times|all the way|the entire time)\b", lambda m: ", without lifting " +
               ("it" if m.group(1) == "it" else "them"), t)
    # "position it such that it is far to the left of ...": where it ends, said with how far
    t = re.sub(r"\bsuch that\b", "so that", t)
    # "crate full of balls, empty it ...": how a holder named first is now, said without its verb
    t = re.sub(r"(^[^a-z]*|[.;!?]\s*)(?:the |a )?((?:[a-z]+ )?(?:bowl|tray|crate|plate|zone)) (?=(?:full of|filled with|"
               r"loaded with|piled with)\b)", r"\1the \2 is ", t)
    # "the crate is full of balls": the balls are in it (on it, for a plate), which is how things are now
    t = re.sub(r"\bthe ((?:[a-z]+ )?(bowl|tray|crate|plate|zone)) (?:is|was) (?:full of|filled with|loaded with|piled with"
               r"|packed with) ((?:[a-z]+ )?[a-z]+s)\b", lambda m: f"the {m.group(3)} are "
               f"{'on' if m.group(2) == 'plate' else 'in'} the {m.group(1)}", t)
    # "the set of all cubes", "the collection of balls": the group itself, as a mathematician names it
    t = re.sub(r"\bthe (?:set|collection|family) of (?:all )?(?:the )?(?=[a-z]+s\b)", "all the ", t)
    t = re.sub(r"\b(?:of|with) (?:an? |the )?(?:equal|identical|same|matching) colors?\b", "of the same color", t)
    # "sort them by colour, sending each one to the zone ...": where each goes is where the sort puts them
    t = re.sub(r"\b(by color),\s*(?:sending|putting|placing|moving|dropping|taking|popping|bringing) (?=(?:each|every|"
               r"them|all)\b)", r"\1, ", t)
    # "pushed forward, not lifted, into the green zone": the way a push goes, with the place it ends said after, is
    # only how it gets there
    t = re.sub(r"\b(push|pushed|pushes|slide|slid|slides|shove|shoved|shoves|nudge|nudged|nudges)((?: it| them)?) "
               r"(?:forward|forwards|ahead|along|onward|onwards)(?=\s*,?[^.;!?]*?\b(?:into|onto|inside|in|to)\b)",
               r"\1\2", t)
    # "slide it, without lifting it, into the zone": the aside said before the place, read after it
    t = re.sub(r",\s*((?:without|never) (?:lifting|picking up|picking|raising)(?: up)? (?:it|them)(?: up)?)\s*,\s*"
               r"((?:into|onto|"
               r"in|on|to|inside|next to|beside|behind|in front of|to the left of|to the right of|left of|right of)\b"
               r"[^,.;!?]*)", r" \2, \1", t)
    t = re.sub(r"\bso(?: that)? (?:it|they) (?:is|are|lies|lie|sits|sit|rests|rest|ends up|end up) (?=(?:far|well|a lot|"
               r"a bit|a little|a tad|slightly|\d+(?:\.\d+)? ?(?:cm|mm|m|inch\w*|centimet\w*)) (?:to|in|behind)\b)", "", t)
    t = re.sub(r"\b(you|we|they)'re\b", r"\1 are", t)
    t = re.sub(r"\b(you|we|they|i)'ve\b", r"\1 have", t)
    t = t.replace("can't", "can not").replace("won't", "will not").replace("it's", "it is") \
        .replace("let's", "let us").replace("i'd", "i would").replace("i'm", "i am").replace("that's", "that is")
    # "hide it behind the bowl so he cannot see it": "so" before someone who can or cannot do something says
    # why, as "so that" does, never what to do
    t = re.sub(r"\bso(?= (?:he|she|they|we|i|nobody|no one|noone|people|everyone|anyone|others)"
               r" (?:can|cannot|could|will|would|wo not|do|does|did|may|might)\b)", "so that", t)
    t = courtesies(t)
    t = partitives(t)
    t = results(t)
    t = accounts(t)
    t = receiving(t)
    t = conditionals(t)
    t = particles(t)
    # "the corner farthest from you": said to the robot, "you" is the robot (elsewhere it is filler)
    t = re.sub(r"\b(nearest|closest|farthest|furthest)( to)? (?:you|yourself)\b", r"\1\2 robot", t)
    # "from where the robot stands": the robot's view is the one every side word is read in already
    # (not "away from you,", a way to go)
    t = re.sub(r"\b(?<!away )(?<!farther )(?<!further )(?:as seen |seen |looking )?from "
               r"(?:where (?:the robot|you) (?:stands?|sits?|is|are)|"
               r"(?:the robot's|your) (?:point of view|perspective|viewpoint|view|position)|"
               r"(?:the robot|you)(?= *,))|\b(?:as seen|seen|looking) from (?:the robot|you)(?= *[.;!?]| *$)", " ", t)
    t = re.sub(r"\bfrom (?:you|yourself)\b", "from robot", t)
    # "the block on your left", "to your right": the robot's own sides are the ones every side word means
    t = re.sub(r"\byour (left|right)\b", r"the \1", t)
    # "the corner on the left that is farthest from ...": the left corner farthest from it
    t = re.sub(r"\bcorner (?:on|at|to) the (?:robot's )?(left|right)(?: side| hand side)?,? (?:that is |which is )?"
               r"(?=(?:farthest|furthest|nearest|closest)\b)", r"\1 corner ", t)
    # "the tray should be left with the ball in it": "left" the verb, not the side
    t = re.sub(r"\b(be|is|are|was|were|been|get|gets|got)\s+left(?=\s+with\b)", r"\1", t)
    t = re.sub(r"\bbetween (?:you|yourself) and\b", "between robot and", t)
    # "between the bowl and the robot": the robot's side of the bowl, said the other way round
    t = re.sub(r"\bbetween ((?:the |a )?(?:[a-z]+ ){0,2}?[a-z]+) and (?:the )?(?:robot|you|yourself)\b",
               r"between robot and \1", t)
    t = emptying(wished_empty(tipping_out(t)))  # "the tray is full of cubes; tip them out"
    # "there are blocks and bowls of the same colours": which objects there are; the colours they share are what
    # a sort after it uses, and say nothing by themselves
    t = re.sub(r"\b(there (?:are|is) [a-z ,]*?) (?:of|in|with) (?:the )?(?:same|matching) colors?\b", r"\1", t)
    # "the bowls are colour coded": each has a colour of its own, which says only that they are there
    t = re.sub(r"\b((?:the |all the |all )?[a-z]+s) (?:are|is) (?:all |each )?color[- ]?coded\b", r"there are \1", t)
    # "the bowl whose colour matches its own": the bowl of its colour
    t = re.sub(r"\bwhose colors? (?:corresponds? to|matches|match|is the same as|equals|is) (?:its|their) own\b",
               "of its own color", t)
    t = re.sub(r"\bwhose colors? (?:it|they) (?:shares?|has|have|matches|match)\b", "of its own color", t)
    # "each ball into the bowl with the same colour as the ball": the object said again is the one moved ("it")
    t = re.sub(r"\b(same color) as (?:the |that |this |each |every )?([a-z]+)\b",
               lambda m: f"{m.group(1)} as it" if vocab.kind_of(m.group(2)) and re.search(
                   rf"\b{m.group(2)}s?\b", t[:m.start()]) else m.group(0), t)
    # "every block goes home to its bowl": home is where it belongs, said before the place
    t = re.sub(r"\b(go|goes|going|come|comes|run|runs|hop|hops)(?: back)? home(?= (?:to|into|in|onto|on)\b)", r"\1", t)
    # "should the cube go back 20 cm?": "back" before a distance is the way it goes, not a return
    t = re.sub(r"\b(go|goes|going) back(?= (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
               r"fifteen|a (?:bit|little|lot|tad)\b))", r"\1 backward", t)
    # "a line running from front to back": how the line runs is its order, said with the verb of its course
    t = re.sub(r"\b(?:(?:that|which) (?:runs|goes|leads|stretches|extends)|running|going|leading|stretching|"
               r"extending) (?=(?:from )?(?:the )?(?:left|right|front|back|near|far|bottom|top) to\b)", "", t)
    t = holders_as_verbs(t)
    t = topping_with(t)
    t = the_other_way_round(t)
    t = homing(t)
    t = type_words(t)
    t = colour_plurals(t)
    t = correlative_both(t)
    t = the_rest(t)
    # "a row along the back": along that edge of the table (not "along the left side of the bowl")
    t = re.sub(r"\balong the (front|back|left|right|far|near)\b(?!(?: side| hand side| end)? (?:of|edge)\b)"
               r"(?: side| hand side| end)?", r"along the \1 edge", t)
    # "sit the ball beside the bowl": "sit" opening a clause, before what it acts on, is setting it there
    t = re.sub(r"(^|[.;!?,:]\s*|\b(?:then|and|now|please|first|next)\s+)sit (?=(?:the|a|an|it|them|this|that|all|"
               r"both|every|each)\b)", r"\1put ", t)
    # "take them out": out of where they were said to be, as "out of it" reads
    # ("every one of them", "them all": "them" says the whole group already)
    t = re.sub(r"\bfish (?=(?:it|them|the|a|an|all|both|every|each)\b[a-z ]*?\bout\b)", "take ", t)  # "fish it out"
    t = re.sub(r"\b(?:remove|extract)\s+(it|them)(?=\s*(?:[.;!?]|$))", r"take \1 out", t)  # "... in the tray. remove it"
    # "roll the ball into the zone": an object rolled along the table is pushed (the robot itself rolls to places)
    t = re.sub(r"\broll (?=(?:the|a|an|it|them|this|that|all|both|every|each)\b"
               r"(?! (?:the )?(?:robot|rover|base|husky)\b))", "push ", t)
    # "the cube slid off the tray": how it came to leave a place, as "rolled off" says, never a push asked for
    t = re.sub(r"\b(?:has |have |had )?(?:slid|slipped|tumbled|toppled|dropped|fallen|been knocked|got knocked|was "
               r"knocked|were knocked)(?= (?:right )?(?:off|out of)\b)", "rolled", t)
    t = re.sub(r"\b(take|get|lift|pull|bring|move)\s+(?:(?:all|each|every one|both) of )?(it|them)(?: all| both)?"
               r"\s+out\b(?=\s*(?:[.;!?]|$))", r"\1 \2 out of it", t)
    # "the cube is on the plate, take it off": off what it was said to be on
    t = re.sub(r"\b(take|get|lift|pull|bring|move)\s+(?:(?:all|each|every one|both) of )?(it|them)(?: all| both)?"
               r"\s+off\b(?=\s*(?:[.;!?,]|$|and\b|then\b))", r"\1 \2 off of it", t)
    # "your job is to stack ...", "the goal is to have ...": a frame around the task (not "the goal is to the left")
    t = re.sub(r"(^|[.!?;:,]\s*)(?:(?:your|the|my|our|this)\s+)?(?:(?:next|first|last|final|main|only|new)\s+)?"
               r"(?:job|task|goal|aim|objective|mission|plan)"
               r"(?:\s+(?:here|now|today|for you))?\s+(?:is|will be)\s+to\s+(?!(?:the|a|an|left|right|front|back)\b)",
               r"\1", t)
    t = re.sub(r"(^|[.!?;:,]\s*)what (?:i|we) (?:would like|want|need|wish|would love)(?: (?:you|robot|the robot) to do| to (?:see|have|get))?(?: (?:at|in|by) the end)?"
               r"(\s*,[^,.;]*,)?\s+is\s+(?:for\s+|that\s+)?", r"\1\2 ", t)  # an aside inside it is kept, and read
    t = FORUM_FRAME.sub(r"\1", t)
    t = suggestions(t)
    t = provisos(t)
    t = assurances(t)
    t = colours_to_become(t)
    t = either(t)
    # "the side of the plate that faces you": the robot's side of it
    t = re.sub(r"\b(?:on |to |at )?the (?:side|face|edge) of (the (?:[a-z]+ )?[a-z]+) (?:that |which )?(?:faces|is facing|"
               r"facing|is towards|looks at) (?:you|yourself|the robot|robot)\b", r"behind \1", t)
    # "behind the bowl, on the side closest to you": the same side said again, not an edge of the table
    t = re.sub(r"\b(behind (?:the )?[a-z]+(?: [a-z]+)?),? (?:on|at|to) the (?:side|end) (?:closest|nearest|next|near|"
               r"close) to (?:you|yourself|the robot|robot)\b", r"\1", t)
    t = re.sub(r"\b(in front of (?:the )?[a-z]+(?: [a-z]+)?),? (?:on|at|to) the (?:side|end) (?:farthest|furthest|far) "
               r"(?:from|away from) (?:you|yourself|the robot|robot)\b", r"\1", t)
    t = periphrastic_superlatives(t)
    t = bare_verb_steps(t)
    t = possessive_sides(t)
    t = comparative_referents(t)
    t = colours_to_become(goal_frames(t))  # ("expected: the cube is blue": a colour wished for, as "should be")
    # "the cube has been misfiled in the red crate", "the balls have been left on the plate": where a thing was put
    # before, how it is now
    t = re.sub(r"\b(?:(has|is) been|(have|are) been|(was)|(were)) (?:mis[a-z]+ed|mislaid|left|placed|put|set|stored|"
               r"dropped|filed|shelved|parked|stashed)(?= (?:in|on|inside|into|onto|on top of|at|by|beside|next to)\b)",
               lambda m: "is" if m.group(1) or m.group(3) else "are", t)
    t = re.sub(rf"\b(?:(?:you|we|i|they) )?(?:have|has|'ve) ({'|'.join(PARTICIPLES)})\b",
               lambda m: PARTICIPLES[m.group(1)], t)
    # "the ball right at the back", "put it right on the left of the tray": "right" says exactly there, no side
    t = re.sub(r"\bright (?=(?:at|on) the (?:very |far )?(?:left|right|front|back|rear)\b)", "", t)
    t = row_ends(t)
    t = side_adjectives(t)
    t = round_ones(t)
    t = size_adjectives(t)
    t = cardinals(t)
    # "Step 1: ... Step 2: ...", "stage one: ...": numbered steps or stages are a sequence (not "step 2 cm")
    t = re.sub(r"\b(?:step|stage|phase)\s+(?:\d+|one)\b(?!\s*(?:cm|mm|m|ft|in|inch|inches|feet|foot|centi|milli|met)\w*)\s*(?:[:.)]|is\b)?", " then ",
               t)
    t = re.sub(r"(\d)in\b|(\d)\s*(?:\"|'')", r"\1\2 inch", t)  # "4in", '4"': inches ("2 in the bowl" a count)
    t = re.sub(r"(\d)\s*(cm|mm|m|ft|cms|mms)\b", r"\1 \2", t)
    # "advance the cube 5 cm": to advance is to go forward, away from the robot, where no other way is said
    t = re.sub(r"\b(advances?|advanced|advancing)\b(?![^.;!?]*\b(?:left|right|forwards?|front|back|backwards?|"
               r"behind|toward|towards|away|closer|nearer|to|into|onto|in|on)\b)([^.;!?]*?\b(?:\d+(?:\.\d+)? ?"
               r"(?:cm|mm|m|ft|inch|inches|feet|foot|centimet\w*|millimet\w*|met(?:er|re)s?)|a (?:bit|little|tad|lot)|"
               r"slightly)\b)", r"\1\2 forward", t)
    # "10 cm to the right side", "a bit to the left side": after a distance, the side is the way to shift it,
    # not the table's edge
    t = re.sub(r"(\d (?:cm|mm|m|ft|inch|inches|feet|foot|centimet\w*|millimet\w*|met(?:er|re)s?)|\bbit|\blittle|"
               r"\blot) to (?:the )?(left|right)(?:[- ]hand)? side\b(?! of)", r"\1 to the \2", t)
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1\2", t)
    t = whereabouts(landmarks(t))
    t = _topics(t)
    # "with the hook the red cube, which lies too far, closer pull": the same after the tool said first
    t = re.sub(r"(^|[.;!?]\s*)((?:with|using) (?:the |a |an |your )?[a-z]+),? ((?:the|a|an) [a-z' -]{1,40}?), (?:which|that) "
               r"((?:is|are|sits|lies|rests|stands) [^,.;!?]+), ", r"\1\3 \4 . \2 \3 ", t)
    # "the white block, which is on the plate, is to be moved ...": how the object is now, said as its own sentence
    t = re.sub(r"(^|[.;!?]\s*)((?:the|a|an) [a-z' -]{1,40}?), (?:which|that|who) ((?:is|are|sits|lies|rests|stands|starts|started|begins|began) [^,.;!?]+), ",
               r"\1\2 \3 . \2 ", t)
    # "the red cube, currently sitting in the green bowl, retreats ...": the same, said without "which is"
    t = re.sub(r"(^|[.;!?]\s*)((?:the|a|an) [a-z' -]{1,40}?), (?:currently|now|still|already) (?:sitting|lying|resting|"
               r"standing|sat|stood) ((?:in|on|inside|on top of|beside|next to|behind|in front of) [^,.;!?]+), ",
               r"\1\2 is \3 . \2 ", t)
    t = re.sub(r"[!?\"()]", " . ", t)
    t = re.sub(r"[^a-z0-9.,;:' -]", " ", t)
    t = re.sub(r"(?<![0-9])\.|\.(?![0-9])", " . ", t)
    t = re.sub(r"[;:]", " ; ", t).replace(",", " , ")
    t = place_prepositions().sub(" to ", t)
    # articles never change what is asked; "at" only says where before a side ("the block at the back")
    t = re.sub(r"\b(?:the|a|an)\b|\bat\b(?!\s+(?:the\s+)?(?:very\s+|far\s+)?"
               r"(?:left|right|back|front|rear|far|near)\b)", " ", t)
    t = colour_compounds().sub(lambda m: m.group(1) + "~" + m.group(2), t)  # "navy-blue": one colour word
    t = re.sub(r"(?<=[a-z0-9])-(?=[a-z])", " ", t).replace("left most", "leftmost").replace("right most", "rightmost")
    return [w.strip("'") for w in t.split() if w.strip("'")]


def _topic_dashed(m: re.Match) -> str:
    """"blue cube — plate on, put please": an object named alone before a dash is the topic the words go on to
    say where to put, set apart as a comma sets it ("blue cube, plate on"); other words before a dash stay a
    pause."""
    said = m.group(2).split()
    said = said[1:] if said[0] in ("the", "a", "an") else said
    if not vocab.kind_of(said[-1]) or not all(vocab.color_of(w) for w in said[:-1]):
        return m.group(0)
    # "red cube — green bowl": a bare holder after the dash is where the object goes, as "red cube: green bowl" says
    bare = re.match(r"\s*(?:(?:the|a|an) )?(?:([a-z]+) )?([a-z]+)\s*(?=[.;!?]|$)", m.string[m.end():])
    if bare and vocab.kind_of(bare.group(2)) and (bare.group(1) is None or vocab.color_of(bare.group(1))):
        return f"{m.group(1)}{m.group(2)} to "
    return f"{m.group(1)}{m.group(2)} , "


def _urged(m: re.Match) -> str:
    """The last sentence, ending in "already": said with "is" or another word of how things are it says so ("the
    ball is in the bowl already"); with none it is impatience ("the ball, into the bowl already"), and asks nothing.
    Before a task ("the ball in the bowl already. move it ...") it says how things are."""
    if re.search(r"\b(?:is|are|was|were|sits|sit|lies|lie|rests|stands|been|has|have|had|got|starts|began)\b",
                 m.group(2)):
        return m.group(0)
    return m.group(1) + m.group(2)


def _topics(text: str) -> str:
    """"the green block? put it on the yellow one": an object asked about and then acted on as "it" / "them" is
    that object, said in the pronoun's place. A singular "it" after two objects ("the red block and the red
    ball? put it ...") could be either, and is refused as ambiguous."""
    def said(m: re.Match) -> str:
        topic, rest = m.group(2).strip(), m.group(3)
        pron = re.search(r"\b(it|them)\b", rest)
        if pron is None or not {w.tag for w in tag(topic, topic=True)} <= TOPIC_TAGS:
            return m.group(0)
        if pron.group(1) == "it" and re.search(r"\band\b|,", topic):
            raise InstructionError(f"ambiguous: 'it' could be any of {topic!r}; name the one to move", "ambiguous")
        return f"{m.group(1)}{rest[:pron.start()]}{topic}{rest[pron.end():]}"

    # a topic is a short noun phrase alone before "?", the clause after it up to the sentence's end
    text = re.sub(r"(^|[.;!?]\s*)((?:the|a|an|this|that|those|these) [a-z' ,-]{1,60}?)\s*\?\s*([^.;!?]+)", said, text)
    # "the bowl on the far right, put the ball in it": the same, set apart by a comma (a colon, a semicolon)
    # before a verb
    return re.sub(r"(^|[.;!?]\s*)((?:the|a|an|this|that|those|these) [a-z' -]{1,60}?)\s*[,:;]\s*((?:put|place|move|drop|"
                  r"set|bring|take|stack|push|slide|pull|drag|drive|leave|get)\b[^.;!?]*)", said, text)


def mended_words(text: str) -> list[tuple[str, str]]:
    """The slips of the keyboard in ``text`` and the words `tag` reads them as."""
    said = _words(text)
    raw = apart(said)
    joined = [(w, " ".join(parts)) for w in said if (parts := run_together(w))]
    return joined + [(w, m) for w, m in zip(raw, mended(raw)) if m != w]


def tag(text: str, topic: bool = False) -> list[Word]:
    """The instruction's words as tagged tokens (fillers dropped, unknown words tagged UNKNOWN); a word
    mistyped by one slip is read as the word meant. ``topic``: the words are a noun phrase said on its own
    before the verb ("the bowl on the far right, put ..."), so a side after its noun says which one."""
    table, longest = lexicon()
    words = mended(_words(text))
    out: list[Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w == ";":
            out.append(Word("STOP", w))
            i += 1
            continue
        if w == ",":
            out.append(Word("COMMA", w))
            i += 1
            continue
        if w == ".":
            out.append(Word("STOP", w))
            i += 1
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            out.append(Word("NUM", w, float(w)))
            i += 1
            continue
        if w in ("hook", "stick") and (not out or out[-1].tag in ("COMMA", "STOP", "AND", "THEN", "FIRST")) and \
                i + 1 < len(words) and words[i + 1] not in (",", ".", "to"):
            # "hook the ball", "stick the cube in the bowl": the verb, not the tool
            out.append(Word("VERB", w, "pull" if w == "hook" else "put"))
            i += 1
            continue
        if w in VERB_FILLERS and opens_clause(words, i):
            n = 2 if words[i + 1:i + 2] == ["up"] else 1
            # "tidy the blocks into the tray" puts them there; "tidy up the table" asks what the reader cannot
            # read, and is refused by name, never dropped with its clause
            out.append(Word("VERB", w, "put") if _clause_has_place(words, i + n) else Word("UNKNOWN", w))
            i += n
            continue
        noun = vocab.kind_of(w)
        verbal = [lookup(" ".join(words[i:i + n]), table) for n in (1, 2)]
        said = [o for o in out if o.tag != "FILLER"]  # "with that stick": the word before, past "that"
        if said and said[-1].tag in ("VERB", "WITH") and noun and \
                w in vocab.KINDS[noun] and any(v is not None and v.tag == "VERB" for v in verbal):
            # "put the hook in the bowl", "use the stick": right after a verb, "hook" ("hook in") or "stick"
            # is the thing acted on, not a verb; so too right after "with" ("fetch it with the stick")
            out.append(Word("KIND", w, noun))
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            hit = lookup(phrase, table)
            if hit is not None and hit.tag == "SIDEMOST" and phrase.startswith(("on ", "at ")) and not topic and \
                    _says_where_it_goes(words, i, i + n):
                continue  # "put the block on the left": where it goes, not which block
            if hit is not None and hit.tag == "AWAY" and not phrase.startswith(("stay", "keep", "avoid", "steer")) \
                    and i + n < len(words) and words[i + n] in ("robot", "you", "yourself"):
                continue  # "move it far away from the robot": a direction and an amount, not a place to avoid
            if hit is not None and hit.tag == "ORDER" and any(o.tag == "ORD" for o in out[-4:]) and (
                    out[-1].tag == "FROM" or phrase.startswith("from ") and out[-1].tag in ("KIND", "KINDS")):
                continue  # "the 2nd block from the front to the corner": which block, then where it goes
            if hit is not None:
                out.append(hit)
                i += n
                break
        else:
            form = None if w in FILLER else verb_form(w, table)
            if form is None and out and (out[-1].tag == "ROBOT" or out[-1].text in DOERS):
                form = third_person(w, table)  # "the robot places ...", "then it pushes ..."
                if form is not None and out[-1].tag != "ROBOT":
                    out.pop()  # "it" who does it is the robot, not the object acted on
            out.append(form or Word("FILLER" if w in FILLER or w.endswith("ly") else "UNKNOWN", w))
            i += 1
    # "after the grandchildren's visit": a verb's word after someone's name is a thing they did, not the task's verb
    out = [Word("UNKNOWN", w.text) if w.tag == "VERB" and k and out[k - 1].tag == "UNKNOWN" and
           out[k - 1].text.endswith("'s") else w for k, w in enumerate(out)]
    kept = _pairs_as_steps(_contrasts(_introductions(_listed_order(_reasons(_robot_parts(_corrected(_informal_ones([w for w in out if w.tag != "FILLER"]))))))))
    kept = _retrieved_to_be_put(_described_objects(_named_first(_table_sides(kept))))
    return _counted_steps(_conditions_as_steps(_gerunds_as_verbs(_on_top_before_object(postpositions(
        _colours_after_nouns(_two_as_to(_objects_that_go(kept))))))))


def _objects_that_go(words: list[Word]) -> list[Word]:
    """"the red blocks go in the red bowl": "go" right after objects in the plural says where they are to be, as
    "goes" does after one; so too after "each" or "every" one ("could each ball go onto its plate?"); the robot
    going somewhere is "go to the marker" with no objects before it."""
    def each_one(k: int) -> bool:
        j = k - 1
        while j >= 0 and words[j].tag in ("KIND", "COLOR", "ONE"):
            j -= 1
        return j < k - 1 and j >= 0 and words[j].tag in ("EACH", "ALL")

    return [Word("MODAL", w.text, w.text) if w.tag == "VERB" and w.text == "go" and k and (
        words[k - 1].tag == "KINDS" or words[k - 1].tag == "ONE" and words[k - 1].text == "ones" or each_one(k))
        else w for k, w in enumerate(words)]


def _informal_ones(words: list[Word]) -> list[Word]:
    """"the red guy", "the blue thingy": after a colour, one of the object of that colour; after the object's own
    noun ("the hook thingy") it says nothing more; alone ("pop the thingy on the plate") a word not read, so
    that the refusal names it."""
    return [Word("UNKNOWN", w.text) if w.tag == "ONE" and w.value == "informal" and
            (k == 0 or words[k - 1].tag != "COLOR") else w for k, w in enumerate(words)
            if not (w.tag == "ONE" and w.value == "informal" and k and words[k - 1].tag in ("KIND", "KINDS"))]


def _two_as_to(words: list[Word]) -> list[Word]:
    """"go 2 yellow marker", "put the cube 2 the bowl": the digit 2 before a noun in the singular, after a verb or
    the object it moves, is "to" (a count of two names the noun in the plural: "put 2 blocks in the bowl")."""
    out = list(words)
    for k in range(1, len(out) - 1):
        if out[k].tag != "NUM" or out[k].text != "2" or out[k - 1].tag not in ("VERB", "KIND"):
            continue
        j = k + 1
        while j < len(out) and out[j].tag == "COLOR":
            j += 1
        if j < len(out) and out[j].tag == "KIND":
            out[k] = Word("TO", "2", "to")
    return out


def _named_first(words: list[Word]) -> list[Word]:
    """"put the red ball and the blue ball in the tray, the blue one first": objects listed for one verb are
    done one after another, the one named with "first" before the rest in the order they were said (as "in
    that order" reads a list). A "first" that names none of them is left as it is."""
    f = len(words) - 1
    while f >= 0 and words[f].tag == "STOP":
        f -= 1
    if f < 2 or words[f].tag != "FIRST" or words[f - 1].tag not in ("ONE", "KIND") or words[f - 2].tag != "COLOR":
        return words
    said = f - 2
    v = next((j for j in range(said - 1, -1, -1) if words[j].tag in ("VERB", "STOP")), None)
    if v is None or words[v].tag != "VERB":
        return words
    listed: list[list[Word]] = []
    j = v + 1
    while j < said and words[j].tag in ("COLOR", "KIND"):
        start = j
        while j < said and words[j].tag in ("COLOR", "KIND"):
            j += 1
        listed.append(words[start:j])
        if j < said and words[j].tag in ("AND", "COMMA") and j + 1 < said and words[j + 1].tag == "COLOR":
            j += 1
    named = [o for o in listed if o[0].tag == "COLOR" and o[0].value == words[said].value and len(o) == 2]
    if len(listed) < 2 or len(named) != 1 or any(o[-1].tag != "KIND" for o in listed):
        return words
    rest = words[j:said - 1] if words[said - 1].tag == "COMMA" else words[j:said]
    joined = [w for o in [named[0]] + [o for o in listed if o is not named[0]] for w in (*o, Word("AND", "and", "and"))]
    return words[:v + 1] + joined[:-1] + rest + [Word("INORDER", "in that order", "in that order")] + words[f + 1:]


def _described_objects(words: list[Word]) -> list[Word]:
    """"put the block on the plate in the bowl", "move the cube by the dish onto the tray": a relation right
    after what a verb moves, with another that puts it in or on something after it, says which object (as
    "the block that is on the plate"): the last one is where it goes."""
    out = list(words)
    k = 0
    while k < len(out):
        if out[k].tag != "VERB" or out[k].value not in ("put", "move", "pick"):
            k += 1
            continue
        j = k + 1
        while j < len(out) and out[j].tag in OBJECT_TAGS:
            j += 1
        first_rel = j
        m = j + 1
        while m < len(out) and out[m].tag in OBJECT_TAGS:
            m += 1
        n = m + 1
        while n < len(out) and out[n].tag in OBJECT_TAGS:
            n += 1
        # "in the bowl on the plate" may say which bowl; a plate is never in a bowl
        described = first_rel < len(out) and out[first_rel].tag == "REL" and out[first_rel].text != "besides" and \
            m < len(out) and \
            out[m].tag == "REL" and (out[first_rel].value, out[m].value) in (
                *((side, goes) for side in ("next_to", "near", "left_of", "right_of", "in_front_of", "behind")
                  for goes in ("in", "on")), ("on", "in"))
        if described and j > k + 1 and m > first_rel + 1 and n > m + 1 and \
                (n == len(out) or out[n].tag in ("STOP", "AND", "COMMA", "THEN")):
            out.insert(first_rel, Word("COPULA", "is", "is"))
            k = n + 1
            continue
        k += 1
    return out


TABLE_SIDES = {"left_of": "left", "right_of": "right", "in_front_of": "front", "behind": "back"}


def _table_sides(words: list[Word]) -> list[Word]:
    """"along the back of the table", "at the front of the table": a side of the table is its edge on that side
    (the table is no object to put things beside)."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        w, nxt = words[k], words[k + 1:k + 3]
        if w.tag == "REL" and w.value in TABLE_SIDES and w.text.endswith(" of") and nxt[:1] and nxt[0].tag == "TABLE":
            out += [Word("SIDE", TABLE_SIDES[w.value], TABLE_SIDES[w.value]), Word("EDGE", "edge", "edge")]
            k += 2
            continue
        if w.tag == "SIDE" and [x.tag for x in nxt] == ["OF", "TABLE"]:
            out += [w, Word("EDGE", "edge", "edge")]
            k += 3
            continue
        out.append(w)
        k += 1
    return out

# tags that say where a clause puts something: a "so that" after them says why, not where
PLACE_TAGS = ("REL", "TO", "SIDE", "CORNER", "CORNERS", "MIDDLE", "EDGE", "LINE", "TOWER", "STACKED", "REACH",
              "MATCH", "BYCOLOR")


def _reasons(words: list[Word]) -> list[Word]:
    """Reasons and purposes said with the task ask nothing of their own. One said before the task ("because it is
    too heavy, nudge ...", "so that the robot can see it, put ...") is dropped, only the objects it names kept as
    named ("since the bowl is empty, put the block in it": "it" is the bowl); one said after a clause that already
    says where ("... left of the red block so that the two are side by side") is dropped to the sentence's end.
    Elsewhere ("move it so that it is right of the bowl") what follows is the place, and stays."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w.tag != "REASON":
            out.append(w)
            k += 1
            continue
        end = k + 1
        while end < len(words) and words[end].tag not in ("COMMA", "STOP"):
            end += 1
        rest = words[end + 1:]
        if (not out or out[-1].tag == "STOP") and end < len(words) and words[end].tag == "COMMA" and \
                any(x.tag in ("VERB", "MODAL", "TOWER", "LINE") for x in rest) and \
                not any(x.tag in PLACE_TAGS and x.tag != "TO" for x in words[k + 1:end]):  # "since it is on the plate": a start
            named = [x for x in words[k + 1:end] if x.tag in ("COLOR", "KIND", "KINDS")]
            said = words[k + 1:end]
            copula = next((j for j, x in enumerate(said) if x.tag == "COPULA"), None)
            if copula is not None and any(x.tag == "REL" for x in said[copula:]) and \
                    any(x.tag in ("KIND", "KINDS") for x in said[:copula]):
                # "since the cube is already in the zone, push it ...": where a thing is, a start state, and
                # "it" the thing it is said of
                out += [*said, Word("STOP", ".")]
            elif any(x.tag in ("KIND", "KINDS") for x in named):
                out += [Word("ALREADY", "there is", "there is"), *named, Word("STOP", ".")]
            k = end + 1
            continue
        stop = max((j for j, x in enumerate(out) if x.tag == "STOP"), default=-1)
        if any(x.tag in PLACE_TAGS for x in out[stop + 1:]):
            while k < len(words) and words[k].tag != "STOP":
                k += 1
            continue
        k += 1
    return out


NP_AFTER = ("VERB", "REL", "TO")  # what a noun phrase follows: "put the first ...", "... on the first"
NP_ENDS = ("REL", "TO", "STOP", "COMMA", "AND", "THEN", "SIDE", "CORNER", "MIDDLE", "NUM", "AMOUNT")


def _listed_order(words: list[Word]) -> list[Word]:
    """"take the red block and the blue block, put the first in the bowl and the other on the plate": after a list
    of objects, "the first" / "the former" is its first object and "the second" / "the latter" / "the other" (of
    two) its second, said again in their place. Only where a noun phrase stands (after a verb or a relation, and
    before what ends one): "first put ..." and "the other zone" stay what they are."""
    out: list[Word] = []
    listed: list[list[Word]] = []
    run: list[list[Word]] = []
    k = 0
    while k < len(words):
        w = words[k]
        prev = out[-1].tag if out else ""
        after = words[k + 1].tag if k + 1 < len(words) else "STOP"
        rank = None
        if w.tag == "LISTED":
            rank = w.value
        elif w.text == "first" and prev in NP_AFTER and after in NP_ENDS:
            rank = 1
        elif (w.tag == "OTHER" and w.text == "other" or w.tag == "ORD" and w.value == 2) and \
                prev in NP_AFTER + ("AND", "THEN") and after in NP_ENDS and len(listed) == 2:
            rank = 2
        if rank is not None and len(listed) >= rank:
            out += listed[rank - 1]
            k += 1
            continue
        if w.tag == "LISTED":
            out.append(Word("UNKNOWN", w.text))
            k += 1
            continue
        noun = _np_at(words, k)
        if noun:
            joined = out and out[-1].tag in ("AND", "COMMA") and len(out) > 1 and out[-2].tag in ("KIND", "KINDS")
            run = (run if joined else []) + [words[k:k + noun]]
            listed = run if len(run) > 1 else listed  # the last list of two or more, not a lone object after it
            out += words[k:k + noun]
            k += noun
            continue
        out.append(w)
        k += 1
    return out


HOLDERS = ("bowl", "plate", "tray", "zone")


def _pairs_as_steps(words: list[Word]) -> list[Word]:
    """"the red block: bowl. the blue block: plate.": a sentence of only an object, a colon and a container, with no
    verb, is that object put there (as "put the red block to the bowl")."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        first = _np_at(words, k) if not out or out[-1].tag == "STOP" and out[-1].text != ";" else 0
        colon = k + first
        second = _np_at(words, colon + 1) if first and colon < len(words) and words[colon].text == ";" else 0
        end = colon + 1 + second
        if second and words[end - 1].value in HOLDERS and (end == len(words) or words[end].tag == "STOP"
                                                            and words[end].text != ";"):
            out += [Word("VERB", "put", "put"), *words[k:colon], Word("TO", "to", "to"), *words[colon + 1:end]]
            k = end
            continue
        out.append(words[k])
        k += 1
    return out


def _contrasts(words: list[Word]) -> list[Word]:
    """"pushed, not carried, into the zone": a way of moving set against the one asked, between commas and with no
    object of its own, says again how to move it and nothing more; dropped, so the place joins its verb."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        if [w.tag for w in words[k:k + 4]] == ["COMMA", "NOT", "VERB", "COMMA"] and out and out[-1].tag == "VERB":
            k += 4
            continue
        out.append(words[k])
        k += 1
    return out


def _introductions(words: list[Word]) -> list[Word]:
    """"the cube and the ball: put the cube in the bowl ...": a sentence of objects alone, before a sentence that
    acts, only says which objects there are, as "there are a cube and a ball" does."""
    out: list[Word] = []
    start = 0
    for k, w in enumerate(words + [Word("STOP", "")]):
        if w.tag != "STOP":
            continue
        sentence = words[start:k]
        following = words[k + 1:]
        nxt = next((j for j, x in enumerate(following) if x.tag == "STOP"), len(following))
        if sentence and all(x.tag in ("COLOR", "KIND", "KINDS", "AND", "COMMA") for x in sentence) and \
                sum(x.tag in ("KIND", "KINDS") for x in sentence) > 1 and \
                any(x.tag == "VERB" for x in following[:nxt]):
            out.append(Word("ALREADY", "there are", "there are"))
        out += words[start:k + 1]
        start = k + 1
    return out


def _np_at(words: list[Word], k: int) -> int:
    """The length of a plain noun phrase ("red block", "ball") that starts at ``k``, else 0."""
    j = k
    while j < len(words) and words[j].tag == "COLOR":
        j += 1
    return j - k + 1 if j < len(words) and words[j].tag == "KIND" else 0


# tags that end the phrase a correction can take back: it never reaches past a verb or into the clause before
PHRASE_BREAKS = ("VERB", "THEN", "FIRST", "AND", "STOP", "COMMA", "BEFORE")
# words after which the object they take is still to come: a hesitation there is a pause before saying it
AWAITING_OBJECT = ("VERB", "TOWER", "REL", "TO", "OF", "FROM", "WITH", "WITHOUT", "EXCEPT")


def _corrected(words: list[Word]) -> list[Word]:
    """The words with each correction applied: "put the red uh no the blue block in the bowl", "on the plate
    sorry i mean in the bowl", "left no right": the words after the correction replace those from the last word
    of the same kind (the same tag) before it. A bare "no" corrects only between two words of one kind ("red no
    blue", "the bowl no the tray"); elsewhere it is a "no" ("no block on the plate")."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        w = words[k]
        marker = w.tag == "CORRECT" or (w.tag == "NOT" and w.text == "no")
        if not marker:
            out.append(w)
            k += 1
            continue
        if w.value == "hesitation" and out and out[-1].tag in AWAITING_OBJECT:
            k += 1  # "put the block on um the plate": a pause before the object the words await, not a correction
            continue
        nxt = k + 1
        while nxt < len(words) and (words[nxt].tag in ("COMMA", "STOP", "CORRECT") or words[nxt].text == "no"):
            nxt += 1
        if nxt + 1 < len(words) and words[nxt].text in ("make", "change") and \
                (words[nxt + 1].tag == "PRON" and words[nxt + 1].text in ("it", "that") or words[nxt + 1].tag == "TO"):
            # "actually, make it behind the bowl", "sorry, change that to 15 cm": what follows is said again
            nxt += 1 + (words[nxt + 1].tag == "PRON")
            nxt += nxt < len(words) and words[nxt].tag == "TO"
        said = _unpunctuated(out)
        unread = len(said)
        while unread > 0 and said[unread - 1].tag == "UNKNOWN":
            unread -= 1
        if unread < len(said) and nxt < len(words) and words[nxt].tag in OBJECT_TAGS + ("TABLE",):
            # "push the boulder... I mean the gray ball": a word the reader does not know, taken back and said
            # again as an object it knows, is that object; the verb and place around it stay
            out = said[:unread]
            k = nxt
            continue
        denied = _object_denied(said, words[nxt:])
        if denied is not None:  # "wait, not the plate, the tray": the object denied is the one taken back
            out, used = denied
            k = nxt + used
            continue
        amount = _amount_said_again(said, words[nxt:])
        if amount is not None:  # "move it 10 cm left, no, 15 cm": the distance taken back, the side kept
            out, used = amount
            k = nxt + used
            continue
        over = _said_over(said, words[nxt:])
        if over is not None:  # "stack red on blue on green, or rather green on blue on red": all of it said again
            out, used = over
            k = nxt + used
            continue
        place = _place_said_again(said, words[nxt:])
        if place is not None:  # "in the middle, no, the front left corner": the place taken back, said otherwise
            out, used = place
            k = nxt + used
            continue
        if _one_on_a_side(words[nxt:]):  # "the bowl on the left, no, the one on the right": which one, not where
            side = words[nxt + 2]
            words = words[:nxt + 1] + [Word("SIDEMOST", side.text, f"{side.value}most")] + words[nxt + 3:]
        swap = _same_kind_said_again(said, words[nxt:])
        if swap is not None:  # "put the red block in the bowl, no, the blue block": only the block is taken back
            start, stop, end = swap
            noun = next(x for x in reversed(said[start:stop]) if x.tag in ("KIND", "KINDS"))
            again = [noun if x.tag == "ONE" else x for x in words[nxt:nxt + end]]
            out = said[:start] + again + said[stop:]
            k = nxt + end
            continue
        if w.value == "hesitation" and (nxt >= len(words) or words[nxt].tag not in OBJECT_TAGS):
            k += 1
            continue
        # a "no" set off by a comma ("behind the bowl, no, in front of it") takes back what was said, as "sorry" does
        set_off = k + 1 < len(words) and words[k + 1].tag == "COMMA"
        start = _taken_back(out, words[nxt:nxt + 2], bare=w.tag == "NOT" and not set_off)
        if start is None:
            if w.tag == "NOT":
                out.append(w)  # a "no" that corrects nothing says no
            k += 1  # "sorry, put the block ...": taking back nothing, it says nothing
            continue
        taken = out[start:]
        del out[start:]
        k = nxt
        if taken[0].tag in ("VERB", "REL"):  # "... actually no put it in the green bowl": "it" is what the clause
            # moved; "left of the plate, sorry, right of it": "it" is the landmark taken back with its relation
            words = words[:k] + _pronoun_as(words[k:], _object_of(taken))
    return out


# the tags an object's words are made of ("all the red blocks", "the second cube", "the blue one")
OBJECT_TAGS = ("COLOR", "KIND", "KINDS", "ALL", "EACH", "BOTH", "NUM", "SIDEMOST", "SIZEMOST", "ONE", "ORD")


def _same_kind_said_again(said: list[Word], then: list[Word]) -> tuple[int, int, int] | None:
    """Where a correction that is an object alone ("..., no, the blue block") says again an object of the same kind
    in the same clause: (where that object starts and ends in ``said``, where the new one ends in ``then``). Not
    where it says again the word right before it ("the red no the blue block"): that word alone is taken back."""
    end = next((j for j, w in enumerate(then) if w.tag not in OBJECT_TAGS), len(then))
    kind = next((w.value for w in then[:end] if w.tag in ("KIND", "KINDS")), None)
    if kind is None and any(w.tag == "ONE" for w in then[:end]):  # "the red marker, no, the purple one": the
        # "one" is of the kind of the object it takes back: with a colour, the last said with a colour (a colour
        # said again against one said), else the last said
        phrase: list[Word] = []
        for w in reversed(said):
            if w.tag in PHRASE_BREAKS:
                break
            phrase.insert(0, w)
        nouns = [(j, w) for j, w in enumerate(phrase) if w.tag in ("KIND", "KINDS")]
        coloured = [w for j, w in nouns if j > 0 and phrase[j - 1].tag == "COLOR"]
        if nouns:
            kind = (coloured[-1] if coloured and any(w.tag == "COLOR" for w in then[:end]) else nouns[-1][1]).value
    if kind is None or not said or said[-1].tag == then[0].tag:
        return None
    for j in range(len(said) - 1, -1, -1):
        if said[j].tag in PHRASE_BREAKS:
            return None
        # more words after the new object go on from it only where the object taken back was the last said
        # ("put the red block, no, the blue one in the bowl")
        # a side said after the object ("the bowl on the left") goes with it where the new one says a side
        sided = any(w.tag == "SIDEMOST" for w in then[:end]) and all(w.tag == "SIDEMOST" for w in said[j + 1:])
        if said[j].tag in ("KIND", "KINDS") and said[j].value == kind and \
                (end == len(then) or then[end].tag in PHRASE_BREAKS or j == len(said) - 1 or sided):
            start = j
            while start > 0 and said[start - 1].tag in OBJECT_TAGS:
                start -= 1
            return start, len(said) if sided else j + 1, end
    return None


def _object_denied(said: list[Word], then: list[Word]) -> tuple[list[Word], int] | None:
    """A correction that denies an object just said and names another ("..., wait, not the plate, the tray", "not
    the cube, the ball"): the words with the object denied replaced by the one named, and how many words after
    the correction it used; None where the correction opens otherwise."""
    end = next((j for j, w in enumerate(then[1:], 1) if w.tag not in OBJECT_TAGS), len(then))
    if not then or then[0].tag != "NOT" or end == 1 or end + 1 >= len(then) or then[end].tag != "COMMA":
        return None
    stop = next((j for j, w in enumerate(then[end + 1:], end + 1) if w.tag not in OBJECT_TAGS), len(then))
    denied, named = [(w.tag, w.value) for w in then[1:end]], then[end + 1:stop]
    if not named:
        return None
    for j in range(len(said) - len(denied), -1, -1):
        if [(w.tag, w.value) for w in said[j:j + len(denied)]] == denied:
            return said[:j] + named + said[j + len(denied):], stop
    return None


def _said_over(said: list[Word], then: list[Word]) -> tuple[list[Word], int] | None:
    """A correction that says the clause's objects and relation again ("put the red ball in the tray, no, the blue
    ball in the bowl", "red on blue on green, or rather green on blue on red"): everything after the clause's verb
    (or the comma the clause follows) is taken back. The words with it replaced, and how many words after the
    correction it used."""
    end = next((j for j, w in enumerate(then) if w.tag in PHRASE_BREAKS), len(then))
    new = then[:end]
    v = next((j for j in range(len(said) - 1, -1, -1) if said[j].tag in PHRASE_BREAKS + ("TOWER",)), None)
    if not new or v is None or said[v].tag not in ("VERB", "TOWER", "COMMA") or new[0].tag not in OBJECT_TAGS or \
            not any(w.tag == "REL" for w in new):
        return None
    clause = said[v + 1:]
    if not clause or clause[0].tag != new[0].tag or not any(w.tag == "REL" for w in clause):
        return None
    return said[:v + 1] + new, end


def _one_on_a_side(then: list[Word]) -> bool:
    """Whether a correction opens with "the one on the left" (or right, front, back): which one it names."""
    return len(then) >= 3 and then[0].tag == "ONE" and then[1].tag == "REL" and then[1].value == "on" and \
        then[2].tag == "SIDE" and then[2].value in ("left", "right", "front", "back")


# a side said alone as a correction ("left of the bowl, sorry, the right side"): the relation on that side
SIDE_AS_RELATION = {"left": "left_of", "right": "right_of", "front": "in_front_of", "back": "behind"}


def _place_said_again(said: list[Word], then: list[Word]) -> tuple[list[Word], int] | None:
    """A correction that says again where the object goes, in other words than the place it takes back: a corner
    or the middle for another place ("in the middle, no, the front left corner", "on the plate, sorry, the
    middle"), or a bare side for the side of a relation ("left of the bowl, no wait, the right side", whose
    landmark is kept). The words with the place replaced, and how many words after the correction it used; None
    where the correction says no such place (a place of the same kind is taken back as any word is)."""
    end = next((j for j, w in enumerate(then) if w.tag in PHRASE_BREAKS), len(then))
    new = then[:end]
    if not new:
        return None
    place = next((j for j in range(len(said) - 1, -1, -1)
                  if said[j].tag in PHRASE_BREAKS + ("REL", "MIDDLE", "CORNER")), None)
    if place is None or said[place].tag in PHRASE_BREAKS:
        return None
    if new[0].tag in ("MIDDLE", "CORNER") and said[place].tag != new[0].tag and \
            all(w.tag in ("MIDDLE", "CORNER", "OF", "TABLE") for w in new):
        while place > 0 and said[place - 1].tag == "REL":  # "in the bowl": its relation goes with it
            place -= 1
        return said[:place] + new, end
    sides = [w for w in new if w.tag == "SIDE"]
    if said[place].tag == "REL" and said[place].value in SIDE_AS_RELATION.values() and len(sides) == 1 and \
            sides[0].value in SIDE_AS_RELATION and all(w.tag in ("SIDE", "EDGE") for w in new) and \
            SIDE_AS_RELATION[sides[0].value] != said[place].value:
        turned = Word("REL", sides[0].text, SIDE_AS_RELATION[sides[0].value])
        return said[:place] + [turned] + said[place + 1:], end
    return None


def _amount_said_again(said: list[Word], then: list[Word]) -> tuple[list[Word], int] | None:
    """A correction that opens with a distance ("10 cm left, no, 15 cm", "a bit forward, sorry, 8 cm") takes back the
    distance said last in the same phrase: the words with it replaced (its unit kept where the new one says none, the
    side kept where it says none), and how many words after the correction it used; None where it is no distance."""
    if not then or then[0].tag not in ("NUM", "AMOUNT"):
        return None
    end = next((j for j, w in enumerate(then) if w.tag in PHRASE_BREAKS), len(then))
    for j in range(len(said) - 1, -1, -1):
        if said[j].tag in PHRASE_BREAKS:
            return None
        if said[j].tag in ("NUM", "AMOUNT"):
            stop = j + 1 + (said[j].tag == "NUM" and j + 1 < len(said) and said[j + 1].tag == "UNIT")
            new = list(then[:end])
            if new[0].tag == "NUM" and (len(new) == 1 or new[1].tag != "UNIT") and stop == j + 2:
                new.insert(1, said[j + 1])  # "10 cm ..., no, 15": in the unit said before
            if any(w.tag not in ("NUM", "UNIT", "AMOUNT") for w in new):
                return said[:j] + new, end  # "10 cm left, no, 15 cm right": all of it said again
            return said[:j] + new + said[stop:], end
    return None


def _object_of(clause: list[Word]) -> list[Word]:
    """The words of the object a clause's verb acts on: those after the verb, up to where it goes."""
    out: list[Word] = []
    for w in clause[1:]:
        if w.tag not in OBJECT_TAGS:
            break
        out.append(w)
    return out


def _pronoun_as(words: list[Word], meant: list[Word]) -> list[Word]:
    """The words with the first "it" of their clause said as ``meant``."""
    for k, w in enumerate(words):
        if w.tag in ("THEN", "FIRST", "AND", "STOP", "COMMA"):  # the next clause
            break
        if w.tag == "PRON" and meant:
            return words[:k] + meant + words[k + 1:]
    return words


def _unpunctuated(said: list[Word]) -> list[Word]:
    """The words without the commas and stops they end with ("the red block in the bowl, no, ...")."""
    end = len(said)
    while end > 0 and said[end - 1].tag in ("COMMA", "STOP"):
        end -= 1
    return said[:end]


def _taken_back(said: list[Word], then: list[Word], bare: bool) -> int | None:
    """Where the words a correction takes back start in ``said``: the last word with the tag of the first word
    after it, in the same phrase; None when there is none."""
    end = len(_unpunctuated(said))
    if not then or end == 0 or (bare and said[end - 1].tag not in {t.tag for t in then}) or \
            then[0].tag in PHRASE_BREAKS[1:]:  # a correction says again a word, never a joining one
        return None
    for j in range(end - 1, -1, -1):
        if said[j].tag == then[0].tag or (said[j].tag, then[0].tag) == ("TOWER", "VERB"):
            return j  # a verb said again takes back the clause, whether it opened with a verb or "stack"
        if said[j].tag in PHRASE_BREAKS:
            return None
    return None


def _robot_parts(words: list[Word]) -> list[Word]:
    """The robot's parts dropped where they are the means ("with the gripper", "using the end effector") and
    kept as words not read elsewhere, so that a refusal names them ("move the end effector above the block").
    The robot or a part of it said as who acts ("the robot should put ...", "the gripper must grasp ...") is
    dropped too: the verb after it acts on its own object, never on the robot."""
    out: list[Word] = []
    for k, w in enumerate(words):
        after = [x for x in words[k + 1:k + 3] if x.tag != "MODAL"][:1]
        acts = after and (after[0].tag == "VERB" and after[0].value in OBJECT_VERBS or after[0].tag == "TOWER") \
            and k + 1 < len(words) and words[k + 1].tag in ("VERB", "MODAL")  # "needs to stack": the verb
        opens = k == 0 or words[k - 1].tag in ("STOP", "COMMA", "THEN", "AND")
        if w.tag == "ROBOT" and acts and opens:
            continue
        if w.tag == "ROBOT" and opens and _does_to_an_object(words, k + 1):
            continue  # "the Robot shall move the blue ball ...", "the robot must first place ...": who acts
        if w.tag == "ROBOT" and opens and k + 1 < len(words) and words[k + 1].tag in ("STOP", "COMMA") and \
                any(x.tag == "VERB" and x.value in OBJECT_VERBS for x in words[k + 2:]):
            continue  # "Robot! Robot! put the ball ...": calling the robot, not where anything goes
        if w.tag != "PART":
            out.append(w)
        elif not (acts or out and (out[-1].tag == "WITH" or out[-1].tag == "VERB" and out[-1].value == "use")):
            out.append(Word("UNKNOWN", w.text))
    return out


def _does_to_an_object(words: list[Word], k: int) -> bool:
    """Whether the words from ``k`` are a wish or an order said of an object: "shall move the blue ball",
    "must first place the cube", "shall (make sure) the ball rests ..." (not "should go to the marker", "must move
    to the left": the robot itself goes)."""
    j = k
    while j < len(words) and words[j].tag in ("MODAL", "FIRST"):
        j += 1
    if j == k or j >= len(words):
        return False
    if words[j].tag in ("COLOR", "KIND", "KINDS", "ALL", "EACH", "BOTH"):
        return True
    return words[j].tag == "VERB" and words[j].value != "go" and j + 1 < len(words) and \
        words[j + 1].tag in OBJECT_TAGS + ("PRON",) and words[j + 1].tag != "NUM"


# verbs that act on an object the words name after them ("the robot should put the cube ..."), not on the robot
OBJECT_VERBS = ("put", "pick", "stack", "push", "pull", "sort", "arrange")


def _retrieved_to_be_put(words: list[Word]) -> list[Word]:
    """"retrieve the cube, then deposit it in the bowl": with no tool named and no word of reach, "retrieve"
    fetches what a later step puts somewhere, as "fetch" does; with a hook, or of what is out of reach, or alone,
    it pulls the object into reach."""
    if any(w.tag in ("REACH", "OUT_OF_REACH") or w.tag in ("KIND", "KINDS") and w.value in vocab.TOOLS
           for w in words):
        return words
    return [Word("VERB", w.text, "pick") if w.tag == "VERB" and w.text.startswith("retriev") and any(
        x.tag == "VERB" and x.value in ("put", "move", "stack") for x in words[k + 1:]) else w
        for k, w in enumerate(words)]


def _gerunds_as_verbs(words: list[Word]) -> list[Word]:
    """"start by moving the ball ...", "then lifting the cube ...": a gerund that opens a clause of a sequence
    is its verb (after "without" it stays what must not happen)."""
    return [Word("VERB", w.text, GERUND_VERBS[w.text]) if w.tag == "GERUND" and w.text in GERUND_VERBS and k > 0
            and words[k - 1].tag in ("FIRST", "THEN", "BEFORE") else w for k, w in enumerate(words)]


def _conditions_as_steps(words: list[Word]) -> list[Word]:
    """"once the ball is in the bowl, move ...", "as soon as the cube is on the plate, ...": a state said after
    "once" / "after" is one to reach first, a step of the sequence (its "is" as "should be"), not how things are."""
    out = list(words)
    left_out: list[int] = []
    for k, w in enumerate(words):
        if w.tag != "FIRST" or w.text not in CONDITION_OPENERS:
            continue
        for j in range(k + 1, len(words)):
            if words[j].tag in ("COMMA", "STOP", "THEN", "VERB", "ALREADY"):
                if words[j].tag == "COMMA" and (said := _state_without_is(words, k + 1, j)) is not None:
                    left_out.append(said)  # "after red blk in bowl, put ...": a note's "is" left out
                    _verbless_step_after(out, j)
                break
            if words[j].tag == "COPULA":
                out[j] = Word("MODAL", words[j].text, "should be")
                comma = next((c for c in range(j + 1, len(words)) if words[c].tag in ("COMMA", "STOP", "THEN", "VERB")),
                             None)
                if comma is not None and words[comma].tag == "COMMA":
                    _verbless_step_after(out, comma)
                break
    for said in reversed(left_out):
        out[said:said] = [Word("MODAL", "is", "should be")]
    return out


def _verbless_step_after(words: list[Word], comma: int) -> None:
    """"once the cube is in the bowl, the ball to the plate": a step with no verb after the state to reach
    first comes next, as "then" says (the comma is read as "then")."""
    after = words[comma + 1:]
    after = after[:next((j for j, w in enumerate(after) if w.tag in STEP_BREAKS), len(after))]
    if after and after[0].tag in OBJECT_TAGS and any(w.tag in ("REL", "TO") for w in after) and \
            not any(w.tag in ("VERB", "COPULA", "MODAL") for w in after):
        words[comma] = Word("THEN", words[comma].text)


def _state_without_is(words: list[Word], start: int, end: int) -> int | None:
    """Where the "is" left out of a state said as a note ("red blk in bowl") goes, between its object and
    relation, when words[start:end] are an object, a relation and an object and a verb, or an object and where it
    goes, follows the comma; else None."""
    said = words[start:end]
    rel = next((j for j, w in enumerate(said) if w.tag == "REL"), None)
    if rel is None or rel == 0 or rel == len(said) - 1 or end + 1 >= len(words):
        return None
    after = words[end + 1:]
    after = after[:next((j for j, w in enumerate(after) if w.tag in STEP_BREAKS), len(after))]
    # "..., put green blk on plate", or the note's verbless "..., red blk on blue blk"
    if after[0].tag != "VERB" and not (after[0].tag in OBJECT_TAGS and any(w.tag in ("REL", "TO") for w in after)):
        return None
    if not all(w.tag in OBJECT_TAGS for w in said[:rel] + said[rel + 1:]):
        return None
    return start + rel


CONDITION_OPENERS = ("once", "after", "as soon as", "right after", "just after")
STEP_BREAKS = ("COMMA", "STOP", "AND", "THEN")


def _counted_steps(words: list[Word]) -> list[Word]:
    """Steps said in turn without "then": "first A, second B" ("second" opening a clause after "first", not "the
    second block from the left") and "A and after B" ("after" with no verb or "is" before the next clause: the
    learner's "afterwards"; "A after B is in the bowl" stays a condition)."""
    out = list(words)
    for k, w in enumerate(words):
        opens = k > 0 and words[k - 1].tag in STEP_BREAKS
        clause = words[k + 1:]
        end = next((j for j, x in enumerate(clause) if x.tag in STEP_BREAKS), len(clause))
        clause = clause[:end]
        if w.tag == "ORD" and opens and any(x.tag == "FIRST" for x in words[:k]) and \
                not any(x.tag in ("FROM", "SIDEMOST") for x in clause[:3]):
            out[k] = Word("THEN", w.text)
        elif w.tag == "FIRST" and w.text == "after" and opens and clause and \
                not any(x.tag in ("VERB", "COPULA", "MODAL", "GERUND", "ALREADY") for x in clause):
            out[k] = Word("THEN", w.text)
    return out


# fillers ("a tidy row") that, opening a clause, stand where its verb goes
VERB_FILLERS = ("tidy", "neaten")


def _clause_has_place(words: list[str], start: int) -> bool:
    """Whether the clause from words[start] says where something goes (a relation word)."""
    for w in words[start:]:
        if w in CLAUSE_ENDS:
            return False
        if w in RELATION_WORDS:
            return True
    return False


def _colours_after_nouns(words: list[Word]) -> list[Word]:
    """"put the block red over the block blue", "the cube green into the bowl yellow": a colour said after a
    noun that has none before it is that noun's colour, as in languages that put it there. Not after a plural
    ("stack the blocks red on green": the colours name the blocks one by one), nor before a noun of its own."""
    out = list(words)
    for k in range(len(out) - 1):
        after = out[k + 2].tag if k + 2 < len(out) else ""
        if out[k].tag == "KIND" and out[k + 1].tag == "COLOR" and after not in ("KIND", "KINDS", "ONE", "COLOR") and \
                (k == 0 or out[k - 1].tag != "COLOR"):
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _on_top_before_object(words: list[Word]) -> list[Word]:
    """"on top the red block", "on top the plate": "on top" with its "of" left out is the relation "on"
    where an object follows it; before anything else it says which end of a tower ("red on top")."""
    def noun_at(k: int) -> bool:
        tags = [w.tag for w in words[k:k + 2]]
        return tags[:1] in (["KIND"], ["KINDS"]) or tags in (["COLOR", "KIND"], ["COLOR", "KINDS"])

    return [Word("REL", w.text, "on") if w.tag == "TOP" and w.text == "on top" and noun_at(k + 1) else w
            for k, w in enumerate(words)]


CLAUSE_ENDS = (".", ";", ",", "and", "then")
PLACE_WORDS = ("left", "right", "front", "back", "corner", "corners", "edge", "of", "side", "half", "part", "end")


def _says_where_it_goes(words: list[str], start: int, end: int) -> bool:
    """Whether "on the left" at words[start:end] says where, not which object: before a place of the
    table, after a corner, or ending a clause that named no place before it ("put the block on the
    left"; but "put the ball in the bowl on the right" picks a bowl)."""
    if end < len(words) and words[end] in PLACE_WORDS:
        return True  # "at the front left corner", "on the left edge": a place of the table
    before = start
    while before > 0 and words[before - 1] not in CLAUSE_ENDS:
        before -= 1
    if any(w in ("corner", "corners") for w in words[before:start]):
        return True  # "the corner nearest the robot on the left": which corner
    if end < len(words) and words[end] not in CLAUSE_ENDS:
        return False
    if words[before:before + 1] and words[before] in TAKING_VERBS and end < len(words) and \
            any(w in ("it", "them") for w in words[end + 1:end + 5]):
        return False  # "take the block on the far right and set it on the plate": a verb that only takes it
    return not any(w in RELATION_WORDS for w in words[before:start])


# verbs that take an object up without saying where it goes
TAKING_VERBS = ("take", "grab", "pick", "lift", "fetch", "get", "choose", "select", "find")
