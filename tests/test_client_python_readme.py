"""The generated Python READMEs run as written: every ``python`` code block of each API's
README is executed against the sandbox, with the credentials and the base URL taken from the
environment as a user sets them (``<API>_<CREDENTIAL>``, ``<API>_BASE_URL``)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

import pytest
import yaml
from harness import FailOnce, serve
from specs import APIS, ROOT

from specpipe import credentials, ir, sdk

BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[tuple[str, FailOnce]]:
    with serve() as (root, app):
        yield root, app


@pytest.mark.parametrize("name", APIS)
def test_readme_blocks_run_against_the_sandbox(
    name: str,
    sandbox: tuple[str, FailOnce],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, _ = sandbox
    bundle = ROOT / "generated" / "bundled" / f"{name}.yaml"
    api = ir.build(name, yaml.load(bundle.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    for variable, value in credentials.for_api(api).defaults().items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv(sdk.environment(api, "base url"), f"{root}/{name}")
    monkeypatch.syspath_prepend(str(ROOT / "generated" / "python" / name))
    readme = (ROOT / "generated" / "python" / name / "README.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(readme)
    assert len(blocks) >= 3
    for index, block in enumerate(blocks):
        code = compile(block, f"{name}/README.md block {index + 1}", "exec")
        exec(code, {"__name__": f"readme_{name}_{index}"})
    printed = capsys.readouterr().out
    assert printed  # the blocks print what they got
    assert "Traceback" not in printed
    sys.modules.pop("readme", None)
