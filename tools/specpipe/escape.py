"""Spec text into generated code: one escaper per place text can land, per target.

Every string of a spec is untrusted input. It reaches generated code only through one of
the functions below, each made for one place: a string literal, a docstring or comment, a
struct tag, a TOML string, Markdown prose or a table cell. Identifiers are not escaped but
chosen (:mod:`specpipe.naming`). Each function returns :class:`Code`, the marker that the
text is fit for its place; :mod:`specpipe.render` refuses to print anything else, so a
template cannot print raw spec text by mistake.

The functions never fail: text that cannot be represented in a place (a NUL byte in a Go
comment, a lone surrogate where UTF-8 is required) is replaced by U+FFFD or an escape.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["Code", "go", "markdown", "python", "toml", "typescript"]

# Characters some language or tool treats as a line break (Python's str.splitlines set, plus
# the JavaScript line terminators U+2028/U+2029): never raw inside a one-line place.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = re.compile(f"\r\n|[{_LINE_BREAKS}]")


class Code(str):
    """Text that is already fit for the place it is printed in (escaped or chosen)."""

    __slots__ = ()


def _is_surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def _unsafe(char: str) -> bool:
    """Control, format (bidi overrides, BOM), separator, unassigned or surrogate code points."""
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _one_line(text: str) -> str:
    """``text`` on one line: every line break becomes a space, runs of space collapse."""
    return " ".join(_BREAK.sub(" ", text).split(" ")).strip()


# Printable ASCII is never unsafe: the per-character checks below run only on other characters
# (a spec is mostly ASCII, and unicodedata per character dominated the time on large specs).
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


def _printable_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return " " if char == "\t" else "\ufffd" if _unsafe(char) else char


def _printable(text: str) -> str:
    """``text`` with control and format characters (and surrogates) replaced by U+FFFD,
    except tabs, which become spaces."""
    return _NOT_PRINTABLE_ASCII.sub(_printable_char, text)


@cache
def _special(quote: str) -> re.Pattern[str]:
    return re.compile(f"[^\\x20-\\x7e]|[\\\\{re.escape(quote)}]")


def _c_style(text: str, quote: str, *, astral: bool, surrogates: str) -> str:
    """Backslash escapes shared by Python, TypeScript, Go and TOML basic strings (see
    :func:`_c_style_chars`); printable ASCII other than the quote and ``\\`` is kept as is."""
    special = _special(quote)
    if special.search(text) is None:
        return text
    return special.sub(
        lambda match: _c_style_chars(match.group(0), quote, astral=astral, surrogates=surrogates),
        text,
    )


def _c_style_chars(text: str, quote: str, *, astral: bool, surrogates: str) -> str:
    """Backslash escapes shared by Python, TypeScript, Go and TOML basic strings.

    ``astral``: whether code points above U+FFFF may use ``\\U0010FFFF`` (Python, Go, TOML)
    or are written as a surrogate pair of ``\\u`` escapes (TypeScript). ``surrogates``:
    ``escape`` (Python and TypeScript can hold a lone surrogate) or ``replace`` (U+FFFD).
    """
    out: list[str] = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == quote:
            out.append("\\" + quote)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif _is_surrogate(char):
            out.append(f"\\u{ord(char):04x}" if surrogates == "escape" else "\ufffd")
        elif _unsafe(char) or char in _LINE_BREAKS:
            code = ord(char)
            if code <= 0xFFFF:
                out.append(f"\\u{code:04x}")
            elif astral:
                out.append(f"\\U{code:08x}")
            else:  # a UTF-16 surrogate pair, as JavaScript strings hold it
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(char)
    return "".join(out)


# ---------------------------------------------------------------------------- Python


def _python_string(text: str) -> Code:
    """A double-quoted Python string literal holding exactly ``text``."""
    return Code('"' + _c_style(text, '"', astral=True, surrogates="escape") + '"')


def _python_docstring(text: str) -> Code:
    """The body of a triple-double-quoted docstring that reads as ``text``.

    Line breaks stay; backslashes, quotes that could close the docstring and every unsafe
    character are escaped, so the docstring reads as ``text`` (a lone surrogate, which a class
    docstring cannot hold, reads as U+FFFD).
    """
    # a lone surrogate becomes U+FFFD: CPython encodes a class's docstring as UTF-8
    lines = (_c_style(line, '"', astral=True, surrogates="replace") for line in _BREAK.split(text))
    return Code("\n".join(line.rstrip() for line in lines))


def _python_comment(text: str) -> Code:
    """One line of text for after ``# ``."""
    return Code(_printable(_one_line(text)))


