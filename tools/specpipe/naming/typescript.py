"""TypeScript identifiers: camelCase members and functions, PascalCase types.

Every name goes through :class:`~specpipe.naming.common.Style` (words, case, digit prefix,
keywords) and a :class:`~specpipe.naming.common.Namespace` per scope. Worked examples:

* types (schemas, parameter interfaces): ``api.v2010.account`` → ``ApiV2010Account``;
  ``1st`` → ``_1St``; ``error`` → ``Error_`` (a global of every runtime: ``Error``,
  ``Date``, ``Map``, ``Record``, ``Promise``… and TypeScript's utility types get a ``_``);
  ``status`` and ``Status`` in one document → ``Status``, ``Status2`` (claimed in order);
  a schema named ``RequestOptions`` → ``RequestOptions2`` (the package exports that name).
* members of object types, parameters, credentials: ``PlanNum`` → ``planNum``,
  ``thing_ID`` → ``thingId``, ``x-api-key`` → ``xApiKey``. A member is a property key, where
  a reserved word is a valid name: ``type`` stays ``type``, ``default`` stays ``default``
  (keywords get ``_`` only where the name is a binding). ``user_id`` and ``userId`` in one
  object → ``userId``, ``userId2``. The wire name is kept beside it, exactly.
* methods (operationIds): ``CreatePlanBenefitLevel`` → ``createPlanBenefitLevel``; a name
  the client class already has (``constructor``, ``withRawResponse``, ``toString``…) gets a
  numeric suffix: ``withRawResponse2``.
* enum members (keys of the const object of an enum's values): ``dark-green`` →
  ``DarkGreen``, ``""`` → ``Empty``, ``red`` and ``Red`` → ``Red``, ``Red2``; a value without
  letters or digits (``"-"``) → ``Value``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from specpipe.naming.common import Namespace, Style, words

# Reserved words of ECMAScript and TypeScript (strict mode and contextual ones that cannot
# name a binding or that read badly as one).
KEYWORDS = frozenset(
    """
    break case catch class const continue debugger default delete do else enum export extends
    false finally for function if import in instanceof new null return super switch this throw
    true try typeof var void while with as implements interface let package private protected
    public static yield any boolean constructor declare get module require number set string
    symbol type from of unknown never object await async bigint undefined arguments eval
    keyof readonly infer is asserts satisfies accessor abstract namespace override out
    """.split()  # noqa: SIM905 - a word list reads better than a list literal
)

# Global values and types of JavaScript runtimes and TypeScript's standard library that a
# type of the package must not shadow (a schema named `error` must not become `Error`).
GLOBALS = frozenset(
    """
    Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean DataView Date Error
    EvalError Float32Array Float64Array Function Infinity Int8Array Int16Array Int32Array Intl
    Iterator JSON Map Math NaN Number Object Promise Proxy RangeError ReferenceError Reflect
    RegExp Set SharedArrayBuffer String Symbol SyntaxError TypeError URIError Uint8Array
    Uint8ClampedArray Uint16Array Uint32Array WeakMap WeakRef WeakSet AggregateError
    FinalizationRegistry AbortController AbortSignal Blob BodyInit Buffer Crypto DOMException
    Event EventTarget File FormData Headers HeadersInit ReadableStream Request RequestInit
    Response ResponseInit TextDecoder TextEncoder URL URLSearchParams WebSocket Worker
    Window Document Element Node Text Storage Location History Navigator Performance Console
    Awaited Capitalize ConstructorParameters Exclude Extract InstanceType Lowercase NoInfer
    NonNullable Omit OmitThisParameter Parameters Partial Pick Readonly ReadonlyArray Record
    Required ReturnType ThisParameterType ThisType Uncapitalize Uppercase ArrayLike
    PromiseLike Iterable IterableIterator AsyncIterable AsyncIterator Generator
    PropertyKey PropertyDescriptor TemplateStringsArray
    """.split()  # noqa: SIM905 - a word list reads better than a list literal
)

# Members every object has through Object.prototype: never a method of the client.
OBJECT_MEMBERS = (
    "constructor",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
    "__proto__",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
)


def _camel(parts: list[str]) -> str:
    return parts[0] + "".join(w.capitalize() for w in parts[1:]) if parts else ""


def _pascal(parts: list[str]) -> str:
    return "".join(w.capitalize() for w in parts)


# A type of the package (interface, alias, enum type): never a keyword or a global.
type_name = Style(_pascal, "Model", KEYWORDS | GLOBALS)
# A property key of an object type, a parameter or an option: any word is a valid key
# (remembered: large specs repeat the same wire names thousands of times).
member_name = cache(Style(_camel, "value"))
# A binding (a function or a variable): keywords get a "_".
binding_name = Style(_camel, "value", KEYWORDS)
# A client method (an operationId).
method_name = Style(_camel, "operation", KEYWORDS)
# A key of an enum's const object.
enum_member = Style(_pascal, "Value", KEYWORDS | GLOBALS)

_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def enum_key(value: object) -> str:
    """The source of an enum member's key, from its value (``""`` is ``Empty``)."""
    if value == "":
        return "empty"
    if value is None:
        return "null"
    if value is True or value is False:
        return str(value).lower()
    return str(value)


def is_identifier(text: str) -> bool:
    return bool(_IDENTIFIER.fullmatch(text))


def package_name(api: str) -> str:
    """The npm name of an API's package: ``vba`` → ``vba-client`` (lower case, dashes)."""
    return "-".join(words(api) or ["api"]) + "-client"


def client_class(api: str) -> str:
    """The client class of an API: ``vba`` → ``VbaClient``; ``1st`` → ``_1StClient``."""
    return type_name(api + " client")


def params_type(method: str) -> str:
    """The interface of one method's parameters (and body): ``listBenefits`` →
    ``ListBenefitsParams``."""
    return type_name(method + " params")


def package_version(api_version: str) -> str:
    """The npm version of a client: the API's version when it is semver, else ``0.0.0``."""
    if re.fullmatch(r"(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})", api_version):
        return api_version
    return "0.0.0"


# Names the package exports besides the types of the schemas and the parameter interfaces:
# reserved in the one namespace of exported names, so a schema called e.g.
# ``RequestOptions`` becomes ``RequestOptions2`` instead of clashing.
EXPORTED = (
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BinaryBody",
    "ClientOptions",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "SCHEMAS",
    "UnprocessableEntityError",
    "WithRawResponse",
    "WithResponse",
)

# Members of the client class that operations must not take.
CLIENT_MEMBERS = (*OBJECT_MEMBERS, "withRawResponse")

# Options of the client (``ClientOptions``) that credentials and every-call headers must not
# take.
CLIENT_OPTIONS = (
    "baseUrl",
    "debug",
    "fetch",
    "headers",
    "logger",
    "maxRetries",
    "retryBaseDelay",
    "retryMaxDelay",
    "strict",
    "timeout",
)

# Members of a method's parameter object that parameters must not take.
PARAMS_MEMBERS = ("body", "contentType")


def tagged(style: Callable[[str], str]) -> Callable[[str], str]:
    """``style`` of the text after the first ``:`` of a source: sources of different kinds
    (``schema:Pet``, ``params:listPets``) in one namespace never share a cached name."""
    return lambda source: style(source.partition(":")[2])


def namespace_of_types() -> Namespace:
    """The one scope of the names the package exports: claim ``schema:<name>`` and
    ``params:<method>``."""
    return Namespace(tagged(type_name), reserved=EXPORTED)
