"""Identifiers of generated artefacts, one module per target language.

Wire names stay exactly as the spec writes them; generated code exposes idiomatic names and
maps them to the wire. Splitting a wire name into words, reserved words and collisions after
normalisation are handled here, never in templates.
"""

from __future__ import annotations

from specpipe.naming.common import Namespace, words
from specpipe.naming.python import python_distribution, python_package

__all__ = ["Namespace", "python_distribution", "python_package", "words"]
