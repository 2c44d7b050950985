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


def _plain(text: str) -> bool:
    """Whether ``text`` is printable ASCII only (no control character, no tab): nothing in
    it needs replacing, the common case, checked in C."""
    return text.isascii() and text.isprintable()


def _printable(text: str) -> str:
    """``text`` with control and format characters (and surrogates) replaced by U+FFFD,
    except tabs, which become spaces."""
    if _plain(text):
        return text
    return "".join(" " if char == "\t" else "\ufffd" if _unsafe(char) else char for char in text)


def _c_style(text: str, quote: str, *, astral: bool, surrogates: str) -> str:
    """Backslash escapes shared by Python, TypeScript, Go and TOML basic strings.

    ``astral``: whether code points above U+FFFF may use ``\\U0010FFFF`` (Python, Go, TOML)
    or are written as a surrogate pair of ``\\u`` escapes (TypeScript). ``surrogates``:
    ``escape`` (Python and TypeScript can hold a lone surrogate) or ``replace`` (U+FFFD).
    """
    if _plain(text) and quote not in text and "\\" not in text:
        return text
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

    Line breaks stay (as ``\\n``); backslashes, quotes that could close the docstring and
    every unsafe character are escaped, so the docstring's value is ``text`` itself.
    """
    lines = (_c_style(line, '"', astral=True, surrogates="escape") for line in _BREAK.split(text))
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

_MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def _markdown_text(text: str) -> Code:
    """CommonMark prose from a spec (descriptions are CommonMark by the OpenAPI spec): kept
    as Markdown, but raw HTML cannot pass (``<`` and ``&`` become entities), and links or
    images cannot point at ``javascript:``, ``vbscript:`` or ``data:`` URLs."""
    body = _printable("\n".join(_BREAK.split(text))).replace("\t", " ")
    body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = re.sub(r"(?i)\]\(\s*(javascript|vbscript|data):", r"](#unsafe-\1-", body)
    return Code(body)


def _markdown_inline(text: str) -> Code:
    """Text shown literally on one line (a heading, a table cell, a list item): every
    Markdown punctuation character is escaped, so nothing in it formats, links or splits
    a table."""
    body = _printable(_one_line(text))
    body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Code(_MD_PUNCTUATION.sub(r"\\\1", body))


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
    inline = staticmethod(_markdown_inline)
    code = staticmethod(_markdown_code)
