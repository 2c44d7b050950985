"""The credentials of an API, as its security schemes declare them.

A security scheme names its credentials in `x-credentials.template`, a string whose `{name}`
placeholders are the credentials and whose other text is literal (for example
`'Token {developerKey}/{customerKey}'`). Without the extension, an `http basic` scheme takes
`username` and `password` (`{username}:{password}`), any other scheme one credential named
after the scheme. A credential's environment variable is the one the generated Python client
reads (`naming.python.environment_variable`: `<API>_<CREDENTIAL>`); the other clients name
their options and variables from the credential names (`specpipe.naming.<language>`).

What goes on the wire is the template filled with the credential values: as is for an
`apiKey` scheme (in its header, query parameter or cookie), after `Bearer ` for `http
bearer`, base64-encoded after `Basic ` for `http basic`, after the scheme's own name and a
space for any other `http` scheme (`Authorization: <scheme> <value>`).

`oauth2` and `openIdConnect` schemes are listed only when a caller asks for tokens
(`for_api(api, tokens=True)`): a client that takes a token obtained elsewhere sends it after
`Bearer ` in the `Authorization` header. `mutualTLS` never has a credential here.

A scheme's `x-sandbox.defaults` (credential name → value) gives the local values the sandbox
accepts and the contract suite sends to it when nothing else is configured.

The sandbox, the contract suite and the three client generators all read credentials here.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from specpipe import ir
from specpipe.naming import python as py

__all__ = [
    "ApiCredentials",
    "Credential",
    "SchemeCredentials",
    "for_api",
    "for_document",
    "parse_assignments",
    "placeholders",
    "segments",
    "template",
]

PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
SUPPORTED_TYPES = ("apiKey", "http")
TOKEN_TYPES = ("oauth2", "openIdConnect")


def template(scheme: ir.SecurityScheme) -> str:
    """The credential template of a scheme (without the `Bearer `/`Basic ` prefix)."""
    extension = scheme.extensions.get("x-credentials")
    declared = extension.get("template") if isinstance(extension, Mapping) else None
    if isinstance(declared, str):
        return declared
    if scheme.type == "http" and scheme.scheme == "basic":
        return "{username}:{password}"
    # one credential named after the scheme; braces of the name cannot be part of a placeholder
    return "{" + (re.sub(r"[{}]", "", scheme.name) or "credential") + "}"


def placeholders(text: str) -> list[str]:
    """The credential names of a template, in order of first use."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def segments(text: str) -> list[tuple[bool, str]]:
    """A template as (is credential, credential name or literal text) pieces, in order."""
    pieces: list[tuple[bool, str]] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            pieces.append((False, text[position : match.start()]))
        pieces.append((True, match.group(1)))
        position = match.end()
    if position < len(text):
        pieces.append((False, text[position:]))
    return pieces


@dataclass(frozen=True)
class SchemeCredentials:
    """How one security scheme's value is formed from its credentials."""

    name: str
    type: str  # apiKey | http (| oauth2 | openIdConnect when tokens were asked for)
    location: str  # header | query | cookie
    parameter: str  # the header, query parameter or cookie name
    http_scheme: str  # http: bearer, basic, …; "" otherwise
    template: str
    credentials: tuple[str, ...]  # credential names, in template order
    defaults: Mapping[str, str]  # x-sandbox.defaults of the scheme

    @property
    def base64(self) -> bool:
        """Whether the filled template goes on the wire base64-encoded (`http basic`)."""
        return self.type == "http" and self.http_scheme == "basic"

    @property
    def prefix(self) -> str:
        """The literal text before the (filled, perhaps encoded) template on the wire."""
        if self.type in TOKEN_TYPES or (self.type == "http" and self.http_scheme == "bearer"):
            return "Bearer "
        if self.base64:
            return "Basic "
        if self.type == "http" and self.http_scheme:
            return self.http_scheme + " "
        return ""

    def segments(self) -> list[tuple[bool, str]]:
        """The template as (is credential, credential name or literal text) pieces."""
        return segments(self.template)

    def fill(self, values: Mapping[str, str]) -> str:
        """The template filled with `values` (credential name → value)."""
        return PLACEHOLDER.sub(lambda match: values[match.group(1)], self.template)

    def wire_value(self, values: Mapping[str, str]) -> str:
        """What a client sends in the scheme's header, query parameter or cookie."""
        filled = self.fill(values)
        if self.base64:
            filled = base64.b64encode(filled.encode("utf-8")).decode("ascii")
        return self.prefix + filled


