"""The layer table of ARCHITECTURE.md is the contract: no module imports what its row forbids.

Each row names a module of `tools/specpipe/` and what it may import. Only imports of the
pipeline's own modules are checked (the third-party libraries a row names are documentation).
`everything above` allows every module of a lower layer; `sandbox.*` the sandbox's modules;
`naming` its submodules too. The subcommand modules of `cli.EXTENSION_COMMANDS` may import
`cli` (inside their handlers), and so may the modules of a subcommand package. Every module
of the package must have a row.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from specpipe.cli import EXTENSION_COMMANDS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tools" / "specpipe"
ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*`([^`]+)`(?:,\s*`([^`]+)`)*\s*\|[^|]*\|\s*([^|]*)\|\s*$")


def _rows() -> dict[str, tuple[int, set[str], bool]]:
    """module -> (layer, allowed modules, allows everything above)."""
    rows: dict[str, tuple[int, set[str], bool]] = {}
    for line in (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or not re.match(r"^\|\s*\d", line):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        layer, modules, _, allowed = int(cells[0]), cells[1], cells[2], cells[-1]
        names = re.findall(r"`([^`]+)`", modules)
        permitted = {part.strip() for part in allowed.split(",")}
        for name in names:
            rows[name] = (layer, permitted, "everything above" in allowed)
    return rows


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in relative.parts if p != "__init__"]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The specpipe modules ``path`` imports (at any depth of the file)."""
    found: set[str] = set()
    package = _module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else ""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name[9:] for a in node.names if a.name.startswith("specpipe."))
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: max(0, len(package.split(".")) - node.level + 1)]
                module = ".".join([*filter(None, base), module]) if module else ".".join(base)
            elif module.startswith("specpipe."):
                module = module[9:]
            elif module == "specpipe":
                module = ""
            else:
                continue
            for alias in node.names:
                full = f"{module}.{alias.name}".strip(".")
                found.add(
                    full
                    if (PACKAGE / full.replace(".", "/")).exists()
                    or (PACKAGE / (full.replace(".", "/") + ".py")).exists()
                    else module
                )
    return {name for name in found if name}


def _allowed(
    target: str,
    permitted: set[str],
    above: bool,
    layer: int,
    rows: dict[str, tuple[int, set[str], bool]],
) -> bool:
    for name in permitted:
        if target == name or (name.endswith(".*") and target.startswith(name[:-1])):
            return True
        if target.startswith(name + "."):  # `naming` allows naming.python
            return True
    owner = _owner(target, rows)
    return above and owner is not None and rows[owner][0] < layer


def _owner(target: str, rows: dict[str, tuple[int, set[str], bool]]) -> str | None:
    candidates = [name for name in rows if target == name or target.startswith(name + ".")]
    return max(candidates, key=len) if candidates else None


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ("__main__.py",))


def test_every_module_has_a_row() -> None:
    rows = _rows()
    missing = [
        _module_name(p)
        for p in MODULES
        if _module_name(p) and _owner(_module_name(p), rows) is None
    ]
    assert not missing, f"ARCHITECTURE.md has no row for: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p) or "specpipe")
def test_imports_follow_the_layer_table(path: Path) -> None:
    rows = _rows()
    name = _module_name(path)
    owner = _owner(name, rows)
    if owner is None:
        pytest.skip("the package itself")
    layer, permitted, above = rows[owner]
    dotted = "specpipe." + name
    extension = any(dotted == m or dotted.startswith(m + ".") for m in EXTENSION_COMMANDS)
    wrong = sorted(
        target
        for target in _imports(path)
        if _owner(target, rows) != owner
        and not (extension and target == "cli")
        and not _allowed(target, permitted, above, layer, rows)
    )
    assert not wrong, f"{name} (layer {layer}) imports {wrong}; its row allows {sorted(permitted)}"
