#!/usr/bin/env python3
"""Convert PETRARCH-2's CAMEO verb dictionary into the events layer's lexicon.

    python3 scripts/convert_petrarch.py [--petrarch DIR] [--cameo2plover FILE] [--out DIR]

Reads ``CAMEO.2.0.txt`` (the verb blocks, their patterns and the synonym sets) and
``cameo2plover.txt`` (CAMEO code -> PLOVER type and mode) from ``../shared/plover`` and
writes two files beside the layer's word lists:

- ``analysis/events/lexicon/petrarch_verbs.tsv``: one row per verb and pattern, the verb's
  lemma, the PLOVER type and mode of its CAMEO code, and what must stand beside it on the
  dependency parse (a particle, the head of its object, prepositional phrases);
- ``analysis/events/lexicon/petrarch_synsets.tsv``: the synonym sets a pattern may name
  (``&WEAPON``), one member's head word a row;
- ``analysis/events/lexicon/agents.tsv``: Phoenix's agent nouns ("riot police", "activist") and
  their CAMEO agent codes, whose first three letters are an actor's sector code (COP, OPP).

What is not taken: patterns with words before the verb (a subject constraint the parse reads
differently), PETRARCH's verb-verb transformations (the layer's own control-verb rules do
that), CAMEO 01 (statements, no PLOVER event) and codes the conversion table leaves out.
CAMEO 02 (appeals) is coded REQUEST, as the PLOVER codebook defines it ("all requests,
demands, and orders"). The data is MIT-licensed (Open Event Data Alliance): the notice
is shipped beside the result as ``PETRARCH-LICENSE.txt``.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PETRARCH = ROOT.parent / "shared" / "plover" / "petrarch2"
DEFAULT_TABLE = ROOT.parent / "shared" / "plover" / "cameo2plover.txt"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "analysis" / "events" / "lexicon"
# the actor names are read by the entity layer, below events: they ship beside its word lists
ENTITY_OUT = ROOT / "src" / "newsgraph" / "analysis" / "entities" / "lexicon"
PARTICLES = frozenset({"up", "out", "off", "down", "back", "away", "over", "in", "on", "forward", "aside", "through"})
APPEAL = ("REQUEST", "")  # CAMEO 02, absent from the conversion table


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from cameo2plover.txt."""
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if m:
            out.setdefault(m.group(1), (m.group(2), (m.group(3) or "").strip()))
    return out


