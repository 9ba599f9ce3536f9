"""Text made safe to compare and to print: names normalised, terminal escape sequences and controls taken out.

An article may hold anything: zero-width characters inside a name ("Vla\u200bdimir"),
ANSI colours, a window-title (OSC) sequence, bidirectional overrides. Names are
normalised (``normal_name``) before they are grouped or resolved, so one person stays
one actor; everything printed to a terminal goes through ``printable``, so an article
can never drive the user's terminal. The article text itself is never changed (its
offsets are the evidence).
"""

from __future__ import annotations

import re
import unicodedata

# Escape sequences as terminals read them: CSI (ESC [ or U+009B ... final byte), OSC/DCS/APC/PM/SOS strings
# (up to BEL or ST), and the two-character ESC sequences.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?")
# Controls (C0 but tab and newline, DEL, C1), and the invisible format characters: soft hyphen, zero-width
# space and joiners, direction marks and overrides, word joiner, byte-order mark.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_LINE_BREAKS = re.compile(r"[\t\n\u2028\u2029]")


def printable(text: str, one_line: bool = False) -> str:
    """``text`` with every escape sequence, control character and direction override taken out.

    ``one_line`` also turns line breaks and tabs into spaces, for a line of a listing.
    """
    if text.isascii() and text.isprintable():
        return text
    text = _INVISIBLE.sub("", _CONTROL.sub("", _SEQUENCE.sub("", text)))
    return _LINE_BREAKS.sub(" ", text) if one_line else text


def normal_name(text: str) -> str:
    """A name as it is compared and shown: NFC, no escape sequences, controls or invisible characters."""
    if text.isascii() and text.isprintable():
        return text
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", _CONTROL.sub(" ", _SEQUENCE.sub("", text))))