# ------------------------------------------------------------------------------ TOML


def _toml_string(text: str) -> Code:
    """A TOML basic string (double quotes) holding exactly ``text``."""
    return Code('"' + _c_style(text, '"', astral=True, surrogates="replace") + '"')


# ------------------------------------------------------------------------ TypeScript


def _typescript_string(text: str) -> Code:
    """A double-quoted TypeScript (JavaScript) string literal holding exactly ``text``."""
    return Code('"' + _c_style(text, '"', astral=False, surrogates="escape") + '"')


def _typescript_jsdoc(text: str) -> Code:
    """Text for the lines of a ``/** … */`` comment: ``*/`` cannot close it, every line
    terminator (U+2028 included) is a plain ``\\n``, and a line cannot start a tag."""
    lines = [_printable(line).replace("*/", "*\u2215") for line in _BREAK.split(text)]
    lines = ["\\" + line if line.lstrip().startswith("@") else line for line in lines]
    return Code("\n".join(line.rstrip() for line in lines))


def _typescript_comment(text: str) -> Code:
    """One line of text for after ``// ``."""
    return Code(_printable(_one_line(text)))


# -------------------------------------------------------------------------------- Go


def _go_string(text: str) -> Code:
    """A Go interpreted string literal holding ``text`` (a lone surrogate, which Go strings
    cannot hold as a code point, becomes U+FFFD)."""
    return Code('"' + _c_style(text, '"', astral=True, surrogates="replace") + '"')


def _go_comment(text: str) -> Code:
    """One line of text for after ``// ``. Go refuses NUL and a BOM anywhere in a source
    file, comments included; both are replaced."""
    return Code(_printable(_one_line(text)).replace("\ufeff", "\ufffd"))


def _go_struct_tag(pairs: list[tuple[str, str]]) -> Code:
    """A struct tag, as a Go string literal, from (key, value) pairs: ``json:"name,omitempty"``.

    Each value is quoted as ``reflect.StructTag`` reads it (``strconv.Unquote``), and the whole
    tag is an interpreted literal rather than a raw one, so a backtick cannot end it.
    """
    tag = " ".join(f"{key}:{_go_string(value)}" for key, value in pairs)
    if "`" not in tag:
        return Code("`" + tag + "`")
    return _go_string(tag)


# -------------------------------------------------------------------------- Markdown

# A fenced code block at the start of a line. Its content, and that of code spans, is shown
# literally, but never passed through raw: see _markdown_text.
_MD_FENCE = re.compile(
    r"(?:^|(?<=\n))(?P<fence>```|~~~)[^\n`]*\n"  # the opening fence
    r"(?P<body>(?:(?! {0,3}(?P=fence))[^\n]*\n)*?)"  # lines that cannot close it
    r" {0,3}(?P=fence)[ ]*(?=\n|$)"  # the closing fence
)
_MD_TICKS = re.compile(r"`+")
_MD_SPAN_START = re.compile(r"[\\`]")  # where a code span may open, or a character is escaped
_MD_UNSAFE_LINK = re.compile(r"(?i)\]\(\s*(javascript|vbscript|data):")
_MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]!|~])")
_MD_LINE_START = re.compile(r"^(\d*)([#+\-=>.)])")  # a heading, list, rule or quote


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markdown_text(text: str) -> Code:
    """CommonMark prose from a spec (descriptions are CommonMark by the OpenAPI spec): kept
    as Markdown, but no raw HTML can pass, and links or images cannot point at
    ``javascript:``, ``vbscript:`` or ``data:`` URLs.

    Safe by construction: every ``<``, ``>`` and ``&`` of the text is written as an entity.
    A code span or fenced block whose text holds one of them (``string <date-time>``) is
    written as a ``<code>`` or ``<pre>`` element of our own around the escaped text, so it
    still reads literally; where the span pairing here differs from a renderer's, the
    result can only look different, never carry the text's HTML.
    """
    body = _printable_lines("\n".join(_BREAK.split(text))).replace("\t", " ")
    pieces, position = [], 0
    for fence in _MD_FENCE.finditer(body):
        pieces.append(_md_spans(body[position : fence.start()]))
        content = fence.group("body")
        if any(c in content for c in "<>&"):
            pieces.append("<pre><code>" + _html(content) + "</code></pre>")
        else:
            pieces.append(fence.group(0))
        position = fence.end()
    pieces.append(_md_spans(body[position:]))
    return Code("".join(pieces))


