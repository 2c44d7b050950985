"""Every fenced code block of README.md is run or checked, so the README cannot drift.

Each block is classified by its fence's language and its section:

* ``program``: a Python, TypeScript or Go block of "Try a client against the sandbox", saved
  under the file name the README gives it, and ``runner``: the ``sh`` block right after it,
  executed as written with bash in an empty folder, against a fresh sandbox, with the
  variables the README exports (the documented sandbox URL pointed at the test's sandbox);
* ``python``: any other Python block, executed against the sandbox; a block ending in an
  expression followed by a ``# <value>`` comment must evaluate to that value;
* ``commands``: any other ``sh`` block, command by command: make targets and variables of the
  Makefile, `specpipe` command lines the CLI's own parser accepts, exported variables that are
  the clients' variables with the sandbox's values, `psql` statements that agree with the
  database URL of the block;
* ``layout``: a ``text`` block of paths, each of which exists;
* ``yaml``: a YAML block, loaded by the loader of the file it shows.

The generated READMEs' programs run in the language tests; their install command (one ``sh``
block each) is checked here against the package's manifest.

A block of any other kind fails `test_every_block_is_classified`, so a new block is covered
or the test says so. Cost: about 10 s with a warm Go cache (`tests/toolchains.py`); the
first Go build on a machine compiles the standard library (about a minute).
"""

from __future__ import annotations

import ast
import json
import os
import re
import shlex
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml
from harness import serve
from specs import APIS, ROOT, spec
from toolchains import go_toolchain, node_tools

from specpipe import cli, credentials, diff, ir, sdk
from specpipe.clients import go as goclient
from specpipe.loader import split_pointer

