"""Schema-driven XML decoding and encoding."""

from __future__ import annotations

from typing import Any

import pytest

from specpipe.xmlcodec import XmlDecodeError, decode, encode

NS = "http://schemas.datacontract.org/2004/07/Some.Models"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

COMPONENTS: dict[str, dict[str, Any]] = {
    "Plan": {
        "type": "object",
        "x-xml-element-order": "alphabetical",
        "xml": {"name": "Plan", "namespace": NS},
        "properties": {
            "PlanNum": {"type": "integer"},
            "Amount": {"type": "number"},
            "IsActive": {"type": "boolean"},
            "DateStart": {"type": "string", "format": "date-time"},
            "Note": {"type": ["string", "null"]},
            "Items": {
                "type": "array",
                "xml": {"wrapped": True},
                "items": {"$ref": "#/components/schemas/Item"},
            },
        },
    },
    "Item": {
        "type": "object",
        "xml": {"name": "Item", "namespace": NS},
        "properties": {"Code": {"type": "string"}, "Qty": {"type": "integer"}},
    },
}


def resolve(ref: str) -> dict[str, Any]:
    return COMPONENTS[ref.rsplit("/", 1)[1]]


PLAN_SCHEMA = {"$ref": "#/components/schemas/Plan"}

PLAN_XML = (
    f'<Plan xmlns="{NS}" xmlns:i="{XSI}">'
    "<Amount>1</Amount>"
    "<DateStart>2024-03-01T00:00:00</DateStart>"
    "<IsActive>true</IsActive>"
    "<Items><Item><Code>A1</Code><Qty>2</Qty></Item><Item><Code>B2</Code><Qty>0</Qty></Item></Items>"
    '<Note i:nil="true"/>'
    "<PlanNum>42</PlanNum>"
    "</Plan>"
)

PLAN_VALUE = {
    "PlanNum": 42,
    "Amount": 1,
    "IsActive": True,
    "DateStart": "2024-03-01T00:00:00",
    "Note": None,
    "Items": [{"Code": "A1", "Qty": 2}, {"Code": "B2", "Qty": 0}],
}


def test_datacontract_object_decodes() -> None:
    assert decode(PLAN_XML, PLAN_SCHEMA, resolve) == PLAN_VALUE


def test_datacontract_object_round_trips_byte_for_byte() -> None:
    assert encode(PLAN_VALUE, PLAN_SCHEMA, resolve) == PLAN_XML
    assert decode(encode(PLAN_VALUE, PLAN_SCHEMA, resolve), PLAN_SCHEMA, resolve) == PLAN_VALUE


def test_child_order_does_not_matter_for_decoding() -> None:
    shuffled = (
        f'<Plan xmlns="{NS}"><PlanNum>7</PlanNum><IsActive>false</IsActive>'
        "<Amount>2.5</Amount></Plan>"
    )
    assert decode(shuffled, PLAN_SCHEMA, resolve) == {
        "PlanNum": 7,
        "IsActive": False,
        "Amount": 2.5,
    }


def test_decimals_are_written_in_shortest_form() -> None:
    text = encode({"Amount": 1.0}, PLAN_SCHEMA, resolve)
    assert "<Amount>1</Amount>" in text
    assert "<Amount>2.25</Amount>" in encode({"Amount": 2.25}, PLAN_SCHEMA, resolve)


def test_schema_order_without_alphabetical_extension() -> None:
    item = encode({"Qty": 1, "Code": "Z"}, {"$ref": "#/components/schemas/Item"}, resolve)
    assert item == f'<Item xmlns="{NS}" xmlns:i="{XSI}"><Code>Z</Code><Qty>1</Qty></Item>'


SCALAR_NS = "http://schemas.microsoft.com/2003/10/Serialization/"
BOOLEAN_SCHEMA = {"type": "boolean", "xml": {"name": "boolean", "namespace": SCALAR_NS}}


def test_scalar_root_round_trips() -> None:
    text = f'<boolean xmlns="{SCALAR_NS}">true</boolean>'
    assert decode(text, BOOLEAN_SCHEMA, resolve) is True
    assert encode(True, BOOLEAN_SCHEMA, resolve) == text
    assert decode(text.replace("true", "false"), BOOLEAN_SCHEMA, resolve) is False


def test_attributes_and_unwrapped_arrays() -> None:
    schema = {
        "type": "object",
        "xml": {"name": "pet"},
        "properties": {
            "id": {"type": "integer", "xml": {"attribute": True}},
            "tag": {"type": "array", "items": {"type": "string"}},
        },
    }
    text = '<pet id="3"><tag>a</tag><tag>b</tag></pet>'
    assert decode(text, schema, resolve) == {"id": 3, "tag": ["a", "b"]}
    assert encode({"id": 3, "tag": ["a", "b"]}, schema, resolve) == text.replace(
        "<pet ", f'<pet xmlns:i="{XSI}" '
    )


def test_unknown_elements_ignored_unless_closed() -> None:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
    }
    assert decode("<x><a>1</a><b>2</b></x>", schema, resolve) == {"a": "1"}
    schema["additionalProperties"] = False
    with pytest.raises(XmlDecodeError, match="unexpected element <b>"):
        decode("<x><a>1</a><b>2</b></x>", schema, resolve)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<Plan xmlns='" + NS + "'><PlanNum>4", "malformed XML"),
        (f'<Other xmlns="{NS}"/>', "root element is <Other>, expected <Plan>"),
        ('<Plan xmlns="urn:wrong"/>', "expected " + NS),
        ("<Plan/>", "in no namespace"),
        (
            f'<Plan xmlns="{NS}"><PlanNum>abc</PlanNum></Plan>',
            "/Plan/PlanNum: 'abc' is not a valid",
        ),
        (f'<Plan xmlns="{NS}"><IsActive>yes</IsActive></Plan>', "/Plan/IsActive"),
        (
            f'<Plan xmlns="{NS}" xmlns:i="{XSI}"><PlanNum i:nil="true"/></Plan>',
            "nil is not allowed",
        ),
        (
            f'<Plan xmlns="{NS}"><Items><Item><Qty>x</Qty></Item></Items></Plan>',
            r"/Plan/Items/Item\[0\]/Qty",
        ),
    ],
)
def test_bad_documents_are_rejected(text: str, message: str) -> None:
    with pytest.raises(XmlDecodeError, match=message):
        decode(text, PLAN_SCHEMA, resolve)


def test_billion_laughs_is_rejected_cleanly() -> None:
    payload = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
        "]>\n<Plan>&lol3;</Plan>"
    )
    with pytest.raises(XmlDecodeError, match="unsafe XML rejected"):
        decode(payload, PLAN_SCHEMA, resolve)


def test_external_entity_is_rejected() -> None:
    payload = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    with pytest.raises(XmlDecodeError, match="unsafe XML rejected"):
        decode(payload, {"type": "string"}, resolve)
