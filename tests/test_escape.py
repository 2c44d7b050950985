"""The escapers of `specpipe.escape`: any text, once escaped, means itself in its place."""

from __future__ import annotations

import ast
import json
import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

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


_MARKDOWN = MarkdownIt("commonmark")  # raw HTML enabled, as GitHub-style renderers do
_TAGS_MARKDOWN_MAKES = {
    "p",
    "code",
    "pre",
    "em",
    "strong",
    "a",
    "img",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "blockquote",
}


def _tags(html: str) -> set[str]:
    return {tag.lower() for tag in re.findall(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)", html)}


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_printable_ascii_is_escaped_like_any_text(text: str) -> None:
    # the escapers skip their per-character loop for printable ASCII: same meaning
    assert json.loads(escape.go.string(text)) == text
    assert json.loads(escape.typescript.string(text)) == text
    assert ast.literal_eval(escape.python.string(text)) == text
    assert escape.go.comment(text) == text.strip()


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                *NASTY,
                "<script>",
                "<img src=x onerror=y>",
                "`",
                "```\n",
                "~~~\n",
                "\n\n",
                "[a](javascript:x)",
                "\\",
                "&lt;",
                "<!--",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_markdown_lets_no_html_through(text: str) -> None:
    for rendered in (escape.markdown.text(text), escape.markdown.cell(text)):
        html = _MARKDOWN.render(rendered)
        assert _tags(html) <= _TAGS_MARKDOWN_MAKES, html
        for tag in re.findall(r"<[^>]*>", html):
            assert not re.search(r"\son[a-z]+\s*=|javascript:", tag, re.I), tag
    for literal in (escape.markdown.inline(text), escape.markdown.html(text)):
        assert "<" not in literal and "\n" not in literal
    assert "|" not in escape.markdown.cell(text).replace("\\|", "")


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


def _printable_reference(text: str) -> str:
    from specpipe.escape import _unsafe

    return "".join(" " if c == "\t" else "\ufffd" if _unsafe(c) else c for c in text)


@settings(max_examples=300)
@given(TEXT, st.sampled_from(['"', "'"]), st.booleans(), st.sampled_from(["escape", "replace"]))
def test_fast_paths_equal_the_per_character_escapes(
    text: str, quote: str, astral: bool, surrogates: str
) -> None:
    """The regex fast paths (printable ASCII kept as is) give what the per-character rules
    give for every text."""
    from specpipe.escape import _c_style, _c_style_chars, _printable

    assert _printable(text) == _printable_reference(text)
    chars = _c_style_chars(text, quote, astral=astral, surrogates=surrogates)
    assert _c_style(text, quote, astral=astral, surrogates=surrogates) == chars


def test_a_class_docstring_with_a_lone_surrogate_still_defines_the_class() -> None:
    doc = escape.python.docstring("x\ud800y")
    source = f'class C:\n    """{doc}"""\n'
    namespace: dict[str, object] = {}
    exec(compile(source, "c.py", "exec"), namespace)  # type() encodes __doc__ as UTF-8
    assert namespace["C"].__doc__ == "x\ufffdy"  # type: ignore[attr-defined]