README = ROOT / "README.md"
TRY = "Try a client against the sandbox"
# what the README saves each program of TRY as
PROGRAM_FILES = {"python": "try.py", "ts": "try.ts", "go": "main.go"}
FENCE = re.compile(r"^( *)```([^\n`]*)\n(.*?)^\1```[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    line: int
    section: str  # the `## ` heading the block is under
    language: str
    text: str

    def __str__(self) -> str:
        return f"README.md:{self.line} ({self.language or 'no language'} block in {self.section!r})"


@cache
def blocks() -> tuple[Block, ...]:
    readme = README.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(readme):
        indent, info, body = match.groups()
        before = readme[: match.start()]
        headings = re.findall(r"^## (.+)$", before, re.M)
        text = "".join(line.removeprefix(indent) for line in body.splitlines(keepends=True))
        language = info.split()[0] if info.strip() else ""
        section = headings[-1] if headings else ""
        found.append(Block(before.count("\n") + 1, section, language, text))
    return tuple(found)


def kind(index: int) -> str | None:
    block = blocks()[index]
    if block.section == TRY and block.language in PROGRAM_FILES:
        return "program"
    if block.section == TRY and block.language == "sh" and index and kind(index - 1) == "program":
        return "runner"
    return {"sh": "commands", "python": "python", "text": "layout", "yaml": "yaml"}.get(
        block.language
    )


def of_kind(name: str) -> list[Block]:
    return [block for index, block in enumerate(blocks()) if kind(index) == name]


def test_every_block_is_classified() -> None:
    unclassified = [str(block) for index, block in enumerate(blocks()) if kind(index) is None]
    assert not unclassified, "blocks no check covers (mark the fence's language):\n" + "\n".join(
        unclassified
    )
    kinds = {kind(index) for index in range(len(blocks()))}
    assert kinds == {"program", "runner", "python", "commands", "layout", "yaml"}
    readme = README.read_text(encoding="utf-8")
    assert readme.count("```") == 2 * len(blocks()), "a fence the block pattern does not read"


# ------------------------------------------------------------------ the sandbox, as documented


@cache
def documented_root() -> str:
    """`http://HOST:PORT` of `specpipe serve` with its default host and port."""
    args = cli.build_parser().parse_args(["serve"])
    return f"http://{args.host}:{args.port}"


@cache
def api(name: str) -> ir.Api:
    return ir.build(name, spec(name).document)


@cache
def client_variables() -> dict[str, str | None]:
    """Every variable the clients read → the value that points them at the documented
    sandbox (None where no sandbox value exists, such as `<API>_LOG`)."""
    known: dict[str, str | None] = {}
    for name in APIS:
        known[sdk.environment(api(name), "base url")] = f"{documented_root()}/{name}"
        known[sdk.environment(api(name), "log")] = None
        for credential in credentials.for_api(api(name), tokens=True).credentials:
            known[credential.env] = credential.default
    return known


def test_variables_named_in_the_readme_exist() -> None:
    """Every `<API>_…` or `SANDBOX_<API>_…` variable the README names is one the clients (or,
    with `SANDBOX_`, the sandbox) read."""
    prefixes = "|".join(sdk.environment(api(name), "x")[:-2] for name in APIS)
    named = set(re.findall(rf"\b(?:SANDBOX_)?(?:{prefixes})_[A-Z0-9_]+\b", README.read_text()))
    credential_variables = {
        c.env for name in APIS for c in credentials.for_api(api(name), tokens=True).credentials
    }
    known = set(client_variables()) | {f"SANDBOX_{v}" for v in credential_variables}
    assert named, "the README names the clients' variables"
    assert named <= known, f"not variables of the clients or the sandbox: {sorted(named - known)}"


# ------------------------------------------------------------------ shell commands


def commands(text: str) -> Iterator[list[str]]:
    """The simple commands of a shell block: lines joined at a trailing backslash, comments
    dropped, split at `&&` and `;`."""
    for line in text.replace("\\\n", " ").splitlines():
        words: list[str] = []
        for word in shlex.split(line, comments=True):
            if word in ("&&", ";"):
                if words:
                    yield words
                words = []
            else:
                words.append(word)
        if words:
            yield words


@cache
def makefile() -> tuple[set[str], set[str]]:
    """The Makefile's targets and its `?=` variables."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w-]*):(?!=)", text, re.M))
    variables = set(re.findall(r"^([A-Z_]+) \?=", text, re.M))
    return targets, variables


def exported(block: Block) -> dict[str, str]:
    """NAME → value of every `export NAME=value` of a block, as written."""
    found: dict[str, str] = {}
    for words in commands(block.text):
        if words[0] == "export":
            for assignment in words[1:]:
                name, _, value = assignment.partition("=")
                found[name] = value
    return found


def check_command(words: list[str], block: Block) -> str | None:
    """What is wrong with one command of a shell block, or None."""
    program, args = words[0], words[1:]
    if program == "make":
        targets, variables = makefile()
        for arg in args:
            name, assigns, _ = arg.partition("=")
            if (name not in variables) if assigns else (arg not in targets):
                return f"make: no {'variable' if assigns else 'target'} {name!r} in the Makefile"
        return None
    if program == ".venv/bin/specpipe":
        try:
            cli.build_parser().parse_args(args)
        except cli.UsageError as exc:
            return f"specpipe {shlex.join(args)}: {exc}"
        return None
    if program == "export":
        problems = []
        known = client_variables()
        for assignment in args:
            name, _, value = assignment.partition("=")
            if name == "SPECPIPE":  # the clone's root, where the block is run
                expected: str | None = "$PWD"
            elif name in known:
                expected = known[name]
            else:
                problems.append(f"{name} is no variable of the clients")
                continue
            if value != expected:
                problems.append(f"{name}={value}: the sandbox's value is {expected}")
        return "; ".join(problems) or None
    if words == ["cd", "$(mktemp -d)"]:
        return None
    if program == "psql":
        # the role, password and database it creates are those of the block's database URL
        sql = " ".join(arg for arg in args if arg != "-c")
        url = re.search(r"postgresql://(\w+):([^@]+)@[^/]+/(\w+)", block.text)
        role = re.search(r"CREATE ROLE (\w+) LOGIN PASSWORD '([^']+)'", sql)
        database = re.search(r"CREATE DATABASE (\w+) OWNER (\w+)", sql)
        if url is None or role is None or database is None:
            return "psql: expected CREATE ROLE, CREATE DATABASE and a postgresql:// URL"
        user, password, name = url.groups()
        if (role[1], role[2], database[1], database[2]) != (user, password, name, user):
            return f"psql: role or database differ from the URL's {user}:…/{name}"
        return None
    return f"a command this test does not check: {shlex.join(words)}"


def test_shell_commands_name_what_exists() -> None:
    problems = []
    checked = 0
    for block in of_kind("commands"):
        for words in commands(block.text):
            checked += 1
            problem = check_command(words, block)
            if problem:
                problems.append(f"{block}: {problem}")
    assert not problems, "\n".join(problems)
    assert checked >= 8


def test_the_exports_point_every_client_at_the_sandbox() -> None:
    """The variables exported in TRY are complete: the base URL and every credential of each
    API they configure."""
    (block,) = [b for b in of_kind("commands") if b.section == TRY and exported(b)]
    variables = exported(block)
    configured = [n for n in APIS if sdk.environment(api(n), "base url") in variables]
    assert configured, "the exports configure an API"
    for name in configured:
        needed = credentials.for_api(api(name), tokens=True).defaults()
        assert needed.items() <= variables.items(), name


def test_a_bad_command_is_reported() -> None:
    block = Block(0, "", "sh", "")
    assert check_command(["make", "nothing-of-that-name"], block)
    assert check_command(["make", "contract", "NO_SUCH_VARIABLE=1"], block)
    assert check_command([".venv/bin/specpipe", "serve", "--no-such-flag"], block)
    assert check_command(["export", "VBA_API_TOKEN=sandbox-api-key"], block)
    assert check_command(["export", "VBA_API_KEY=other"], block)
    assert check_command(["rm", "-rf", "/"], block)
    assert check_command(["make", "contract", "CONTRACT_MAX_EXAMPLES=20"], block) is None


# ------------------------------------------------------------------ the programs of TRY


def test_the_programs_run_against_the_sandbox(tmp_path: Path) -> None:
    """Each program of TRY, saved as the README says and run by the block after it in an
    empty folder, creates benefit N and finds N benefits of the plan (the N-th program run
    on a fresh sandbox)."""
    readme = README.read_text(encoding="utf-8")
    everything = list(blocks())
    pairs = [
        (block, everything[index + 1])
        for index, block in enumerate(everything)
        if kind(index) == "program"
    ]
    assert [program.language for program, _ in pairs] == ["python", "ts", "go"]
    assert len(of_kind("runner")) == len(pairs)
    (exports,) = [exported(b) for b in of_kind("commands") if b.section == TRY and exported(b)]
    node_tools()  # fails clearly when Node or the project's tsc is missing
    binary, go_env = go_toolchain()
    with serve() as (root, _):
        env = {**go_env, "npm_config_offline": "true"}
        env["PATH"] = os.pathsep.join([str(Path(binary).parent), env.get("PATH", "")])
        env.update({k: v.replace(documented_root(), root) for k, v in exports.items()})
        env["SPECPIPE"] = str(ROOT)  # `export SPECPIPE=$PWD`, run in the clone's root
        for number, (program, runner) in enumerate(pairs, start=1):
            file = PROGRAM_FILES[program.language]
            assert f"saved as `{file}`" in readme, f"the README names the file of {program}"
            folder = tmp_path / program.language
            folder.mkdir()
            (folder / file).write_text(program.text, encoding="utf-8")
            if program.language == "go":
                gofmt = str(goclient.go_tool("gofmt"))
                unformatted = subprocess.run([gofmt, "-l", file], cwd=folder, capture_output=True)
                assert not unformatted.stdout, f"{program} is not gofmt-clean"
            result = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", runner.text],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            output = result.stdout.strip().splitlines()
            assert result.returncode == 0, f"{runner}:\n{result.stdout}{result.stderr}"
            assert output[-1:] == [f"{number} {number}"], f"{runner}:\n{result.stdout}"


# ------------------------------------------------------------------ other Python blocks


def run_python(text: str, name: str) -> None:
    """Execute a block; when it ends in an expression and a `# <value>` comment, the
    expression must evaluate to that value."""
    tree = ast.parse(text)
    last = text.rstrip().splitlines()[-1]
    namespace: dict[str, object] = {"__name__": name}
    if last.startswith("# ") and tree.body and isinstance(tree.body[-1], ast.Expr):
        expected = ast.literal_eval(last[2:])
        body = ast.Module(body=tree.body[:-1], type_ignores=[])
        exec(compile(body, name, "exec"), namespace)
        value = eval(compile(ast.Expression(tree.body[-1].value), name, "eval"), namespace)
        assert value == expected, f"{name}: {value!r}, the README says {expected!r}"
    else:
        exec(compile(tree, name, "exec"), namespace)


def test_python_blocks_run_against_the_sandbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    python = of_kind("python")
    assert len(python) >= 2
    for name in APIS:
        monkeypatch.syspath_prepend(str(ROOT / "generated" / "python" / name))
    with serve() as (root, _):
        for block in python:
            run_python(block.text.replace(documented_root(), root), str(block))
    printed = capsys.readouterr().out
    assert "404" in printed  # the client block's NotFoundError


def test_a_wrong_expected_value_fails() -> None:
    with pytest.raises(AssertionError, match="the README says"):
        run_python("1 + 1\n# 3\n", "sum")
    run_python("1 + 1\n# 2\n", "sum")


# ------------------------------------------------------------------ layout and YAML


def expand(path: str) -> list[Path]:
    """The files a layout entry names: `<api>` is each API, another `<name>` any folder or
    file, `a.md|html` both."""
    alternatives = [path]
    if "|" in path:
        stem, _, suffixes = path.rpartition(".")
        alternatives = [f"{stem}.{suffix}" for suffix in suffixes.split("|")]
    found: list[Path] = []
    for alternative in alternatives:
        for name in APIS if "<api>" in alternative else [""]:
            pattern = re.sub(r"<[a-z]+>", "*", alternative.replace("<api>", name))
            matches = sorted(ROOT.glob(pattern.rstrip("/"))) if "*" in pattern else []
            found.extend(matches or [ROOT / pattern.rstrip("/")])
    return found


def test_layout_paths_exist() -> None:
    (block,) = of_kind("layout")
    missing = []
    entries = [line.split()[0] for line in block.text.splitlines() if line.strip()]
    assert len(entries) >= 10
    for entry in entries:
        for path in expand(entry):
            exists = path.is_dir() if entry.endswith("/") else path.is_file()
            if not exists:
                missing.append(f"{entry}: {path.relative_to(ROOT)}")
    assert not missing, "\n".join(missing)


def test_yaml_blocks_load_as_what_they_show(tmp_path: Path) -> None:
    yamls = of_kind("yaml")
    assert yamls
    for index, block in enumerate(yamls):
        data = yaml.safe_load(block.text)
        assert isinstance(data, dict) and "acknowledged" in data, f"{block}: which file is this?"
        path = tmp_path / f"breaking-changes-{index}.yaml"
        path.write_text(block.text, encoding="utf-8")
        acknowledged = diff.load_acknowledgements(path)
        assert len(acknowledged) == len(data["acknowledged"])
        for entry in acknowledged:
            # the member it drops belongs to a schema of one of our APIs
            parent = split_pointer(entry.pointer)[:-1]
            assert any(has(spec(name).document, parent) for name in APIS), f"{block}: {entry}"


def has(document: object, keys: list[str]) -> bool:
    for key in keys:
        if not isinstance(document, dict) or key not in document:
            return False
        document = document[key]
    return True


GENERATED_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


@pytest.mark.parametrize("name", APIS)
def test_generated_readmes_install_commands_name_their_package(name: str) -> None:
    """The generated READMEs' programs run in the language tests; their one `sh` block each,
    the install command, names the package as its manifest does (Python: a folder that
    holds its pyproject.toml; TypeScript: the package.json name; Go: the go.mod module and a
    folder that holds it), and every block has a language."""
    import tomllib

    for language, folder in (("python", "python"), ("typescript", "typescript"), ("go", "go")):
        package = ROOT / "generated" / folder / name
        readme = (package / "README.md").read_text(encoding="utf-8")
        fences = GENERATED_FENCE.findall(readme)
        assert fences and all(info for info, _ in fences), f"{package}/README.md"
        shells = [body.strip() for info, body in fences if info == "sh"]
        assert len(shells) == 1, (package, shells)
        words = shlex.split(shells[0])
        if language == "python":
            assert words[:2] == ["pip", "install"], words
            target = ROOT / words[2]
            assert target.resolve() == package.resolve(), words
            project = tomllib.loads((target / "pyproject.toml").read_text(encoding="utf-8"))
            assert project["project"]["name"], target
        elif language == "typescript":
            assert words[:2] == ["npm", "install"], words
            manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
            assert words[2].rsplit("/", 1)[-1] == manifest["name"], (words, manifest["name"])
        else:
            assert words[:3] == ["go", "mod", "edit"], words
            module = re.search(r"^module (\S+)$", (package / "go.mod").read_text(), re.M)
            assert module is not None
            flags = dict(word.removeprefix("-").split("=", 1) for word in words[3:])
            assert flags["require"] == f"{module.group(1)}@v0.0.0", flags
            replaced, path = flags["replace"].split("=", 1)
            assert replaced == module.group(1), flags
            assert path.endswith(f"generated/go/{name}"), flags
