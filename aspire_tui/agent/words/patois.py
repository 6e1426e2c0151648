"""A Jamaican speaker's words: "tek di green block an put it pon di plate", "put all a di block dem inna di
corner", "carry di ball go a di back corner", "leave di crate weh it deh", "nuh lift it". Each Patois word is read
as the English word it stands for, only where it cannot be an English word itself ("a" only before "di")."""

from __future__ import annotations

import re

from sim import vocabulary as vocab

# whole words that are only ever Patois, with the English they stand for
PATOIS_WORDS = {"di": "the", "pon": "on", "inna": "in", "ina": "in", "tek": "take", "den": "then", "odda": "other",
                "adda": "other", "likkle": "little", "lickle": "little", "shif": "shift", "mek": "make",
                "dat": "that", "dis": "this", "ting": "thing", "wid": "with", "yuh": "you", "unu": "you",
                "cyaan": "cannot", "shub": "shove", "ova": "over", "fimi": "my", "badda": "bother",
                "haffi": "have to", "jus": "just",
                "affi": "have to", "nuttin": "nothing", "pickney": "child"}
PATOIS = re.compile(rf"\b(?:{'|'.join(PATOIS_WORDS)})\b")
# words only Patois has: where none is said, the words are English and read as they are
MARKS = re.compile(r"\b(?:di|pon|inna|ina|tek|deh|weh|nuh|dem|odda|adda|likkle|lickle|mek|fi|yuh|haffi|affi|"
                   r"cyaan|shif|unu|shub|gwaan)\b")
# the kinds' words, as a noun before "dem" ("di block dem": the blocks) is one of them
NOUNS = "|".join(sorted({w for words in vocab.KINDS.values() for w in words}, key=vocab.longest_first))


def _plural(m: re.Match) -> str:
    return vocab.plurals(m.group(1))[0]


def patois(text: str) -> str:
    """``text`` (lower case) with its Jamaican Patois said in English."""
    if not MARKS.search(text):  # "can the ball go in the bowl?": English, whose "go" is the verb itself
        return text
    # "..., yuh hear", "..., seen?": a tone, never what is asked
    text = re.sub(r",?\s*\b(?:yuh|you) hear(?: mi| me)?\b\s*\??|,\s*seen\s*\?", " ", text)
    # "mi need", "mi want": I ("mi" only before a verb of wanting, as it is "my" elsewhere)
    text = re.sub(r"\bmi(?= (?:need|want|waan|wan|like|ask|seh)\b)", "i", text)
    text = re.sub(r"\bmi\b(?= (?:block|ball|cube|bowl|plate|tray|crate))", "my", text)
    # "all a di block dem", "in front a di bowl", "go a di corner": "a" before "di" (never English) is "of", or
    # "to" after a verb of going
    text = re.sub(r"\b(go|come|reach|carry it|move it) a (?=di|dat|dem)\b", r"\1 to ", text)
    text = re.sub(r"\b(deh|is|stay|sit|stand) a (?=di\b)", r"\1 at ", text)  # "it deh a di right side": at
    text = re.sub(r"\ba (?=(?:di|dat|dem|dis|it)\b)", "of ", text)
    # "blue block a bottom", "red pon top a dat": at the bottom, on top of it
    text = re.sub(r"\ba (bottom|top|middle)\b", r"at the \1", text)
    # "weh it deh": where it is; "weh deh furthest": that is; "weh nuh red": that is not red
    text = re.sub(r"\bweh (it|dem|dey|they) deh\b", r"where \1 is", text)
    text = re.sub(r"\bweh deh\b", "that is", text)
    text = re.sub(rf"\bweh nuh(?= (?:{'|'.join(vocab.color_words())})\b)", "that is not", text)
    text = re.sub(r"\bweh\b", "that", text)
    # "nuh lift it", "nuh badda move it": do not; "nuh red": not
    text = re.sub(r"\bnuh (?:badda|bother) ", "do not ", text)
    text = re.sub(rf"\bnuh(?= (?:{'|'.join(vocab.color_words())})\b)", "not", text)
    text = re.sub(r"\bnuh\b", "do not", text)
    # "it deh inna di crate": is; "dem deh yah": are here
    text = re.sub(r"\bdeh yah\b", "are here", text)
    text = re.sub(r"\bdeh\b", "is", text)
    # "gwaan put it", "ova deh so": "go on" urging, and "over there" pointing, which ask nothing more
    text = re.sub(r"\bgwaan\b\s*(?:an |and )?", "", text)
    text = re.sub(r"\s*\bova deh(?: so)?\b", "", text)
    text = re.sub(r"\bdem (own|colou?r)\b", r"their \1", text)  # "inna dem own colour bowl", "dem colour bowl"
    text = PATOIS.sub(lambda m: PATOIS_WORDS[m.group(0)], text)
    # "di block dem": the blocks; "put dem inna di bowl": them
    text = re.sub(rf"\b({NOUNS}) dem\b", _plural, text)
    text = re.sub(r"\bdem\b", "them", text)
    # "drag di ball come close": closer; "carry di ball go to di corner", "drive go over": the going is the move's
    text = re.sub(r"\bcome (?:close|near|closer)\b", "closer", text)
    text = re.sub(rf"\b(it|them|{NOUNS}|one) go (?=(?:to|in|into|on|onto|over|by|near|beside)\b)", r"\1 ", text)
    text = re.sub(r"\b(drive|walk|roll|run|head) go\b", r"\1", text)
    # "purple block fi go at the bottom": is to go; "di red an blue block": and (the article only before a vowel)
    text = re.sub(r"\bfi\b", "to", text)
    text = re.sub(r"\ban(?= [b-df-hj-np-tv-z])", "and", text)
    # "weh match im colour": its
    return re.sub(r"\bim(?= (?:own |colou?r\b))", "its", text)
