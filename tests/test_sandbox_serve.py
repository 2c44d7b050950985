"""`specpipe serve`: base URLs printed, clean stop on Ctrl-C, one-line usage errors."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from specpipe.sandbox import free_port

SERVE = [sys.executable, "-m", "specpipe", "serve"]


def test_serves_every_api_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [*SERVE, "--port", str(port), "--db", str(tmp_path / "db.sqlite")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Serving"):
                break
        urls = {line.split()[0]: line.split()[1] for line in lines[:4]}
        assert urls == {
            api: f"http://127.0.0.1:{port}/{api}"
            for api in ("calendar", "lsatlas", "opendental", "vba")
        }
        answer = httpx.post(
            f"{urls['calendar']}/api/Calendar/PatientAppointmentPost_v2", json={}, timeout=10
        )
        assert answer.status_code == 400
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "stopped" in out
    assert (tmp_path / "db.sqlite").is_file()


def test_port_in_use_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run(
            [*SERVE, "--port", str(port), "--db", ":memory:"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    assert result.stderr == f"specpipe: error: port {port} on 127.0.0.1 is already in use\n"


def test_bad_flag_is_one_line_and_exit_2() -> None:
    result = subprocess.run([*SERVE, "--port", "99999"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr.startswith("specpipe: error: ") and result.stderr.count("\n") == 1


def test_unknown_credential_is_one_line_and_exit_2() -> None:
    result = subprocess.run(
        [*SERVE, "--db", ":memory:", "--credential", "NO_SUCH_KEY=x"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("specpipe: error: --credential: unknown credential")
    assert result.stderr.count("\n") == 1 and "VBA_API_KEY" in result.stderr


def test_a_bundled_spec_that_is_not_yaml_is_one_line_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("paths: [unclosed\n", encoding="utf-8")
    for command in (SERVE, [sys.executable, "-m", "specpipe", "contract", "--sandbox"]):
        result = subprocess.run(
            [*command, "--bundled-dir", str(tmp_path)], capture_output=True, text=True, timeout=30
        )
        assert result.returncode == 1, command
        assert (
            result.stderr
            == f"specpipe: error: {tmp_path / 'broken.yaml'}: not valid YAML (line 2)\n"
        )


def test_a_database_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [*SERVE, "--port", "0", "--db", str(tmp_path)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == f"specpipe: error: cannot open the database {tmp_path}: unable to open database file\n"
    )
