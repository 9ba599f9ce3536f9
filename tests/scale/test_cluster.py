"""A real Dask cluster on 127.0.0.1 (a ``dask scheduler`` and two ``dask worker`` processes) against one process.

Short invented articles, so the tests stay quick; the workers load the real model.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")

from distributed import Client

from newsgraph.cli.main import cli
from newsgraph.model import Document
from newsgraph.scale.runner import analyze_on_cluster
from tests.processes import kill_once_written

DASK = Path(sys.executable).parent / "dask"
PEOPLE = ["Ilse Varga", "Tomas Odell", "Mirela Kask", "Anton Brevik", "Sara Lindqvist", "Oskar Pell"]
PLACES = ["Tallinn", "Oslo", "Riga", "Vilnius", "Helsinki", "Gdansk"]


def article(k: int) -> str:
    a, b, where = PEOPLE[k % 6], PEOPLE[(k + 1) % 6], PLACES[k % 6]
    return (f"{a}, the foreign minister, met {b} in {where} on Tuesday to discuss the harbour dispute. "
            f"\"We agreed to meet again in March,\" {a.split()[1]} said after the talks. "
            f"{b} accused the port authority of delaying the inspections for {k + 2} weeks.")


def corpus(path: Path, n: int = 14) -> Path:
    lines = [json.dumps({"id": f"a{k}", "text": article(k), "published": "2026-03-1" + str(k % 10)})
             for k in range(n)]
    lines.insert(5, "{not json")
    lines.insert(9, json.dumps({"id": "empty", "text": "  "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a scheduler with two one-thread workers, all on 127.0.0.1, stopped after the module."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed")
    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    log = (logs / "log").open("w")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": log}
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard"], **quiet)]  # type: ignore[call-overload]
    procs += [subprocess.Popen([str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard",
                                "--host", "127.0.0.1"], **quiet)  # type: ignore[call-overload]
              for _ in range(2)]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        log.close()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr


def test_analyze_on_the_cluster_equals_one_process_record_for_record(scheduler: str, tmp_path: Path) -> None:
    source = corpus(tmp_path / "docs.jsonl")
    code, _ = run("analyze", str(source), "--output", str(tmp_path / "one.jsonl"), "-q")
    assert code == 1  # the bad line and the empty text are error records, in both runs
    code, said = run("analyze", str(source), "--output", str(tmp_path / "dask.jsonl"), "-q",
                     "--scheduler", scheduler, "--batch-size", "3")
    assert code == 1, said
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()
    scaled = (tmp_path / "dask.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(one) == 16
    for a, b in zip(one, scaled, strict=True):
        assert json.loads(a) == json.loads(b)
    assert any(e["name"] == "Ilse Varga" for e in json.loads(scaled[0])["entities"])


def test_ingest_on_the_cluster_stores_what_one_process_stores(scheduler: str, tmp_path: Path) -> None:
    from newsgraph import Store

    source = corpus(tmp_path / "docs.jsonl", n=8)
    assert run("ingest", str(source), "--db", str(tmp_path / "one.db"), "-q")[0] == 1
    code, said = run("ingest", str(source), "--db", str(tmp_path / "dask.db"), "-q", "--scheduler", scheduler)
    assert code == 1 and "8 added, 0 already stored, 2 skipped" in said
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "dask.db") as scaled:
        assert scaled.actors() == one.actors()
    assert "0 added, 8 already stored" in run("ingest", str(source), "--db", str(tmp_path / "dask.db"), "-q",
                                              "--scheduler", scheduler)[1]


def test_a_worker_killed_mid_run_loses_nothing(scheduler: str) -> None:
    docs = [Document(id=f"k{k}", text=article(k)) for k in range(24)]
    with Client(scheduler, timeout=30) as client:
        client.wait_for_workers(2, timeout=120)
        pids: dict[str, int] = client.run(os.getpid)
        results = analyze_on_cluster(client, docs, batch_size=2, in_flight=6)
        out = [next(results)]
        busy = [w for w, keys in client.processing().items() if keys]
        os.kill(pids[busy[0] if busy else next(iter(pids))], signal.SIGKILL)
        out += list(results)
        assert [r["document"]["id"] for r in out] == [d.id for d in docs]
        assert not [r for r in out if "error" in r]
        client.wait_for_workers(2, timeout=120)  # the nanny has started a new one, for the next test


def test_ctrl_c_stops_the_run_and_leaves_the_cluster_clean(scheduler: str, tmp_path: Path) -> None:
    # enough articles that the run cannot end before the interrupt on a loaded machine (the client may take
    # seconds to connect); the interrupt goes as soon as a task runs or a line is written
    source = corpus(tmp_path / "docs.jsonl", n=400)
    out = tmp_path / "out.jsonl"
    cmd = [str(Path(sys.executable).parent / "newsgraph"), "analyze", str(source), "-o", str(out),
           "-q", "--scheduler", scheduler, "--batch-size", "1"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    with Client(scheduler, timeout=30) as client:
        deadline = time.monotonic() + 120
        while not (any(client.processing().values()) or (out.exists() and out.stat().st_size)) \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "interrupted" in err and "Traceback" not in err
        deadline = time.monotonic() + 30
        while any(client.processing().values()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(client.processing().values())  # the run's tasks were released
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line) for line in lines)  # whole lines only
    assert len(lines) < 400  # stopped mid-run


def test_a_killed_run_resumed_on_the_cluster_gives_the_one_process_output(scheduler: str, tmp_path: Path) -> None:
    source = corpus(tmp_path / "docs.jsonl", n=60)
    out = tmp_path / "out.jsonl"
    cmd = [str(Path(sys.executable).parent / "newsgraph"), "analyze", str(source), "-o", str(out), "-q",
           "--scheduler", scheduler, "--batch-size", "2"]
    kept = kill_once_written(cmd, out, 9000).count("\n")
    assert 0 < kept < 62  # stopped mid-run
    code, said = run("analyze", str(source), "-o", str(out), "-q", "--scheduler", scheduler, "--batch-size", "3",
                     "--resume")
    assert code in (0, 1) and f"{kept} kept from the earlier run" in said, said
    assert run("analyze", str(source), "-o", str(tmp_path / "one.jsonl"), "-q")[0] == 1
    one = (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()
    resumed = out.read_text(encoding="utf-8").splitlines()
    assert len(resumed) == 62
    assert [json.loads(x) for x in resumed] == [json.loads(x) for x in one]


def test_a_local_cluster_runs_quiet_workers_with_the_model_ready(tmp_path: Path) -> None:
    import dask

    from newsgraph.scale import analyze_jsonl_on, open_cluster

    source = corpus(tmp_path / "docs.jsonl", n=4)
    assert run("analyze", str(source), "-o", str(tmp_path / "one.jsonl"), "-q")[0] == 1

    def look() -> dict[str, object]:
        from newsgraph.analysis.nlp import load_model
        from newsgraph.analysis.pipeline import prepare_stages

        return {"trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"), "omp": os.environ.get("OMP_NUM_THREADS"),
                "tick": dask.config.get("distributed.admin.tick.interval"),
                "loaded": load_model.cache_info().currsize, "prepared": prepare_stages.cache_info().currsize}

    with open_cluster(workers=1) as client:
        (seen,) = client.run(look).values()
        with (tmp_path / "dask.jsonl").open("w", encoding="utf-8") as out:
            analyze_jsonl_on(client, source, out, batch_size=2, show_progress=False)
    assert seen == {"trim": None, "omp": "1", "tick": "1s", "loaded": 1, "prepared": 1}
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_a_plain_run_never_imports_dask(tmp_path: Path) -> None:
    source = corpus(tmp_path / "docs.jsonl", n=1)
    code = ("import sys; from newsgraph.cli.main import main; sys.argv = ['newsgraph', 'analyze', sys.argv[1], "
            "'-q', '-o', sys.argv[2]]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'newsgraph.scale')))")
    out = subprocess.run([sys.executable, "-c", code, str(source), str(tmp_path / "out.jsonl")],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    assert out.strip() == "[]"


def test_bad_scale_options_say_so_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsgraph.scale.cluster.CONNECT_TIMEOUT_S", 2)
    source = corpus(tmp_path / "docs.jsonl", n=1)
    code, said = run("analyze", str(source), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "not both" in said
    code, said = run("analyze", str(source), "--workers", "0")
    assert code == 2
    code, said = run("analyze", str(source), "--scheduler", f"tcp://127.0.0.1:{free_port()}")
    assert code == 2 and "cannot reach the Dask scheduler" in said and "Traceback" not in said
