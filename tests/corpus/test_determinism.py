"""The same articles in the same order give byte-identical stores, queries and exports, run after run.

Set iteration order changes with Python's hash seed (``PYTHONHASHSEED``), so the
stores are also built in child processes under different seeds and compared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsgraph import Store
from tests.corpus.corpus_cases import digest, dump, varied_corpus
from tests.paths import ROOT, SAMPLE

FORMATS = ("plover", "gdelt", "gexf", "graphml", "neo4j")


def fingerprint(db: Path, out: Path) -> dict[str, str]:
    """Digests of the store's rows, every export and every query's JSON."""
    prints: dict[str, str] = {}
    with Store(db) as store:
        prints["store"] = digest(dump(store.conn))
        for fmt in FORMATS:
            target = store.export(fmt, out / f"export-{fmt}")
            files = sorted(target.iterdir()) if target.is_dir() else [target]
            prints[fmt] = digest(b"".join(f.name.encode() + f.read_bytes() for f in files))
        people = [a["name"] for a in store.actors(type="PERSON")]
        answers = {"actors": store.actors(), "events": store.events(), "timeline": store.timeline(),
                   "quotes": store.quotes(), "network": store.network(),
                   "files": [store.actor(p) for p in people],
                   "paths": [store.path(a, b) for a in people[:4] for b in people[:4]]}
        prints.update({k: digest(json.dumps(v, ensure_ascii=False)) for k, v in answers.items()})
    return prints


def build(db: Path) -> None:
    with Store(db) as store:
        for analysis in varied_corpus():
            store.add([analysis])


def test_two_ingests_of_the_same_articles_are_byte_identical(tmp_path: Path) -> None:
    prints = []
    for n in (1, 2):
        folder = tmp_path / str(n)
        folder.mkdir()
        build(folder / "c.db")
        prints.append(fingerprint(folder / "c.db", folder))
    assert prints[0] == prints[1]


_CHILD = """
import json, sys
from pathlib import Path
from tests.corpus.test_determinism import build, fingerprint
folder = Path(sys.argv[1])
build(folder / "c.db")
print(json.dumps(fingerprint(folder / "c.db", folder)))
"""


def _child(code: str, folder: Path, seed: str, *args: str) -> str:
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", code, str(folder), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    outputs = {seed: json.loads(_child(_CHILD, tmp_path / seed, seed)) for seed in ("0", "1", "4242")}
    assert outputs["0"] == outputs["1"] == outputs["4242"]


_INGEST = """
import json, sys
from pathlib import Path
from newsgraph import Store
from tests.corpus.test_determinism import fingerprint
folder = Path(sys.argv[1])
with Store(folder / "c.db") as store:
    store.ingest([sys.argv[2]], published="2026-03-12")
print(json.dumps(fingerprint(folder / "c.db", folder)))
"""


def test_the_real_model_ingests_the_same_under_two_hash_seeds(tmp_path: Path) -> None:
    """The analysis too: which entity a role is "of" once came from iterating over a set."""
    outputs = {seed: json.loads(_child(_INGEST, tmp_path / seed, seed, str(SAMPLE))) for seed in ("1", "2")}
    assert outputs["1"] == outputs["2"]
