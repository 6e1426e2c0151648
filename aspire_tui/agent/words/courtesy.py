"""A polite speaker's words around a task: apologies, hedged frames ("I was hoping you could ...", "I'd love it
if ..."), courtesy conditions ("if it isn't too much trouble"), doubts ("this may sound silly, but"), reasons
for asking, "no rush", thanks, and a radio's "roger" and "over and out". They say how a task is asked, never
what, and drop out before the words are read; an intention ("the idea is that ...") is said as the wish it is.
Takes text (lower case, contractions spelled out) and gives text."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# "sorry to bother you", "I hate to ask", "excuse me": an apology for asking
APOLOGY = (r"(?:i am |so |very |really )*sorry (?:to (?:bother|trouble|disturb|interrupt|pester|ask|"
           r"be (?:a |such a )?(?:pain|bother|nuisance|trouble))"
           r"(?: you)?(?: again)?|(?:for|about) (?:the|this|any) (?:bother|trouble|hassle|interruption)"
           r"|if (?:this|it|i) (?:is|am) (?:being )?(?:a )?(?:bother|pain|hassle|nuisance|annoying|silly|"
           r"a silly question))"
           r"|(?:my )?apologies(?: (?:for|about) (?:the|this|any) (?:bother|trouble|hassle|interruption))?"
           r"|(?:please )?(?:excuse|pardon) me|i (?:hate|do not like) to (?:ask|bother you|trouble you|"
           r"be a (?:bother|pain|nuisance))")
# "I was hoping you could ...", "it would be great if you could ...": a frame whose request follows it
FRAME = (r"(?:i|we) (?:was|were|am|are) (?:just |really )?(?:hoping|wondering|thinking)(?: that| if| whether)?"
         r"|(?:i|we) would (?:really |so |very much )?(?:appreciate|love|like) it if"
         r"|(?:i|we) would (?:be|feel) (?:so |very |really |most |super |ever so )?(?:grateful|thankful|happy|glad|"
         r"obliged) if"
         r"|(?:could|would|can|will) you do (?:me|us) a (?:quick )?(?:favour|favor) and"
         r"|do you think (?:that )?you could|(?:i|we) do not suppose you could|(?:is there )?any chance you could"
         # "could I trouble you to ...", "would it bother you terribly to ...": asking leave to ask
         r"|(?:could|may|might|can) (?:i|we) (?:trouble|bother) you to"
         r"|would it (?:trouble|bother|inconvenience) you(?: (?:terribly|too much|at all|much))? to"
         # "I wonder if you might ...", "I wondered whether you could ...": a question put as a musing
         r"|(?:i|we) (?:just )?wonder(?:ed)? (?:if|whether) you (?:might|could|would|can)(?: possibly| perhaps)?"
         # "do you think the ball would fit in the tray?", "any chance the cube could go on the plate?": asked of
         # how things would be, the wish that they be
         r"|(?:do you (?:think|reckon|suppose)|(?:is there )?any chance)(?: that)?"
         r"(?= (?:the|a|an|it|this|these|those|all|both|every|each)\b)"
         r"|it would (?:really |just )?be (?:so |very |really )?(?:great|nice|lovely|wonderful|helpful|amazing|"
         r"fantastic|good|ideal|brilliant|awesome|perfect|super) if"
         r"|it would (?:really )?mean (?:a lot|so much|the world)(?: to (?:me|us))? if"
         r"|(?:i|we) would (?:really |so )?appreciate (?:your|some|a little) help(?: with)?"
         r"|(?:would it be|is it) (?:at all )?possible (?:for you )?to"
         r"|(?:you )?(?:might|may|could|would) (?:possibly )?be able to")
# "if it isn't too much of a bother", "if you have a moment": asking whether it suits, which asks nothing
IF_IT_SUITS = (r"if (?:it|that|this) is (?:not|n't) (?:too much|a)(?: of a)? "
               r"(?:trouble|bother|hassle|problem|pain)"
               r"|if (?:it|that|this) is not (?:asking )?too much(?: to ask)?"
               r"|if (?:it|that|this) is no (?:trouble|bother|hassle|problem)|if (?:it|that|this) is at all possible"
               r"|if (?:it|that|this) (?:is|would be) (?:convenient|fine|alright|all right|ok|okay|possible)"
               r"|if (?:you|we) (?:have|get|find) (?:a|the) (?:moment|minute|second|chance|sec)"
               r"|if (?:you|we) (?:have|get|find) (?:the )?time|if at all possible|if you (?:would|do) not mind"
               r"|if you would be (?:so|very|ever so) (?:kind|good)"
               r"|(?:would|could) you be (?:so|very|ever so) (?:kind|good) as to"
               # "would you be good enough to", "be so good as to": an old-fashioned "please"
               r"|(?:(?:would|could) you )?be (?:kind|good) enough to|(?:(?:would|could) you )?be so good as to")
# "no rush at all", "take your time": haste, or its absence, asks nothing
UNHURRIED = (r"(?:there is )?no (?:rush|hurry)(?: at all)?|take your time|whenever you (?:can|are ready|get a chance)"
             r"|(?:it is )?not (?:urgent|pressing)(?: at all)?|when(?:ever)? you are (?:free|ready)"
             r"|when(?:ever)? you (?:get|have|find) (?:a|the) (?:chance|moment|minute|second|sec)")
# "thanks a ton", "thank you so much": thanks
THANKS = (r"(?:thanks|thank you)(?: (?:so|very|ever so) much| a (?:ton|lot|bunch|million)| kindly| in advance)+"
          r"|many thanks|much obliged|please and thank you")
# "I'd do it myself, but my hands are full": why the speaker asks, which asks nothing
WHY_ASKED = r"(?:i|we) would (?:do|have done) (?:it|this|that) (?:myself|ourselves)(?:,? but [^.;!?]*)?"
# "..., won't you?", "..., would you?": a question tagged on to a request, which asks it again
TAG_QUESTION = r"(?:will|would|could|can|wo|ca)(?: not)? you(?=\s*(?:[.!?]|$))"
# "..., isn't it?", "..., n'est-ce pas?": a tag asking agreement with what was asked, never its opposite
TAG_QUESTION += r"|(?<=, )(?:is not it|is it not|isnt it|innit|n'est-ce pas)(?=\s*(?:[.!?]|$))"
# "either side is fine", "I'm not fussy": the speaker leaving open what the words leave open already
INDIFFERENT = (r"(?:either|any) (?:side|way) (?:(?:is|will be|would be) (?:fine|ok|okay|alright|all right|good)|"
               r"will do|would do|works)"
               r"|i am not (?:too |that |very |at all )?(?:fussy|picky|particular|fussed|bothered)(?: at all)?")
# a radio operator's words for "heard you" and "done talking": how the message is sent
RADIO = r"roger(?: that)?|copy that|wilco|over and out"
COURTESY = re.compile(rf"(?:,\s*)?\b(?:{APOLOGY}|{FRAME}|{IF_IT_SUITS}|{UNHURRIED}|{THANKS}|{WHY_ASKED}|{RADIO}|{TAG_QUESTION}|{INDIFFERENT})\b"
                      r"(?:\s*,)?")
# an intention in place of a wish: "I intend for ...", "the idea is that ...", "what we're after is ..."
INTENTION = re.compile(r"(^|[.;!?,]\s*|\b(?:so|basically|honestly|well|okay|ok)\s+)"
                       r"(?:(?:i|we) (?:intend|plan|expect|wish)(?: for)?"
                       r"|(?:the|my|our) (?:idea|point|intention|hope|wish|aim|plan|goal|objective) (?:here )?is "
                       r"(?:that|for)"
                       r"|what (?:i|we) (?:am|are) (?:after|going for|aiming for|hoping for) is(?: for| that)?"
                       r"|what (?:needs|has) to happen is(?: that)?|(?:i|we) (?:am|are) going to (?:need|want)"
                       r"|(?:i|we) (?:would like|would love|want|need) to (?:end up with|be left with|see|have))\s+"
                       r"(?=(?:the|a|an|all|both|every|each|\d+|one|two|three|four)\b)")
# "I'm not sure this is possible, but ...", "I know this is a silly request, but ...": a doubt about asking,
# said before the request
HEDGE_BUT = re.compile(r"(^|[.!?;]\s*)(?:(?:ok|okay|so|well|alright|right),?\s+)*"
                       r"(?:(?:so |very |really )?sorry\s*,?\s*)?"
                       r"(?:i am not sure|i am unsure|i do not know|i know|i realise|i realize|i understand|i am aware"
                       r"|this (?:may|might|will|could) (?:be|sound|seem)|it (?:may|might|will|could) (?:be|sound|seem)"
                       r"|(?:this|it) is (?:going to|gonna) (?:be|sound|seem))\b([^.;!?]*?),?\s+but\b")


def courtesies(text: str) -> str:
    """The text without its apologies, hedged frames, courtesy conditions and thanks ("I was hoping, if it's
    no trouble, that you could put ..." as "you could put ...")."""
    text = re.sub(r"\b(it|you|we|they)'d\b", r"\1 would", text)
    text = re.sub(r"(?<![\w:])[:;]-?[()dp](?!\w)", " . ", text)  # a smiley ends what it is said after
    # "I intend for the ball to ...", "the idea is that ...", "what I'm after is ...": an intention, said as a wish
    text = INTENTION.sub(r"\1i want ", text)
    # "I'd love for the ball to go ...": the wish with its "for" said plainly, as "I'd love the ball to go ..."
    text = re.sub(r"\b((?:want|wants|need|needs|like|love|prefer)(?:\s*,[^,.;!?]*,)?)\s+for\b"
                  r"(?=\s+(?:the|a|an|all|both|every|each|\d|one|two|three|four|it|them)\b)", r"\1", text)
    # "arrange for the cube to sit on the plate", "see to it that ...": the state to bring about, as a wish
    text = re.sub(r"\b(?:please |kindly )?arrange for (?=(?:the|a|an|all|both|every|each)\b[^.;!?]* to )", "i want ",
                  text)
    # "the bowl would be better off in the corner", "it would look best by the plate": a hedged wish
    text = re.sub(r"\b(?:would|might) (?:be|look|sit|fit) (?:much |a lot |far )?(?:better|best|nicer|happier)"
                  r"(?: off)?\b", "should be", text)
    # "you have to keep the block in the tray", "you've got to put it ...": the task said as a duty, as "you must"
    text = re.sub(r"\b(you|we|u)(?: (?:have|'ve|ve)(?: got)?| got) to (?=[a-z]+\b)",
                  r"\1 must ", text)
    # "can you help me put the ball ...", "help me to move it": asking help with the task is asking the task
    text = re.sub(r"\bhelp (?:me|us)(?: to)? (?=(?:put|place|move|take|get|set|stack|push|slide|sort|go|bring|pull|"
                  r"line|arrange|drop|keep|shift|carry)\b)", "", text)
    text = HEDGE_BUT.sub(_unsure, text)
    if not COURTESY.search(text):
        return text
    # after "I'd love it if", what is wished is said as if it had happened ("if the ball went in the bowl", "if
    # the cubes were on the plate"): the move asked for
    text = re.sub(rf"\b(?:{FRAME})(?<=\bif)\s+[^.;!?]*", _wished, text)
    # words set off by commas on both sides drop with them ("put, if you can, the cube ..."); a comma on one side
    # stays, so the clauses on each side stay apart
    return COURTESY.sub(lambda m: " , " if m.group(0).count(",") == 1 else " ", text)


def _unsure(m: re.Match) -> str:
    """The doubt dropped, unless it names an object: what the speaker knows is then how things are ("I know the
    cube is in the bowl, but ..." as "the cube is in the bowl, but ...")."""
    said = re.findall(r"[a-z]+", m.group(2))
    if not any(vocab.kind_of(w) or vocab.color_of(w) for w in said):
        return m.group(1)
    return re.sub(r"^(\W*)(?:(?:so |very |really )?sorry\s*,?\s*)?"
                  r"(?:i know|i realise|i realize|i understand|i am aware)(?: that)?\b", r"\1", m.group(0))


def _wished(m: re.Match) -> str:
    """The sentence after a wish's "if" with its hypothetical verb as "should" ("if the cube sat on the plate")."""
    return re.sub(r"\b(?:went|would go|could go|were to go)\b", "should go",
                  re.sub(r"\b(?:were|was|would be|could be|sat|stood|lay|rested)\b(?=\s+(?:in|on|into|onto|inside|next|"
                         r"beside|behind|near|left|right|in front|at)\b)", "should be", m.group(0)))
