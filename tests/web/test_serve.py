"""``newsgraph serve``: clear errors for a missing or foreign database and a busy port; a real start."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from newsgraph.cli.main import cli


def _serve(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["serve", *args])
    return result.exit_code, result.output


def test_missing_and_foreign_databases_are_refused(tmp_path: Path) -> None:
    code, out = _serve("--db", str(tmp_path / "none.db"))
    assert code == 2 and "no corpus database at" in out and "newsgraph ingest" in out
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    code, out = _serve("--db", str(other))
    assert code == 2 and "is not a newsgraph corpus database" in out
    assert not (tmp_path / "none.db").exists()  # nothing was created


def test_a_port_in_use_is_named(store_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out = _serve("--db", str(store_path), "--port", str(port))
    assert code == 2 and f"port {port} on 127.0.0.1 is in use" in out and "--port" in out


def test_serves_on_localhost_until_stopped(store_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    newsgraph = [sys.executable, "-c", "from newsgraph.cli.main import main; main()"]
    proc = subprocess.Popen([*newsgraph, "serve", "--db", str(store_path), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline, answer = time.monotonic() + 60, None
        while answer is None and time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/actor/Zelensky", timeout=5)
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer is not None and answer.status_code == 200
        assert answer.json()["name"] == "Volodymyr Zelensky"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "(read only) at http://127.0.0.1:" in err
