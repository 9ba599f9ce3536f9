"""A corpus of hostile inputs, written by a script: every kind of file and JSONL record that has broken a run.

    python -m tests.hostile OUT_DIR [--scale ci|full]

``ci`` keeps each input small enough for the test suite (``tests/test_hostile.py``);
``full`` gives the worst cases at the sizes that once took minutes and gigabytes
(``bench/bench_hostile.py`` times them). Every text here is made up by this script.
The folder gets ``files/`` (one article each: .txt, .md, .html), ``batch.jsonl`` (every
hostile record between good ones) and ``GOOD`` (the ids of the records that must be kept).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

FIRST = ["Ana", "Boris", "Chloe", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lars",
         "Mina", "Nils", "Olga", "Pavel", "Rosa", "Sami", "Tomas", "Vera"]
SYLLABLES = ["ba", "cor", "del", "fen", "gar", "hol", "ist", "jun", "kel", "lom", "mar", "nov", "ost", "pel",
             "quin", "ros", "sul", "tav", "ur", "vel", "wen", "zor"]
GOOD_TEXT = ("Minister Ana Corvel met the trade envoy Boris Delfen in Lisbon on Tuesday. \"We agreed on the "
             "first steps,\" Corvel said after the talks. Delfen said the two sides would meet again in May.")

SIZES = {
    "ci": {"names": 300, "marks": 3_000, "quotes": 60, "lines": 3_000, "words": 2_500, "dates": 100,
           "long": 24_000, "random": 8_000, "table": 300, "bomb": 2_000},
    "full": {"names": 12_000, "marks": 100_000, "quotes": 8_000, "lines": 200_000, "words": 100_000,
             "dates": 6_700, "long": 990_000, "random": 64_000, "table": 25_000, "bomb": 200_000},
}


def surname(k: int) -> str:
    """A made-up surname, a different one for each ``k``."""
    parts = []
    while True:
        parts.append(SYLLABLES[k % len(SYLLABLES)])
        k //= len(SYLLABLES)
        if k == 0:
            break
    return ("".join(parts) + "in").capitalize()


def person(k: int) -> str:
    return f"{FIRST[k % len(FIRST)]} {surname(k)}"


def names_text(n: int) -> str:
    return " ".join(f"{person(k)} spoke with {person(k + 1)} in Lisbon." for k in range(0, n, 2))


def quotes_text(n: int) -> str:
    return " ".join(f"\"We will keep talking about point {k},\" said {person(k)}. {person(k + 7)} said the "
                    f"plan was \"not ready\" yet." for k in range(n))


def dates_text(n: int) -> str:
    months = ["January", "March", "May", "July", "September", "November"]
    return " ".join(f"On {1 + k % 28} {months[k % 6]} {1990 + k % 35} and last Tuesday, three weeks later, "
                    f"the council met." for k in range(n))


def long_text(chars: int) -> str:
    """A long, ordinary article: paragraphs of plain news sentences."""
    paragraphs = []
    k = 0
    size = 0
    while size < chars:
        p = (f"{person(k)}, the mayor of Porto, said on Monday that the port would reopen. \"It is a good day,\" "
             f"{surname(k)} told reporters. The council of Braga criticised {person(k + 3)} over the budget "
             f"in 2024.")
        paragraphs.append(p)
        size += len(p) + 2
        k += 1
    return "\n\n".join(paragraphs)[:chars]


def html_page(body: str, title: str = "Harbour talks") -> str:
    return f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>{body}</article></body></html>"


def files(scale: str) -> dict[str, bytes]:
    """Each hostile article file: its name and bytes."""
    z = SIZES[scale]
    rng = random.Random(16)
    good = GOOD_TEXT.encode("utf-8")
    table_rows = "".join(f"<tr><td>{person(k)}</td><td>{k}</td><td>Porto</td></tr>" for k in range(z["table"]))
    entity = "&amp;" * z["bomb"]
    doctype_bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;'
                    '&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
                    '&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3;</p><p>' + GOOD_TEXT + "</p></body></html>")
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n   \n",
        "random-bytes.txt": rng.randbytes(z["random"]),
        "invalid-utf8.txt": good[:40] + b"\xff\xfe\xc3\x28" + good[40:],
        "utf8-bom.txt": b"\xef\xbb\xbf" + good,
        "utf16-bom.txt": GOOD_TEXT.encode("utf-16"),
        "utf32-bom.txt": GOOD_TEXT.encode("utf-32"),
        "nul-early.txt": good[:10] + b"\x00" + good[10:],
        "nul-late.txt": good * 60 + b"\x00" + good,
        "rtl.txt": ("وزير الخارجية قال إن المحادثات ستستمر. " + "השר אמר כי השיחות יימשכו. " + GOOD_TEXT).encode(),
        "emoji-zwj.txt": ("👩‍👩‍👧‍👦 " * 50 + "Ana\u200dCorvel met Boris\u200c Delfen 🇵🇹. " + GOOD_TEXT).encode(),
        "control-chars.txt": ("".join(chr(c) for c in range(1, 32) if c not in (10, 13)) + GOOD_TEXT * 4
                              + "\x1b[31m red \x1b[0m \u202e reversed \u202c \x7f").encode(),
        "script-only.html": b"<html><head><script>var a = 1;</script></head><body><script>alert(1)</script>"
                            b"</body></html>",
        "entity-bomb.html": html_page(f"<p>{entity}</p><p>{GOOD_TEXT}</p>").encode(),
        "doctype-bomb.html": doctype_bomb.encode(),
        "big-table.html": html_page(f"<p>{GOOD_TEXT}</p><table>{table_rows}</table>").encode(),
        "names.txt": names_text(z["names"]).encode(),
        "quote-marks.txt": b'"' * z["marks"],
        "quotes.txt": quotes_text(z["quotes"]).encode(),
        "lines-of-a.txt": b"a\n" * z["lines"],
        "no-punctuation.txt": " ".join(["talks", "between", "the", "two", "sides", "resumed", "in", "Porto",
                                        "council"][k % 9] for k in range(z["words"])).encode(),
        "dates.txt": dates_text(z["dates"]).encode(),
        "long-article.md": long_text(z["long"]).encode(),
        "one-huge-token.txt": b"x" * min(z["long"], 1_500_000),
        "over-the-limit.txt": b"word " * 420_000,
    }


def records(scale: str) -> list[str]:
    """The lines of the hostile JSONL batch (good records first, last and between)."""
    z = SIZES[scale]

    def good(i: str) -> str:
        return json.dumps({"id": i, "text": GOOD_TEXT.replace("Lisbon", f"Lisbon ({i})"), "published": "2025-03-04"})

    body = json.dumps(GOOD_TEXT)[1:-1]
    bad = [
        '{"id": "surrogate", "text": "Ana Corvel said \\ud800 yes. ' + body + '"}',
        '{"id": "nul-escaped", "text": "Ana\\u0000 Corvel spoke. ' + body + '"}',
        '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": ' + "7" * 5_000 + ', "text": "' + body + '"}',
        '{"id": "big-float", "text": "x", "published": 1e999}',
        json.dumps({"id": "text-number", "text": 42}),
        json.dumps({"id": "text-null", "text": None}),
        json.dumps({"id": "text-list", "text": [GOOD_TEXT]}),
        json.dumps({"id": "text-object", "text": {"body": GOOD_TEXT}}),
        json.dumps({"id": {"nested": 1}, "text": GOOD_TEXT + " (object id)"}),
        json.dumps({"id": ["a", "b"], "text": GOOD_TEXT + " (list id)"}),
        json.dumps({"id": True, "text": GOOD_TEXT + " (bool id)"}),
        json.dumps({"id": "", "text": GOOD_TEXT + " (empty id)"}),
        json.dumps({"id": "dup", "text": GOOD_TEXT + " (first dup)"}),
        json.dumps({"id": "dup", "text": GOOD_TEXT + " (second dup)"}),
        json.dumps({"id": "published-number", "text": GOOD_TEXT, "published": 20250304}),
        json.dumps({"id": "published-bad", "text": GOOD_TEXT, "published": "2025-13-45"}),
        json.dumps({"id": "published-words", "text": GOOD_TEXT, "published": "yesterday"}),
        json.dumps({"id": "title-object", "text": GOOD_TEXT + " (title object)", "title": {"a": 1}}),
        json.dumps({"id": "empty-text", "text": ""}),
        json.dumps({"id": "blank-text", "text": " \n\t "}),
        json.dumps(["not", "an", "object"]),
        json.dumps("a string"),
        "null",
        "{not json at all",
        '{"id": "trailing", "text": "x"} extra',
        *([json.dumps({"id": "names", "text": names_text(z["names"])}),
           json.dumps({"id": "quote-marks", "text": '"' * z["marks"]}),
           json.dumps({"id": "long", "text": long_text(z["long"])})] if scale == "full" else []),
        json.dumps({"id": "over-limit", "text": "word " * 420_000}),
        json.dumps({"id": "rtl-emoji", "text": "👩‍👩‍👧 مرحبا " + GOOD_TEXT}),
        json.dumps({"id": "huge-line", "text": "word " * (10_000_000 if scale == "full" else 1_000_000)}),
    ]
    lines = [good("good-first")]
    for k, b in enumerate(bad):
        lines.append(b)
        if k % 6 == 5:
            lines.append(good(f"good-{k}"))
    lines.append(good("good-last"))
    return lines


def write(folder: Path, scale: str = "ci") -> Path:
    """Write the corpus into ``folder``; the folder."""
    (folder / "files").mkdir(parents=True, exist_ok=True)
    for name, data in files(scale).items():
        (folder / "files" / name).write_bytes(data)
    lines = records(scale)
    with (folder / "batch.jsonl").open("wb") as f:
        f.write(b"\xef\xbb\xbf")  # a UTF-8 BOM before line 1 must not lose it
        for line in lines:
            f.write(line.encode("utf-8", "surrogatepass") + b"\n")
        f.write(b'{"id": "raw-nul", "text": "Ana Corvel\x00 met Boris Delfen in Porto."}\n')
        f.write(b'{"id": "bad-utf8", "text": "\xff\xfe Ana"}\n')
        f.write((json.dumps({"id": "good-after-raw", "text": GOOD_TEXT + " (after raw bytes)"}) + "\n").encode())
    good_ids = [json.loads(line)["id"] for line in lines if line.startswith('{"id": "good-')] + ["good-after-raw"]
    (folder / "GOOD").write_text("\n".join(good_ids) + "\n", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--scale", choices=sorted(SIZES), default="ci")
    args = parser.parse_args()
    print(write(args.folder, args.scale))


if __name__ == "__main__":
    main()