def to_plover(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The PLOVER type and mode of a CAMEO code, through its longest listed prefix."""
    if not code.isdigit():
        return None
    if code.startswith("02"):
        return APPEAL
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return None


def _code(text: str) -> str:
    """The CAMEO code of a bracket ("[190]", "[042:043]", "[:173]"): its active (first) code."""
    parts = [p.strip() for p in text.split(":") if p.strip()]
    return parts[0] if parts else ""


def _head(item: str) -> str:
    """The head word of a pattern item: "{FINANCIAL AID}" -> "aid", "&WEAPON" -> "&weapon"."""
    item = item.strip("{}")
    words = item.replace("_", " ").split()
    return words[-1].lower() if words else ""


@dataclass
class Pattern:
    particle: str
    obj: str
    preps: list[str]  # "for:aid" or "for"
    code: str


def parse_pattern(line: str) -> Pattern | None:
    """A "- * OUT VIEWS (FOR AID) [code] # note" line, or None for one with words before the verb."""
    body = line.split("#", 1)[0]
    m = re.search(r"\[([^\]]*)\]", body)
    if not m:
        return None
    code = _code(m.group(1))
    body = body[: m.start()].lstrip("-").strip()
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    if pre.strip():
        return None
    preps = [p.strip() for p in re.findall(r"\(([^)]*)\)", post)]
    bare = re.sub(r"\([^)]*\)", " ", post)
    items = re.findall(r"\{[^}]*\}|\S+", bare)
    particle, obj = "", ""
    for it in items:
        if not obj and not particle and it.lower() in PARTICLES and len(items) > 1:
            particle = it.lower()
        elif it not in ("^", "$", "+", "%"):
            obj = _head(it)
    prep_cells = []
    for p in preps:
        words = re.findall(r"\{[^}]*\}|\S+", p)
        if not words:
            continue
        prep = words[0].lower().replace("_", " ")
        noun = next((_head(w) for w in words[1:] if w not in ("^", "$", "+", "%")), "")
        if prep.startswith("&"):
            continue
        prep_cells.append(f"{prep}:{noun}" if noun else prep)
    return Pattern(particle, obj, prep_cells, code)


def _verb(line: str) -> tuple[str, str, str] | None:
    """A verb line: (lemma, particle or preposition of a multi-word verb, its own code)."""
    body = line.split("#", 1)[0]
    body = re.sub(r"\{[^}]*\}", " ", body)
    m = re.search(r"\[([^\]]*)\]", body)
    code = _code(m.group(1)) if m else ""
    body = re.sub(r"\[[^\]]*\]", " ", body).strip()
    if not body:
        return None
    word = body.split()[0].lstrip("+").lower()
    parts = [w for w in word.split("_") if w]
    if not parts or not parts[0].isalpha():
        return None
    rest = " ".join(parts[1:])
    return parts[0], rest, code


def convert(petrarch: Path, table_path: Path, out: Path) -> dict[str, int]:
    table = plover_table(table_path)
    lines = (petrarch / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    rows: set[tuple[str, ...]] = set()
    patterns: set[tuple[str, ...]] = set()
    block = ""
    counts = {"blocks": 0, "verbs": 0, "patterns": 0, "patterns_kept": 0, "skipped_pre_verb": 0,
              "skipped_no_plover": 0, "synsets": 0, "synset_words": 0}
    current: str | None = None
    block_code = ""
    verbs: list[tuple[str, str, str]] = []
    for raw in lines:
        line = raw.rstrip()
        if not line or line.startswith("#") or line.startswith("~"):
            if not line:
                current = None if current and current.startswith("&") else current
            continue
        if line.startswith("&"):
            current = line.split()[0].lower()
            synsets[current] = []
            continue
        if current and current.startswith("&") and line.startswith("+"):
            head = _head(line[1:].split("#")[0].strip())
            if head and head not in synsets[current]:
                synsets[current].append(head)
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            counts["blocks"] += 1
            current, block_code, verbs = "block", _code(m.group(2)) if m else "", []
            block = m.group(1).lower() if m else f"block{counts['blocks']}"
            continue
        if current != "block":
            continue
        if line.startswith("-"):
            counts["patterns"] += 1
            pat = parse_pattern(line)
            if pat is None:
                counts["skipped_pre_verb"] += 1
                continue
            coded = to_plover(pat.code, table)
            if coded is None:
                counts["skipped_no_plover"] += 1
                continue
            counts["patterns_kept"] += 1
            rest_preps = sorted({rest for _l, rest, _c in verbs if rest and rest not in PARTICLES})
            preps = list(pat.preps) or rest_preps[:1]
            patterns.add((block, coded[0], coded[1] or "-", pat.particle or "-", pat.obj or "-",
                          ",".join(preps) or "-", pat.code))
            continue
        verb = _verb(line)
        if verb is None:
            continue
        verbs.append(verb)
        counts["verbs"] += 1
        own = verb[2] or block_code
        coded = to_plover(own, table)
        if coded is not None:
            lemma, rest = verb[0], verb[1]
            particle = rest if rest in PARTICLES else "-"
            prep = rest if rest and rest not in PARTICLES else "-"
            rows.add((lemma, block, coded[0], coded[1] or "-", particle, prep, own, "verb" if verb[2] else "block"))
        else:
            rows.add((verb[0], block, "-", "-", verb[1] if verb[1] in PARTICLES else "-",
                      verb[1] if verb[1] and verb[1] not in PARTICLES else "-", "-", "-"))
    used = {part for r in patterns for cell in (r[4], *r[5].split(",")) for part in cell.split(":")
            if part.startswith("&")}
    syn_rows = [(name, w) for name, members in sorted(synsets.items()) for w in members if name in used]
    counts["synsets"] = len({n for n, _ in syn_rows})
    counts["synset_words"] = len(syn_rows)
    counts["verb_rows"] = len(rows)
    counts["verbs_with_a_default"] = len({r[0] for r in rows if r[2] != "-"})
    counts["pattern_rows"] = len(patterns)
    note = ("# Converted from PETRARCH-2's CAMEO.2.0.txt by scripts/convert_petrarch.py; CAMEO codes to\n"
            "# PLOVER through cameo2plover.txt. MIT licence: see PETRARCH-LICENSE.txt. Do not edit by hand.\n")
    out.mkdir(parents=True, exist_ok=True)
    _write_tsv(out / "petrarch_verbs.tsv",
               note + "# lemma: the verb; block: its PETRARCH verb block (patterns are per block); type, mode:\n"
               "# PLOVER of the verb's own code (\"-\": only its patterns code it); particle, prep: the rest of a\n"
               "# multi-word verb (\"ask for\"); cameo: the code; from: \"verb\" when the line of the verb\n"
               "# gives the code, \"block\" when its block header does (coarser: a WordNet set).\n",
               "lemma\tblock\ttype\tmode\tparticle\tprep\tcameo\tfrom", sorted(rows))
    _write_tsv(out / "petrarch_patterns.tsv",
               note + "# block: a verb block of petrarch_verbs.tsv; type, mode: PLOVER; particle: one that\n"
               "# must stand beside the verb; object: the head of its object (&name: a set of\n"
               "# petrarch_synsets.tsv); preps: prepositions, with the head of their object, that must hang\n"
               "# on the verb; cameo: the code.\n",
               "block\ttype\tmode\tparticle\tobject\tpreps\tcameo", sorted(patterns))
    _write_tsv(out / "petrarch_synsets.tsv",
               "# PETRARCH-2 synonym sets (mostly from WordNet) named by petrarch_verbs.tsv: the head word of\n"
               "# each member. Converted by scripts/convert_petrarch.py. MIT licence: see PETRARCH-LICENSE.txt.\n",
               "set\tword", syn_rows)
    shutil.copyfile(petrarch / "LICENSE", out / "PETRARCH-LICENSE.txt")
    return counts


def _write_tsv(path: Path, comment: str, header: str, rows: Iterable[Sequence[str]]) -> None:
    """A tab-separated file: its comment lines, its header, one row a line."""
    with path.open("w", encoding="utf-8") as f:
        f.write(comment + header + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def convert_agents(petrarch: Path, out: Path) -> dict[str, int]:
    """Phoenix.agents.txt -> ``agents.tsv``: an agent noun or phrase ("riot police", "opposition activist")
    and its CAMEO agent code (COP, OPP, GOVMED ...); the macros (!PERSON!, !MINIST!) spelled out."""
    macros: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for raw in (petrarch / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        forms = [m.group(1).strip(), *(m.group(2) or "").split()]
        for form in forms:
            names = [form]
            for macro, fills in macros.items():
                if macro in form:
                    names = [n.replace(macro, fill) for n in names for fill in fills]
            for n in names:
                key = n.replace("_", " ").lower().strip()
                if key and "!" not in key:
                    rows.setdefault(key, m.group(3))
    with (out / "agents.tsv").open("w", encoding="utf-8") as f:
        f.write("# Phoenix agent nouns and their CAMEO agent codes (the first three letters are the sector:\n"
                "# GOV, MIL, COP, REB, OPP, BUS, MED ...). Converted from PETRARCH-2's Phoenix.agents.txt by\n"
                "# scripts/convert_petrarch.py. MIT licence: see PETRARCH-LICENSE.txt. Do not edit by hand.\n")
        f.write("agent\tcode\n")
        for k in sorted(rows):
            f.write(f"{k}\t{rows[k]}\n")
    return {"agents": len(rows), "agent_codes": len(set(rows.values()))}


ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
_ACTOR_NAME = re.compile(r"^([^\[#]+?)\s*(?:\[([^\]]*)\])?\s*(?:#(.*))?$")


def _actor_phrase(raw: str) -> str:
    """A dictionary phrase as words: "NATIONAL_LIBERATION_ARMY_(COLOMBIA)_" -> "national liberation army"."""
    raw = re.sub(r"\([^)]*\)", " ", raw)
    return " ".join(raw.replace("_", " ").lower().split())


def _actor_date(text: str) -> str | None:
    """A restriction's date as YYYYMMDD: YYMMDD read as PETRARCH does (before 30: 20YY), else None."""
    if re.fullmatch(r"\d{8}", text):
        return text
    if re.fullmatch(r"\d{6}", text):
        return ("20" if int(text[:2]) < 30 else "19") + text
    return None


def _actor_code(text: str) -> str | None:
    """A code with its date range: "RUSGOV 991231-080507" -> "RUSGOV@19991231-20080507", ">080508" -> "@20080508-",
    "<..." -> "@-...", a bare code as is; None for a malformed date or the null code "---"."""
    parts = text.split()
    if not parts or not re.fullmatch(r"[A-Z0-9]+", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return code
    rng = parts[1]
    if rng.startswith(">"):
        start, end = _actor_date(rng[1:]), ""
    elif rng.startswith("<"):
        start, end = "", _actor_date(rng[1:])
    elif "-" in rng:
        a, b = rng.split("-", 1)
        start, end = _actor_date(a), _actor_date(b)
    else:
        return None
    if start is None or end is None:
        return None
    return f"{code}@{start}-{end}"


@dataclass
class ActorEntry:
    names: list[str]
    codes: list[str]
    kind: str  # PERSON, ORG or GPE


def _actor_kind(source: str, names: list[str], default: str, note: str) -> str:
    """GPE for a country (a primary of the Countries file coded by a bare country code), PERSON for a
    leader of CountryInfo or a name whose surname alone is a synonym ("Fethullah Gulen", "Gulen"), else ORG."""
    if source == ACTOR_FILES[0] and re.fullmatch(r"[A-Z]{3}", default or ""):
        return "GPE"
    if "countryinfo" in note.lower().replace(" ", ""):
        return "PERSON"
    first = names[0].split()
    if len(first) >= 2 and any(n == first[-1] for n in names[1:]):
        return "PERSON"
    return "ORG"


def read_actor_dictionary(path: Path) -> list[ActorEntry]:
    """The records of a PETRARCH actor dictionary: a primary phrase (its default code in brackets), its
    "+" synonyms, its tab-indented date restrictions. A primary with no code and no restriction of its own
    is one more name of the record before it ("UN_ [IGOUNO]" then "U.N._")."""
    entries: list[ActorEntry] = []
    cur: ActorEntry | None = None
    default, note, codes = "", "", []

    def close() -> None:
        nonlocal cur
        if cur is None:
            return
        cur.codes = [c for c in (_actor_code(x) for x in codes) if c] + ([default] if default else [])
        if not cur.codes and entries:  # no code at all: a further name of the record before it
            entries[-1].names += [n for n in cur.names if n not in entries[-1].names]
        elif cur.codes:
            cur.kind = _actor_kind(path.name, cur.names, default, note)
            entries.append(cur)
        cur = None

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t" and "[" in raw:
            m = re.search(r"\[([^\]]*)\]", raw)
            if m and cur is not None:
                codes.append(m.group(1).strip())
            continue
        if raw.startswith("+"):
            phrase = _actor_phrase(raw[1:].split("#", 1)[0].split("[", 1)[0])
            if cur is not None and phrase and phrase not in cur.names:
                cur.names.append(phrase)
            continue
        m = _ACTOR_NAME.match(raw.strip())
        if not m:
            continue
        close()
        code = (m.group(2) or "").strip()
        default = code if code and re.fullmatch(r"[A-Z0-9]+", code) else ""
        codes = [code] if code and not default else []  # "[IMGMUSISI >20130408]" on the primary line itself
        note = m.group(3) or ""
        phrase = _actor_phrase(m.group(1))
        cur = ActorEntry([phrase] if phrase else [], [], "ORG")
    close()
    return [e for e in entries if e.names]


def convert_actors(petrarch: Path, out: Path) -> dict[str, int]:
    """The three Phoenix actor dictionaries -> ``phoenix_actors.tsv`` beside the entity layer's word lists:
    one row per actor, its names ("|"-separated, lower case), its kind (PERSON, ORG, GPE) and its CAMEO codes
    (country + sector, e.g. RUSGOV), each with the date range it holds for ("RUSGOV@19991231-20080507";
    a code without a range is the default). A name two records claim keeps the first."""
    seen: set[str] = set()
    rows = []
    counts = {"actor_records": 0, "actor_names": 0, "actor_ranges": 0}
    for name in ACTOR_FILES:
        for e in read_actor_dictionary(petrarch / name):
            fresh = [n for n in e.names if n not in seen and "|" not in n]
            if not fresh:
                continue
            seen.update(fresh)
            rows.append(("|".join(fresh), e.kind, " ".join(e.codes)))
            counts["actor_records"] += 1
            counts["actor_names"] += len(fresh)
            counts["actor_ranges"] += sum("@" in c for c in e.codes)
            counts[f"actors_{e.kind}"] = counts.get(f"actors_{e.kind}", 0) + 1
    out.mkdir(parents=True, exist_ok=True)
    _write_tsv(out / "phoenix_actors.tsv",
               "# Phoenix actors (countries, leaders, international and non-state organisations) and their\n"
               "# CAMEO codes (country + sector: RUSGOV), each with the dates it holds for (CODE@from-to, YYYYMMDD,\n"
               "# an open end empty; a code without dates is the default). Converted from PETRARCH-2's\n"
               "# Phoenix.Countries/International/MilNonState.actors.txt by scripts/convert_petrarch.py.\n"
               "# MIT licence: see PETRARCH-LICENSE.txt. Do not edit by hand.\n",
               "names\tkind\tcodes", rows)
    shutil.copyfile(petrarch / "LICENSE", out / "PETRARCH-LICENSE.txt")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    ap.add_argument("--cameo2plover", type=Path, default=DEFAULT_TABLE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--entity-out", type=Path, default=ENTITY_OUT)
    args = ap.parse_args()
    counts = convert(args.petrarch, args.cameo2plover, args.out) | convert_agents(args.petrarch, args.out)
    counts |= convert_actors(args.petrarch, args.entity_out)
    for k, v in counts.items():
        print(f"{k}\t{v}")


if __name__ == "__main__":
    main()
