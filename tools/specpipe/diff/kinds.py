"""Every change kind the report knows, whether it breaks existing clients, and why.

The direction decides most verdicts. *Request* kinds are about what a client sends (request
bodies, parameters): what widens it breaks nobody, what narrows it breaks the clients that
send what was allowed. *Response* kinds are about what a client receives (response bodies and
headers): what narrows it breaks nobody, and what widens it is breaking only where a typed
client would reject the new value, which each rule below names (the generated Python models
validate every type, enum, format, length, range, pattern, nullability and rule of the spec,
and forbid unknown members of an object with ``additionalProperties: false``; the Go and
TypeScript clients type every member). In webhooks and callbacks the roles swap: the API
sends the request, so its body is judged by the response rules, and the answer by the
request rules.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ASPECTS", "KINDS", "RULES", "Kind", "aspect_of"]


@dataclass(frozen=True)
class Kind:
    name: str
    breaking: bool
    rule: str  # why, in one sentence


_TABLE: list[tuple[str, bool, str]] = [
    # operations, servers, security
    (
        "operation-added",
        False,
        "a new operation (or webhook) changes nothing a client already uses",
    ),
    ("operation-removed", True, "clients calling the operation (or handling the webhook) fail"),
    ("operation-id-changed", True, "generated clients name their method after the operationId"),
    ("operation-deprecated", False, "the operation still works; clients are told to move away"),
    ("server-added", False, "clients keep using the servers they know"),
    ("server-removed", True, "clients configured with that server URL fail"),
    (
        "security-requirement-tightened",
        True,
        "a set of credentials clients use is no longer accepted",
    ),
    ("security-requirement-relaxed", False, "every set of credentials clients use still works"),
    ("security-scheme-changed", True, "clients send credentials the way the old scheme said"),
    # parameters
    ("parameter-added-optional", False, "clients that leave it out keep working"),
    ("parameter-added-required", True, "clients that do not send it are rejected"),
    ("parameter-removed", True, "clients sending it have it rejected or ignored"),
    ("parameter-became-required", True, "clients that leave it out are rejected"),
    ("parameter-became-optional", False, "clients sending it keep working"),
    ("parameter-serialization-changed", True, "clients serialise the value the old way"),
    # request bodies
    ("request-body-added", False, "an optional body: clients sending none keep working"),
    ("request-body-removed", True, "clients sending a body have it rejected or ignored"),
    ("request-body-became-required", True, "clients sending no body are rejected"),
    ("request-body-became-optional", False, "clients sending a body keep working"),
    ("request-media-type-added", False, "clients keep sending the media types they know"),
    ("request-media-type-removed", True, "clients sending that media type are rejected"),
    # responses
    ("response-status-added", False, "a status clients did not expect is handled as an error"),
    (
        "response-success-status-removed",
        True,
        "the success answer clients parse is no longer sent: they get another status",
    ),
    (
        "response-status-removed",
        False,
        "an error status is no longer answered: what clients receive narrows",
    ),
    ("response-media-type-added", False, "clients ask for the media types they know (Accept)"),
    ("response-media-type-removed", True, "clients asking for that media type no longer get it"),
    ("response-header-added", False, "clients ignore headers they do not read"),
    ("response-header-removed", True, "clients reading the header no longer get it"),
    ("response-header-became-optional", True, "clients reading the header may not get it"),
    # object members
    ("request-property-added-optional", False, "clients that leave it out keep working"),
    ("request-property-added-required", True, "clients that do not send it are rejected"),
    ("request-property-removed", True, "clients sending it have it rejected or ignored"),
    ("request-property-renamed", True, "clients send the member under its old name"),
    ("request-property-became-required", True, "clients that leave it out are rejected"),
    ("request-property-became-optional", False, "clients sending it keep working"),
    ("response-property-added", False, "typed clients ignore members they do not know"),
    (
        "response-property-added-to-closed-object",
        True,
        "the old schema forbids other members (additionalProperties: false): models "
        "generated from it (Pydantic extra='forbid') reject the new member",
    ),
    ("response-property-removed", True, "clients reading the member no longer get it"),
    ("response-property-renamed", True, "clients read the member under its old name"),
    (
        "response-property-became-optional",
        True,
        "typed clients declare the member required and reject an answer without it",
    ),
    ("response-property-became-required", False, "clients already handle the member"),
    ("read-only-added", True, "clients sending the member have it ignored or rejected"),
    ("read-only-removed", False, "clients may now send what they only read"),
    ("write-only-added", True, "clients reading the member no longer get it"),
    ("write-only-removed", False, "clients may now read what they only sent"),
    ("request-default-changed", True, "clients that leave the value out get another behaviour"),
    ("response-default-changed", False, "a default in a response documents, it is not sent"),
    # cross-field rules (typeless allOf members, if/then, not, dependentRequired…)
    ("request-rule-added", True, "bodies that were valid may now be rejected"),
    ("request-rule-removed", False, "every body that was valid still is"),
    ("request-rule-changed", True, "bodies that were valid may now be rejected"),
    ("response-rule-added", False, "answers only get more constrained"),
    (
        "response-rule-removed",
        True,
        "the generated models check each rule (model_validator) and reject an answer that "
        "breaks it",
    ),
    ("response-rule-changed", True, "the generated models check the old rule"),
    # nullability
    ("request-became-nullable", False, "clients may now also send null"),
    ("request-no-longer-nullable", True, "clients sending null are rejected"),
    (
        "response-became-nullable",
        True,
        "typed clients declare the value non-null and reject null",
    ),
    ("response-no-longer-nullable", False, "clients already handle a non-null value"),
    # unions (oneOf/anyOf alternatives, matched by $ref, discriminator value, title or const,
    # then structure)
    ("request-union-member-added", False, "clients may send one more alternative"),
    ("request-union-member-removed", True, "clients sending that alternative are rejected"),
    (
        "response-union-member-added",
        True,
        "typed clients parse into the alternatives they know and reject a new one",
    ),
    ("response-union-member-removed", False, "what clients receive narrows"),
    (
        "union-member-renamed",
        False,
        "the alternative is the same schema under another name: the same JSON on the wire",
    ),
    (
        "discriminator-changed",
        True,
        "clients pick (and send) the alternative by another member",
    ),
    # components
    ("schema-added", False, "a new model type in the generated clients"),
    (
        "schema-removed",
        True,
        "generated clients lose the model type named after it; code using it no longer compiles",
    ),
    (
        "schema-renamed",
        True,
        "the same schema under another name: generated clients rename the model type, and "
        "code using the old name no longer compiles",
    ),
    # other keywords
    (
        "schema-keyword-changed",
        True,
        "an assertion the report does not analyse (not, contains, propertyNames, "
        "patternProperties, prefixItems, unevaluated*, content*, xml of an XML body) changed: "
        "assumed breaking",
    ),
    (
        "unclassified",
        False,
        "a keyword neither JSON Schema nor OpenAPI defines (or one without effect on "
        "validation, such as $anchor) changed: listed for a person to judge",
    ),
    ("description-changed", False, "documentation only"),
    ("example-changed", False, "documentation only"),
]

# value constraints, per direction: narrowed, widened and (both at once, or neither
# comparable) changed
ASPECTS: dict[str, str] = {
    "type": "type (or oneOf/anyOf becoming one another)",
    "enum": "enum, const or discriminator values",
    "format": "format",
    "length": "minLength/maxLength",
    "range": "minimum/maximum/exclusive*/multipleOf",
    "pattern": "pattern",
    "items": "minItems/maxItems/uniqueItems",
    "property-count": "minProperties/maxProperties",
    "additional-properties": "additionalProperties",
}
_RESPONSE_WIDENED = {
    "type": "typed clients reject a value of a type they do not declare",
    "enum": "typed clients map the values to a closed enum and reject a new one",
    "format": "typed clients parse the old format (an int32 field overflows on an int64)",
    "length": "the generated models check the old length and reject a longer or shorter value",
    "range": "the generated models check the old range and reject a value outside it",
    "pattern": "the generated models check the old pattern",
    "items": "the generated models check the old item count",
    "property-count": "the generated models check the old member count",
    "additional-properties": "models generated from a closed object (extra='forbid') reject "
    "unknown members",
}
for _aspect, _what in ASPECTS.items():
    _TABLE += [
        (f"request-{_aspect}-narrowed", True, f"{_what}: clients sending what was allowed fail"),
        (f"request-{_aspect}-widened", False, f"{_what}: every request that was valid still is"),
        (
            f"request-{_aspect}-changed",
            True,
            f"{_what} changed both ways: some requests that were valid are rejected",
        ),
        (f"response-{_aspect}-narrowed", False, f"{_what}: what clients receive narrows"),
        (f"response-{_aspect}-widened", True, f"{_what}: {_RESPONSE_WIDENED[_aspect]}"),
        (
            f"response-{_aspect}-changed",
            True,
            f"{_what} changed both ways: {_RESPONSE_WIDENED[_aspect]}",
        ),
    ]

RULES: dict[str, Kind] = {name: Kind(name, breaking, rule) for name, breaking, rule in _TABLE}
KINDS: dict[str, bool] = {name: kind.breaking for name, kind in RULES.items()}


def aspect_of(kind: str) -> tuple[str, str, str] | None:
    """``(direction, aspect, verdict)`` of a narrowed/widened/changed kind, else None."""
    direction, _, rest = kind.partition("-")
    if direction not in ("request", "response"):
        return None
    for verdict in ("narrowed", "widened", "changed"):
        if rest.endswith(f"-{verdict}"):
            aspect = rest[: -len(verdict) - 1]
            if aspect in ASPECTS:
                return direction, aspect, verdict
    return None