def _md_spans(text: str) -> str:
    """Prose with its code spans, paired as CommonMark pairs backtick runs."""
    out: list[str] = []
    position = index = 0
    while (special := _MD_SPAN_START.search(text, index)) is not None:
        index = special.start()
        if text[index] == "\\":
            # an escaped character (an escaped backtick opens nothing); a lone backslash is text
            escaped = index + 1 < len(text) and text[index + 1] in _ASCII_PUNCTUATION
            index += 2 if escaped else 1
            continue
        run = _MD_TICKS.match(text, index)
        assert run is not None
        close = next(
            (
                c
                for c in _MD_TICKS.finditer(text, run.end())
                if len(c.group(0)) == len(run.group(0))
            ),
            None,
        )
        if close is None:
            index = run.end()  # backticks without a partner are literal
            continue
        content = text[run.end() : close.start()]
        out.append(_md_prose(text[position:index]))
        if any(c in content for c in "<>&"):
            shown = " ".join(content.split("\n")).strip() if content.strip() else content
            out.append("<code>" + _html(shown) + "</code>")
        else:
            out.append(text[index : close.end()])
        position = index = close.end()
    out.append(_md_prose(text[position:]))
    return "".join(out)


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _md_prose(text: str) -> str:
    return _MD_UNSAFE_LINK.sub(r"](#unsafe-\1-", _html(text))


def _markdown_cell(text: str) -> Code:
    """CommonMark prose for one table cell: as :func:`_markdown_text`, on one line, with
    ``|`` escaped so it cannot split the row."""
    return Code(_markdown_text(_one_line(text)).replace("|", "\\|"))


def _markdown_block(text: str, language: str) -> Code:
    """A fenced code block showing ``text`` literally: the fence is longer than any run of
    backticks inside, so no line of the text can close it. ``language`` is a token."""
    body = "\n".join(_BREAK.split(_printable_lines(text)))
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    info = re.sub(r"[^A-Za-z0-9_+-]", "", language)
    return Code(f"{fence}{info}\n{body}\n{fence}")


def _printable_lines(text: str) -> str:
    """``text`` with unsafe characters replaced, line breaks and tabs kept."""
    return _NOT_PRINTABLE_LINES.sub(_printable_line_char, text.replace("\r\n", "\n"))


_NOT_PRINTABLE_LINES = re.compile(r"[^\x20-\x7e\n\t]")


def _printable_line_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return "\ufffd" if _unsafe(char) else char


def _markdown_html(text: str) -> Code:
    """Text inside an HTML element of a Markdown page (a ``<summary>``), on one line."""
    body = _printable(_one_line(text))
    return Code(body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _markdown_inline(text: str) -> Code:
    """Text shown literally on one line (a heading, a table cell, a list item): every
    Markdown punctuation character is escaped, so nothing in it formats, links or splits
    a table."""
    body = _printable(_one_line(text))
    body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = _MD_PUNCTUATION.sub(r"\\\1", body)
    return Code(_MD_LINE_START.sub(r"\1\\\2", body))


def _markdown_code(text: str) -> Code:
    """An inline code span showing ``text`` literally (on one line): fenced with more
    backticks than any run inside, and padded when it starts or ends with one."""
    body = _printable(_one_line(text)).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if body.startswith("`") or body.endswith("`") or not body.strip() else ""
    return Code(f"{fence}{pad}{body}{pad}{fence}")


class python:  # read as escape.python.string(...)
    string = staticmethod(_python_string)
    docstring = staticmethod(_python_docstring)
    comment = staticmethod(_python_comment)


class toml:
    string = staticmethod(_toml_string)


class typescript:
    string = staticmethod(_typescript_string)
    jsdoc = staticmethod(_typescript_jsdoc)
    comment = staticmethod(_typescript_comment)


class go:
    string = staticmethod(_go_string)
    comment = staticmethod(_go_comment)
    struct_tag = staticmethod(_go_struct_tag)


class markdown:
    text = staticmethod(_markdown_text)
    cell = staticmethod(_markdown_cell)
    block = staticmethod(_markdown_block)
    html = staticmethod(_markdown_html)
    inline = staticmethod(_markdown_inline)
    code = staticmethod(_markdown_code)
