"""Schemathesis hooks of the contract suite (loaded through `hooks` in schemathesis.toml).

XML cannot carry every JSON type: a negated body such as `{"case_billing_codes": ""}` is sent
as `<case_billing_codes/>`, which is a valid empty list. Schemathesis judges the value it
generated, not the bytes it sent, so it would blame a correct server for accepting it. This
hook decodes the XML body actually sent, with the same schema-driven codec the pipeline uses,
and drops a "schema-violating request accepted" failure only when what was sent is valid.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import Case, HookContext, Response
from schemathesis.core.failures import AcceptedNegativeData, Failure
from schemathesis.core.parameters import ParameterLocation

from specpipe.loader import escape_token
from specpipe.schemas import SchemaSet
from specpipe.xmlcodec import XmlDecodeError, decode, is_xml_media_type

__all__ = ["filter_failure", "sent_xml_body_is_valid"]

_SCHEMAS: dict[int, SchemaSet] = {}


def _schema_set(document: dict[str, Any]) -> SchemaSet:
    found = _SCHEMAS.get(id(document))
    if found is None or found.document is not document:
        found = _SCHEMAS[id(document)] = SchemaSet(document)
    return found


def sent_xml_body_is_valid(
    document: dict[str, Any], path: str, method: str, media_type: str, body: bytes | str
) -> bool:
    """Whether `body`, as the server reads it, is valid for the operation's media type."""
    schemas = _schema_set(document)
    tokens = [escape_token(path), method.lower(), "requestBody", "content"]
    pointer = "/paths/" + "/".join([*tokens, escape_token(media_type), "schema"])
    try:
        schema = schemas.resolve("#" + pointer)
        value = decode(body, schema, schemas.resolve)
    except (KeyError, XmlDecodeError):
        return False
    return not schemas.errors(value, pointer)


@schemathesis.hook
def filter_failure(
    context: HookContext, failure: Failure, case: Case[Any], response: Response
) -> bool:
    """Keep every failure except an accepted XML body that is valid once serialised."""
    media_type = (case.media_type or "").split(";", 1)[0].strip().lower()
    if not isinstance(failure, AcceptedNegativeData) or not is_xml_media_type(media_type):
        return True
    body = response.request.body
    if not isinstance(body, (bytes, str)) or case.meta is None:
        return True
    others = (ParameterLocation.PATH, ParameterLocation.QUERY, ParameterLocation.HEADER)
    if any(case.meta.is_negative_at(location) for location in others):
        return True
    operation = case.operation
    document = operation.schema.raw_schema
    return not sent_xml_body_is_valid(document, operation.path, operation.method, media_type, body)
