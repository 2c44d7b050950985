"""The escapers of `specpipe.escape`: any text, once escaped, means itself in its place."""

from __future__ import annotations

import ast
import json
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from specpipe import escape
from specpipe.render import RenderError, _strict

# Any code point, surrogates included, with the troublemakers drawn often.
NASTY = ['"""', "'''", "*/", "/*", "`", "\\", "\n", "\r", "\u2028", "\u2029", "\x00", "\ufeff"]
TEXT = st.lists(st.one_of(st.sampled_from(NASTY), st.characters()), max_size=30).map("".join)
NO_SURROGATE = TEXT.map(lambda s: "".join(c for c in s if not 0xD800 <= ord(c) <= 0xDFFF))


@settings(max_examples=300)
@given(TEXT)
def test_python_string_is_a_literal_of_the_text(text: str) -> None:
    literal = escape.python.string(text)
    assert "\n" not in literal and "\x00" not in literal
    assert ast.literal_eval(literal) == text


@settings(max_examples=300)
@given(TEXT)
def test_python_docstring_cannot_close_the_docstring(text: str) -> None:
    source = f'def f() -> None:\n    """{escape.python.docstring(text)}"""\n'
    tree = ast.parse(source)  # a break-out would add statements or fail to parse
    (function,) = tree.body
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 1


@settings(max_examples=300)
@given(TEXT)
def test_comments_are_one_line(text: str) -> None:
    for comment in (escape.python.comment, escape.typescript.comment, escape.go.comment):
        line = comment(text)
        assert not any(c in line for c in "\n\r\u2028\u2029\x0b\x0c\x85\x00")
    assert "\ufeff" not in escape.go.comment(text)


@settings(max_examples=300)
@given(NO_SURROGATE)
def test_toml_string_is_a_basic_string_of_the_text(text: str) -> None:
    assert tomllib.loads("key = " + escape.toml.string(text) + "\n")["key"] == text


@settings(max_examples=300)
@given(TEXT)
def test_typescript_string_reads_back(text: str) -> None:
    literal = escape.typescript.string(text)
    assert not any(c in literal for c in "\n\r\u2028\u2029")
    assert json.loads(literal) == text  # the escapes used are JSON's, a subset of JS's


@settings(max_examples=300)
@given(TEXT)
def test_jsdoc_cannot_close_the_comment(text: str) -> None:
    body = escape.typescript.jsdoc(text)
    assert "*/" not in body and "\u2028" not in body and "\r" not in body
    assert not any(line.lstrip().startswith("@") for line in body.split("\n"))


@settings(max_examples=300)
@given(TEXT)
def test_go_string_has_no_raw_breaks_and_no_surrogate(text: str) -> None:
    literal = escape.go.string(text)
    assert literal.startswith('"') and literal.endswith('"')
    assert not any(c in literal for c in "\n\r\x00") and "\\ud8" not in literal
    literal.encode("utf-8")  # Go source is UTF-8: a lone surrogate would not encode


@given(TEXT)
def test_go_struct_tag_never_holds_a_raw_backtick_inside(text: str) -> None:
    tag = escape.go.struct_tag([("json", text + ",omitempty")])
    if tag.startswith("`"):
        assert tag.endswith("`") and "`" not in tag[1:-1]
    else:
        assert tag.startswith('"') and "\n" not in tag


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_printable_ascii_is_escaped_like_any_text(text: str) -> None:
    # the escapers skip their per-character loop for printable ASCII: same meaning
    assert json.loads(escape.go.string(text)) == text
    assert json.loads(escape.typescript.string(text)) == text
    assert ast.literal_eval(escape.python.string(text)) == text
    assert escape.go.comment(text) == text.strip()


@settings(max_examples=300)
@given(TEXT)
def test_markdown_lets_no_html_through(text: str) -> None:
    for rendered in (escape.markdown.text(text), escape.markdown.inline(text)):
        assert "<" not in rendered and ">" not in rendered
    assert "\n" not in escape.markdown.inline(text) and "|" not in escape.markdown.code(text)[:1]


def test_markdown_text_keeps_markdown_but_not_script_links() -> None:
    shown = escape.markdown.text("**bold** [x](javascript:alert(1)) <img src=x onerror=y>")
    assert shown.startswith("**bold**") and "javascript:" not in shown and "<img" not in shown


def test_markdown_code_fences_backticks() -> None:
    assert escape.markdown.code("a``b") == "```a``b```"
    assert escape.markdown.code("`x`") == "`` `x` ``"


@pytest.mark.parametrize("value", ["x\ny", '"', "a b", "<b>", True, None, ["x"]])
def test_strict_templates_refuse_raw_text(value: object) -> None:
    with pytest.raises(RenderError, match="unescaped"):
        _strict(value)


@pytest.mark.parametrize("value", ["plan_id", "1.2.3", "vba-client", 3, escape.Code("a\nb")])
def test_strict_templates_take_tokens_numbers_and_code(value: object) -> None:
    assert _strict(value) == value
