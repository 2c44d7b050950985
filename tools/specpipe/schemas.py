"""JSON Schema validation of values against the schemas of one bundled OpenAPI document.

One place builds the validators (OpenAPI 3.1 or 3.0 dialect, OpenAPI format checks, ``$ref``
resolution inside the document), so the lint rules, the tests and the sandbox all judge a
value the same way.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator
from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from specpipe.loader import resolve_pointer, resolve_ref

BUNDLE_URI = "urn:specpipe:bundle"


class SchemaSet:
    """Validators for values against schemas of ``document`` (a bundled document)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.v30 = str(document.get("openapi", "")).startswith("3.0")
        resource = (DRAFT4 if self.v30 else DRAFT202012).create_resource(document)
        self._registry: Registry[Any] = Registry().with_resource(BUNDLE_URI, resource)
        self._cached = lru_cache(maxsize=None)(self._build)

    def resolve(self, ref: str) -> dict[str, Any]:
        """The schema a document-internal ``$ref`` (``#/...``) points at."""
        return resolve_ref(self.document, ref)

    def _build(self, pointer: str) -> Validator:
        cls: Any = OAS30Validator if self.v30 else OAS31Validator
        checker = oas30_format_checker if self.v30 else oas31_format_checker
        try:
            schema = resolve_pointer(self.document, pointer)
            # the schema itself as the root, its references resolved against the whole
            # document: no lookup of `pointer` on every validation (jsonschema's `_resolver`)
            validator: Validator = cls(
                schema,
                registry=self._registry,
                format_checker=checker,
                _resolver=self._registry.resolver(BUNDLE_URI),
            )
            return validator
        except (KeyError, ValueError, TypeError):
            # no such node (reported when used), or a jsonschema without `_resolver`
            wrapper = {"$ref": f"{BUNDLE_URI}#{pointer}"}
            fallback: Validator = cls(wrapper, registry=self._registry, format_checker=checker)
            return fallback

    def validator(self, pointer: str) -> Validator:
        """A validator for the schema at ``pointer`` (a JSON pointer into the document)."""
        validator: Validator = self._cached(pointer)
        return validator

    def iter_errors(self, value: Any, pointer: str) -> list[ValidationError]:
        """The validation errors of ``value`` against the schema at ``pointer``, in path order."""
        return sorted(
            self.validator(pointer).iter_errors(value),
            key=lambda e: [str(p) for p in e.absolute_path],
        )

    def errors(self, value: Any, pointer: str) -> list[str]:
        """Every reason ``value`` does not validate against the schema at ``pointer``."""
        found = self.iter_errors(value, pointer)
        return [
            f"{''.join(f'/{p}' for p in error.absolute_path) or '/'}: {error.message}"
            for error in found
        ]