@dataclass(frozen=True)
class Credential:
    name: str  # the template placeholder, e.g. apiKey
    env: str  # the environment variable of the clients, e.g. <API>_API_KEY
    schemes: tuple[str, ...]  # the schemes whose value it is part of
    default: str | None  # the sandbox's local value (x-sandbox.defaults), if any


@dataclass(frozen=True)
class ApiCredentials:
    api: str
    credentials: tuple[Credential, ...]
    schemes: tuple[SchemeCredentials, ...]
    unsupported: tuple[str, ...]  # schemes of other types (oauth2, …): no credential here

    def by_env(self) -> dict[str, Credential]:
        return {c.env: c for c in self.credentials}

    def env_of(self) -> dict[str, str]:
        """Credential name → environment variable."""
        return {c.name: c.env for c in self.credentials}

    def scheme(self, name: str) -> SchemeCredentials | None:
        return next((s for s in self.schemes if s.name == name), None)

    def defaults(self) -> dict[str, str]:
        """Environment variable → the sandbox's local value, for credentials that have one."""
        return {c.env: c.default for c in self.credentials if c.default is not None}

    def values(self, by_env: Mapping[str, str]) -> dict[str, str]:
        """Credential name → value, from a mapping keyed by environment variable."""
        return {c.name: by_env[c.env] for c in self.credentials if c.env in by_env}


def _defaults(scheme: ir.SecurityScheme) -> dict[str, str]:
    extension = scheme.extensions.get("x-sandbox")
    defaults = extension.get("defaults") if isinstance(extension, Mapping) else None
    if not isinstance(defaults, Mapping):
        return {}
    return {str(k): str(v) for k, v in defaults.items() if v is not None}


def for_api(api: ir.Api, *, tokens: bool = False, used_only: bool = False) -> ApiCredentials:
    """Every credential and supported scheme of an API, in the order the spec lists them.

    With `tokens`, `oauth2` and `openIdConnect` schemes count as supported (a bearer token the
    caller obtains elsewhere); with `used_only`, only schemes some operation's security
    requirement names are listed (and unsupported)."""
    supported = SUPPORTED_TYPES + TOKEN_TYPES if tokens else SUPPORTED_TYPES
    used = {name for op in api.operations for requirement in op.security for name in requirement}
    schemes: list[SchemeCredentials] = []
    unsupported: list[str] = []
    used_by: dict[str, list[str]] = {}
    defaults: dict[str, str] = {}
    for scheme in api.security_schemes:
        if used_only and scheme.name not in used:
            continue
        if scheme.type not in supported:
            unsupported.append(scheme.name)
            continue
        text = template(scheme)
        names = placeholders(text)
        if scheme.type == "apiKey":
            location = scheme.location or "header"
            parameter = scheme.parameter_name or scheme.name
        else:
            location, parameter = "header", "Authorization"
        own_defaults = _defaults(scheme)
        schemes.append(
            SchemeCredentials(
                name=scheme.name,
                type=scheme.type,
                location=location,
                parameter=parameter,
                http_scheme=(scheme.scheme or "") if scheme.type == "http" else "",
                template=text,
                credentials=tuple(names),
                defaults=own_defaults,
            )
        )
        for name in names:
            used_by.setdefault(name, []).append(scheme.name)
            if name in own_defaults:
                defaults.setdefault(name, own_defaults[name])
    credentials = tuple(
        Credential(
            name=name,
            env=py.environment_variable(api.name, name),
            schemes=tuple(users),
            default=defaults.get(name),
        )
        for name, users in used_by.items()
    )
    return ApiCredentials(api.name, credentials, tuple(schemes), tuple(unsupported))


def for_document(name: str, document: dict[str, Any]) -> ApiCredentials:
    """`for_api` of a bundled document."""
    return for_api(ir.build(name, document))


def parse_assignments(items: list[str], known: set[str] | frozenset[str]) -> dict[str, str]:
    """`NAME=VALUE` items (command-line flags) as a mapping; ValueError names a bad item.

    NAME must be one of `known` (the credentials' environment variables)."""
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ValueError(f"expected NAME=VALUE, got {item!r}")
        if name not in known:
            choices = ", ".join(sorted(known)) or "none"
            raise ValueError(f"unknown credential {name!r} (known: {choices})")
        values[name] = value
    return values
