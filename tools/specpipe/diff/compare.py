"""Walk two revisions side by side and record every change, classified per direction.

Operations are matched by path template (placeholder names ignored) and method; parameters
by location and name (path parameters by position); responses by status; media types by
name; schemas in their normalised form (:mod:`specpipe.diff.normal`), union alternatives by
identity (:mod:`specpipe.diff.match`). Each pair of schema nodes is compared once per
direction; a pair met again (the same component used by another operation) only adds the
operation to the changes it already produced.

A change is reported at a pointer that exists in the new revision, or, for what was removed,
in the old one (``side``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from specpipe.diff.kinds import KINDS, aspect_of
from specpipe.diff.match import Alternative, pair_alternatives
from specpipe.diff.normal import ASSERTIONS as _ASSERTIONS
from specpipe.diff.normal import BOUNDS, IGNORED, Node, Side, canonical
from specpipe.diff.stable import Stable, refs_in_text
from specpipe.loader import HTTP_METHODS, join_pointer, split_pointer

__all__ = ["REQUEST", "RESPONSE", "Found", "compare_documents"]

REQUEST, RESPONSE = "request", "response"
_ANY: dict[str, Any] = {}  # the schema of a parameter or media type that has none (never changed)
_CONTEXTS = 5  # operations named per change
_FORMAT_WIDENING = {("int32", "int64"), ("float", "double")}
_JSON_SCHEMA_ANNOTATIONS = frozenset(
    {"$id", "$schema", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary"}
)


@dataclass
class Found:
    kind: str
    pointer: str
    message: str
    side: str  # "new" or "old": the revision the pointer resolves in
    context: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class _Record:
    """The changes one pair of schema nodes produced, and the pairs it compared."""

    old: Node
    new: Node
    changes: list[tuple[str, str]] = field(default_factory=list)
    children: list[_Record] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)


def _flip(direction: str) -> str:
    return RESPONSE if direction == REQUEST else REQUEST


def _values_text(values: list[str], limit: int = 20) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f" … ({len(values) - limit} more)" if len(values) > limit else "")


def _types_text(types: frozenset[str] | None) -> str:
    return "any" if types is None else ("nothing" if not types else " or ".join(sorted(types)))


def _covers(wide: frozenset[str] | None, narrow: frozenset[str] | None) -> bool:
    """Whether every value of type set ``narrow`` is a value of ``wide`` (None: any)."""
    if wide is None:
        return True
    if narrow is None:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _template(path: str) -> str:
    """A path with its placeholders' names erased: ``/a/{id}`` and ``/a/{key}`` are one path."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def _placeholders(path: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", path)


def _success(status: str) -> bool:
    return status.upper().startswith("2")


def _short(value: Any) -> str:
    text = canonical(value)
    return text if len(text) <= 60 else text[:57] + "…"


class Comparer:
    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = Side(old), Side(new)
        self.stable = Stable(old, new)
        self._security_differs = old.get("security") != new.get("security")
        self.found: dict[tuple[str, str], Found] = {}
        self._pairs: dict[tuple[int, int, str, bool], _Record] = {}
        self._active: set[tuple[int, int, str, bool]] = set()
        self._stack: list[_Record] = []
        self._label = ""

    # recording --------------------------------------------------------------------------

    def add(
        self,
        kind: str,
        pointer: str,
        message: str,
        side: str = "new",
        details: dict[str, Any] | None = None,
    ) -> None:
        assert kind in KINDS, kind
        key = (kind, pointer)
        change = self.found.get(key)
        if change is None:
            change = self.found[key] = Found(kind, pointer, message, side, [], details or {})
        if self._label and self._label not in change.context and len(change.context) < _CONTEXTS:
            change.context.append(self._label)
        if self._stack:
            self._stack[-1].changes.append(key)

    def _relabel(self, record: _Record, label: str) -> None:
        todo = [record]
        while todo:
            current = todo.pop()
            if label in current.labels or len(current.labels) >= _CONTEXTS:
                continue
            current.labels.add(label)
            for key in current.changes:
                change = self.found[key]
                if label not in change.context and len(change.context) < _CONTEXTS:
                    change.context.append(label)
            todo.extend(current.children)

    # document level ---------------------------------------------------------------------

    def run(self) -> list[Found]:
        old, new = self.old.document, self.new.document
        self.servers(old.get("servers"), new.get("servers"))
        self.schemes(old, new)
        self.components(old, new)
        for section in ("paths", "webhooks"):
            self.section(section, old.get(section), new.get(section))
        return self._resolved()

    def _resolved(self) -> list[Found]:
        """The changes, with contradictory verdicts on one pointer folded into one."""
        groups: dict[tuple[str, str, str], list[Found]] = {}
        rest: list[Found] = []
        for change in self.found.values():
            found = aspect_of(change.kind)
            if found is None:
                rest.append(change)
            else:
                groups.setdefault((change.pointer, found[0], found[1]), []).append(change)
        for (_, direction, aspect), changes in groups.items():
            if len(changes) == 1:
                rest.extend(changes)
                continue
            first = changes[0]
            messages = list(dict.fromkeys(c.message for c in changes))
            context = list(dict.fromkeys(x for c in changes for x in c.context))[:_CONTEXTS]
            rest.append(
                Found(
                    f"{direction}-{aspect}-changed",
                    first.pointer,
                    "; ".join(messages),
                    first.side,
                    context,
                    first.details,
                )
            )
        return rest

    def servers(self, old: Any, new: Any) -> None:
        def urls(servers: Any) -> list[Any]:
            if not isinstance(servers, list):
                return []
            return [s.get("url") if isinstance(s, dict) else None for s in servers]

        old_urls, new_urls = urls(old), urls(new)
        for index, url in enumerate(old_urls):
            if url not in new_urls:
                self.add("server-removed", f"/servers/{index}", f"server {url} removed", "old")
        for index, url in enumerate(new_urls):
            if url not in old_urls:
                self.add("server-added", f"/servers/{index}", f"server {url} added")

    def schemes(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_schemes = _dict(_dict(old.get("components")).get("securitySchemes"))
        new_schemes = _dict(_dict(new.get("components")).get("securitySchemes"))
        for name, scheme in new_schemes.items():
            if name not in old_schemes:
                continue  # only matters where a requirement names it (see security)

            def shape(value: Any) -> str:
                value = _dict(value)
                kept = {
                    k: v
                    for k, v in value.items()
                    if k not in ("description", "$ref") and not k.startswith("x-")
                }
                return canonical(kept)

            before = self.old.deref(old_schemes[name], "")[0]
            after = self.new.deref(scheme, "")[0]
            if shape(before) != shape(after):
                pointer = join_pointer("/components/securitySchemes", name)
                self.add("security-scheme-changed", pointer, f"security scheme {name} changed")

    def components(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_schemas = _dict(_dict(old.get("components")).get("schemas"))
        new_schemas = _dict(_dict(new.get("components")).get("schemas"))
        removed = [name for name in old_schemas if name not in new_schemas]
        added = [name for name in new_schemas if name not in old_schemas]
        # a schema removed and one added with the same content, each the only such: a rename
        contents: dict[str, list[str]] = {}
        for name in added:
            contents.setdefault(canonical(new_schemas[name]), []).append(name)
        renamed: dict[str, str] = {}
        if added:
            olds: dict[str, list[str]] = {}
            for name in removed:
                olds.setdefault(canonical(old_schemas[name]), []).append(name)
            for content, names in olds.items():
                if len(names) == 1 and len(contents.get(content, [])) == 1:
                    renamed[names[0]] = contents[content][0]
        for name in removed:
            if name in renamed:
                pointer = join_pointer("/components/schemas", renamed[name])
                self.add("schema-renamed", pointer, f"schema {name} renamed to {renamed[name]}")
            else:
                pointer = join_pointer("/components/schemas", name)
                self.add("schema-removed", pointer, f"schema {name} removed", "old")
        for name in added:
            if name not in renamed.values():
                pointer = join_pointer("/components/schemas", name)
                self.add("schema-added", pointer, f"schema {name} added")

    def section(self, section: str, old: Any, new: Any) -> None:
        """``paths`` (clients call the API) or ``webhooks`` (the API calls clients)."""
        old_items, new_items = _dict(old), _dict(new)
        base = f"/{section}"
        flipped = section != "paths"
        keyed = _template if section == "paths" else str
        old_keys = {keyed(p): p for p in old_items}
        new_keys = {keyed(p): p for p in new_items}
        for key, name in old_keys.items():
            if key not in new_keys:
                item, _ = self.old.deref(old_items[name], join_pointer(base, name))
                for method in HTTP_METHODS:
                    if isinstance(item.get(method), dict):
                        self._label = f"{method.upper()} {name}"
                        self.add(
                            "operation-removed",
                            join_pointer(join_pointer(base, name), method),
                            f"{method.upper()} {name} removed",
                            "old",
                        )
        for key, name in new_keys.items():
            if key not in old_keys:
                item, _ = self.new.deref(new_items[name], join_pointer(base, name))
                for method in HTTP_METHODS:
                    if isinstance(item.get(method), dict):
                        self._label = f"{method.upper()} {name}"
                        self.add(
                            "operation-added",
                            join_pointer(join_pointer(base, name), method),
                            f"{method.upper()} {name} added",
                        )
                continue
            old_name = old_keys[key]
            self.path_item(
                old_items[old_name],
                join_pointer(base, old_name),
                new_items[name],
                join_pointer(base, name),
                name,
                flipped,
            )
        self._label = ""

    def path_item(
        self, old: Any, old_base: str, new: Any, new_base: str, path: str, flipped: bool
    ) -> None:
        old_item, old_ptr = self.old.deref(old, old_base)
        new_item, new_ptr = self.new.deref(new, new_base)
        for method in HTTP_METHODS:
            label = f"{method.upper()} {path}"
            self._label = label
            before, after = old_item.get(method), new_item.get(method)
            if isinstance(before, dict) and not isinstance(after, dict):
                self.add("operation-removed", f"{old_ptr}/{method}", f"{label} removed", "old")
            elif isinstance(after, dict) and not isinstance(before, dict):
                self.add("operation-added", f"{new_ptr}/{method}", f"{label} added")
            elif isinstance(after, dict) and isinstance(before, dict):
                if self._same_operation(old_item, before, new_item, after, path, flipped):
                    continue
                self.operation(
                    _Op(old_item, before, f"{old_ptr}/{method}"),
                    _Op(new_item, after, f"{new_ptr}/{method}"),
                    label,
                    flipped,
                )

    def _same_operation(
        self,
        old_item: dict[str, Any],
        old: dict[str, Any],
        new_item: dict[str, Any],
        new: dict[str, Any],
        path: str,
        flipped: bool,
    ) -> bool:
        """Whether an operation is written the same way in both revisions, with the same
        path parameters, the same default security, and every reference it makes stable:
        then comparing it can find nothing."""
        if old != new or old_item.get("parameters") != new_item.get("parameters"):
            return False
        if not flipped and "security" not in new and self._security_differs:
            return False
        refs = refs_in_text([new, new_item.get("parameters")])
        return all(self.stable.ref(r) for r in refs)

    def operation(self, old: _Op, new: _Op, label: str, flipped: bool) -> None:
        if old.operation.get("operationId") != new.operation.get("operationId"):
            self.add(
                "operation-id-changed",
                f"{new.pointer}/operationId"
                if "operationId" in new.operation
                else f"{old.pointer}/operationId",
                f"operationId {old.operation.get('operationId')} -> "
                f"{new.operation.get('operationId')}",
                "new" if "operationId" in new.operation else "old",
            )
        if new.operation.get("deprecated") is True and old.operation.get("deprecated") is not True:
            self.add("operation-deprecated", new.pointer, f"{label} deprecated")
        for key in ("summary", "description"):
            if old.operation.get(key) != new.operation.get(key):
                self._text_changed(key, old.operation, old.pointer, new.operation, new.pointer)
        if not flipped:
            self.security(new.pointer, old.operation, new.operation)
        send = RESPONSE if flipped else REQUEST
        self.parameters(old, new, send, flipped)
        self.request_body(old, new, send, flipped)
        self.responses(old, new, _flip(send))
        old_callbacks = _dict(old.operation.get("callbacks"))
        new_callbacks = _dict(new.operation.get("callbacks"))
        for name, callback in new_callbacks.items():
            if name not in old_callbacks:
                continue
            before, before_ptr = self.old.deref(
                old_callbacks[name], join_pointer(f"{old.pointer}/callbacks", name)
            )
            after, after_ptr = self.new.deref(
                callback, join_pointer(f"{new.pointer}/callbacks", name)
            )
            for expression, item in after.items():
                if expression in before and not expression.startswith("x-"):
                    self.path_item(
                        before[expression],
                        join_pointer(before_ptr, expression),
                        item,
                        join_pointer(after_ptr, expression),
                        expression,
                        not flipped,
                    )
            self._label = label

    def _text_changed(
        self, key: str, old: dict[str, Any], old_ptr: str, new: dict[str, Any], new_ptr: str
    ) -> None:
        if key in new:
            self.add("description-changed", join_pointer(new_ptr, key), f"{key} changed")
        else:
            self.add("description-changed", join_pointer(old_ptr, key), f"{key} removed", "old")

    def security(self, pointer: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        def effective(side: Side, operation: dict[str, Any]) -> list[dict[str, set[str]]]:
            requirements = operation.get("security", side.document.get("security"))
            if not isinstance(requirements, list) or not requirements:
                return [{}]
            return [
                {k: set(v or []) for k, v in r.items()} for r in requirements if isinstance(r, dict)
            ]

        before, after = effective(self.old, old), effective(self.new, new)
        if before == after:
            return

        def accepted(alternative: dict[str, set[str]]) -> bool:
            return any(
                all(k in alternative and scopes <= alternative[k] for k, scopes in n.items())
                for n in after
            )

        where = f"{pointer}/security" if "security" in new else "/security"
        if "security" not in new and "security" not in self.new.document:
            where = pointer
        if all(accepted(o) for o in before):
            self.add("security-requirement-relaxed", where, "security requirement relaxed")
        else:
            self.add(
                "security-requirement-tightened",
                where,
                "a set of credentials clients use is no longer accepted",
            )

    def parameters(self, old: _Op, new: _Op, direction: str, flipped: bool) -> None:
        def collect(side: Side, op: _Op) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
            found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
            item_base = op.pointer.rsplit("/", 1)[0]
            for owner, where in ((op.item, item_base), (op.operation, op.pointer)):
                parameters = owner.get("parameters")
                for index, node in enumerate(parameters if isinstance(parameters, list) else []):
                    param, _ = side.deref(node, f"{where}/parameters/{index}")
                    location = str(param.get("in"))
                    name = str(param.get("name"))
                    key = (location, name.lower() if location == "header" else name)
                    found[key] = (param, f"{where}/parameters/{index}")
            # path parameters are matched by position in the template, not by name
            renamed: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
            path = split_pointer(op.pointer)[1]
            for position, name in enumerate(_placeholders(path)):
                if ("path", name) in found:
                    renamed[("path", f"#{position}")] = found.pop(("path", name))
            found.update(renamed)
            return found

        before, after = collect(self.old, old), collect(self.new, new)
        for key, (param, where) in before.items():
            if key not in after:
                name = f"{param.get('in')} parameter {param.get('name')}"
                self.add("parameter-removed", where, f"{name} removed", "old")
        for key, (param, where) in after.items():
            name = f"{param.get('in')} parameter {param.get('name')}"
            if key not in before:
                required = param.get("required") is True and not flipped
                kind = "parameter-added-required" if required else "parameter-added-optional"
                self.add(kind, where, f"{name} added")
                continue
            previous, old_where = before[key]
            if not flipped:
                if param.get("required") is True and previous.get("required") is not True:
                    self.add("parameter-became-required", where, f"{name} became required")
                elif previous.get("required") is True and param.get("required") is not True:
                    self.add("parameter-became-optional", where, f"{name} became optional")
            for keyword in ("style", "explode", "allowReserved"):
                if previous.get(keyword) != param.get(keyword):
                    self.add(
                        "parameter-serialization-changed",
                        where,
                        f"{name}: {keyword} {previous.get(keyword)} -> {param.get(keyword)}",
                    )
            if previous.get("description") != param.get("description"):
                self._text_changed("description", previous, old_where, param, where)
            if "content" in previous or "content" in param:
                self.content(
                    _dict(previous.get("content")),
                    f"{old_where}/content",
                    _dict(param.get("content")),
                    f"{where}/content",
                    direction,
                    flipped,
                )
            else:
                self.schema(
                    previous.get("schema", _ANY),
                    f"{old_where}/schema",
                    param.get("schema", _ANY),
                    f"{where}/schema",
                    direction,
                )

    def request_body(self, old: _Op, new: _Op, direction: str, flipped: bool) -> None:
        before, after = old.operation.get("requestBody"), new.operation.get("requestBody")
        old_where, new_where = f"{old.pointer}/requestBody", f"{new.pointer}/requestBody"
        if before is None and after is None:
            return
        if after is None:
            self.add("request-body-removed", old_where, "request body removed", "old")
            return
        new_body, new_ptr = self.new.deref(after, new_where)
        if before is None:
            required = new_body.get("required") is True and not flipped
            kind = "request-body-became-required" if required else "request-body-added"
            self.add(kind, new_where, "request body added")
            return
        old_body, old_ptr = self.old.deref(before, old_where)
        if not flipped:
            if new_body.get("required") is True and old_body.get("required") is not True:
                self.add("request-body-became-required", new_where, "request body became required")
            elif old_body.get("required") is True and new_body.get("required") is not True:
                self.add("request-body-became-optional", new_where, "request body became optional")
        self.content(
            _dict(old_body.get("content")),
            f"{old_ptr}/content",
            _dict(new_body.get("content")),
            f"{new_ptr}/content",
            direction,
            flipped,
            body=True,
        )

    def content(
        self,
        old: dict[str, Any],
        old_ptr: str,
        new: dict[str, Any],
        new_ptr: str,
        direction: str,
        flipped: bool,
        body: bool = False,
    ) -> None:
        # the media types of a request body are what the client may send; for a webhook the
        # API sends them, and which media types it uses is not classified
        owner = "request" if body else "response"
        if not flipped:
            for media_type in old:
                if media_type not in new:
                    self.add(
                        f"{owner}-media-type-removed",
                        join_pointer(old_ptr, media_type),
                        f"media type {media_type} removed",
                        "old",
                    )
        for media_type, media in new.items():
            where = join_pointer(new_ptr, media_type)
            if media_type not in old:
                if not flipped:
                    self.add(f"{owner}-media-type-added", where, f"media type {media_type} added")
                continue
            previous, media = _dict(old[media_type]), _dict(media)
            old_where = join_pointer(old_ptr, media_type)
            for key in ("examples", "example"):
                if not _same(
                    self._examples(self.old, previous.get(key)),
                    self._examples(self.new, media.get(key)),
                ):
                    if key in media:
                        self.add("example-changed", f"{where}/{key}", f"{key} changed")
                    else:
                        self.add("example-changed", f"{old_where}/{key}", f"{key} removed", "old")
            if "schema" in previous or "schema" in media:
                self.schema(
                    previous.get("schema", _ANY),
                    f"{old_where}/schema",
                    media.get("schema", _ANY),
                    f"{where}/schema",
                    direction,
                    xml="xml" in media_type.split(";")[0].lower(),
                )

    def _examples(self, side: Side, examples: Any) -> Any:
        if isinstance(examples, dict) and all(isinstance(v, dict) for v in examples.values()):
            return {k: side.deref(v, "")[0] for k, v in examples.items()}
        return examples

    def responses(self, old: _Op, new: _Op, direction: str) -> None:
        before = _dict(old.operation.get("responses"))
        after = _dict(new.operation.get("responses"))
        old_base, new_base = f"{old.pointer}/responses", f"{new.pointer}/responses"
        old_keys = {str(s).upper(): s for s in before}
        new_keys = {str(s).upper(): s for s in after}
        for key, status in old_keys.items():
            if key not in new_keys:
                kind = (
                    "response-success-status-removed"
                    if _success(key)
                    else "response-status-removed"
                )
                self.add(kind, join_pointer(old_base, status), f"status {status} removed", "old")
        for key, status in new_keys.items():
            where = join_pointer(new_base, status)
            if key not in old_keys:
                self.add("response-status-added", where, f"status {status} added")
                continue
            old_status = old_keys[key]
            response, new_ptr = self.new.deref(after[status], where)
            previous, old_ptr = self.old.deref(
                before[old_status], join_pointer(old_base, old_status)
            )
            self.headers(previous, old_ptr, response, new_ptr, direction)
            self.content(
                _dict(previous.get("content")),
                f"{old_ptr}/content",
                _dict(response.get("content")),
                f"{new_ptr}/content",
                direction,
                direction == REQUEST,
            )

    def headers(
        self, old: dict[str, Any], old_ptr: str, new: dict[str, Any], new_ptr: str, direction: str
    ) -> None:
        old_headers = {k.lower(): (k, v) for k, v in _dict(old.get("headers")).items()}
        new_headers = {k.lower(): (k, v) for k, v in _dict(new.get("headers")).items()}
        receiving = direction == RESPONSE
        for key, (name, _) in old_headers.items():
            if key not in new_headers and receiving:
                self.add(
                    "response-header-removed",
                    join_pointer(f"{old_ptr}/headers", name),
                    f"header {name} removed",
                    "old",
                )
        for key, (name, header_node) in new_headers.items():
            header_ptr = join_pointer(f"{new_ptr}/headers", name)
            if key not in old_headers:
                if receiving:
                    self.add("response-header-added", header_ptr, f"header {name} added")
                continue
            old_name, old_node = old_headers[key]
            header, header_ptr = self.new.deref(header_node, header_ptr)
            before, before_ptr = self.old.deref(
                old_node, join_pointer(f"{old_ptr}/headers", old_name)
            )
            if receiving and before.get("required") is True and header.get("required") is not True:
                self.add(
                    "response-header-became-optional", header_ptr, f"header {name} became optional"
                )
            self.schema(
                before.get("schema", _ANY),
                f"{before_ptr}/schema",
                header.get("schema", _ANY),
                f"{header_ptr}/schema",
                direction,
            )

    # schemas ----------------------------------------------------------------------------

    def schema(
        self,
        old: Any,
        old_ptr: str,
        new: Any,
        new_ptr: str,
        direction: str,
        xml: bool = False,
    ) -> None:
        if self.stable.subtree(old, new):
            return
        self.nodes(self.old.node(old, old_ptr), self.new.node(new, new_ptr), direction, xml)

    def nodes(self, before: Node, after: Node, direction: str, xml: bool) -> None:
        if (
            before.ref is not None
            and before.ref == after.ref
            and isinstance(before.source, dict)
            and self.stable.subtree(before.source, after.source)
        ):
            return  # the same $ref, to a schema written the same way, all the way down
        key = (id(before), id(after), direction, xml)
        record = self._pairs.get(key)
        if record is not None:
            if self._stack:
                self._stack[-1].children.append(record)
            if key not in self._active and self._label:
                self._relabel(record, self._label)
            return
        record = self._pairs[key] = _Record(before, after)
        if self._label:
            record.labels.add(self._label)
        if self._stack:
            self._stack[-1].children.append(record)
        self._stack.append(record)
        self._active.add(key)
        try:
            self._compare(before, after, direction, xml)
        finally:
            self._active.discard(key)
            self._stack.pop()

    def _at(self, before: Node, after: Node, keyword: str) -> tuple[str, str]:
        """The pointer of ``keyword``: where the new revision writes it, else the old one."""
        if keyword in after.where:
            return after.where[keyword], "new"
        if keyword in before.where:
            return before.where[keyword], "old"
        return after.pointer, "new"

    def _compare(self, before: Node, after: Node, direction: str, xml: bool) -> None:
        self._description(before, after)
        if before.members is not None or after.members is not None:
            self._union(before, after, direction, xml)
            return
        self._types(before, after, direction)
        self._values(before, after, direction)
        self._format(before, after, direction)
        self._bounds(before, after, direction)
        self._flags(before, after, direction)
        self._rules(before, after, direction)
        self._others(before, after, direction, xml)
        self._items(before, after, direction, xml)
        self._additional(before, after, direction, xml)
        self._properties(before, after, direction, xml)

    def _description(self, before: Node, after: Node) -> None:
        a, b = before.keywords.get("description"), after.keywords.get("description")
        if a == b:
            return
        pointer, side = self._at(before, after, "description")
        verb = "removed" if b is None else ("added" if a is None else "changed")
        self.add("description-changed", pointer, f"description {verb}", side)

    def _types(self, before: Node, after: Node, direction: str) -> None:
        old_types, new_types = before.types, after.types
        if old_types != new_types:
            pointer, side = self._at(before, after, "type")
            wider, narrower = _covers(new_types, old_types), _covers(old_types, new_types)
            verdict = "widened" if wider else ("narrowed" if narrower else "changed")
            text = f"type {_types_text(old_types)} -> {_types_text(new_types)}"
            self.add(f"{direction}-type-{verdict}", pointer, text, side)
        was, now = before.nullable, after.nullable
        if was is not None and now is not None and was != now:
            if now:
                pointer = after.where.get("nullable", after.pointer)
                self.add(f"{direction}-became-nullable", pointer, "became nullable")
            else:
                pointer = after.where.get("type", after.pointer)
                self.add(f"{direction}-no-longer-nullable", pointer, "no longer nullable")

    def _values(self, before: Node, after: Node, direction: str) -> None:
        a, b = before.values, after.values
        if a is None and b is None:
            return
        pointer, side = self._at(before, after, "enum")
        if a is None or b is None:
            verdict = "narrowed" if a is None else "widened"
            shown = list((b if a is None else a) or {})
            text = f"enum [{_values_text(shown)}] {'added' if a is None else 'removed'}"
            self.add(f"{direction}-enum-{verdict}", pointer, text, side, {"values": shown})
            return
        added = [v for v in b if v not in a]
        removed = [v for v in a if v not in b]
        self._value_change(direction, pointer, side, "enum", added, removed)

    def _value_change(
        self,
        direction: str,
        pointer: str,
        side: str,
        what: str,
        added: list[str],
        removed: list[str],
    ) -> None:
        if not added and not removed:
            return
        parts = []
        if added:
            parts.append(f"added {_values_text(added)}")
        if removed:
            parts.append(f"removed {_values_text(removed)}")
        verdict = "changed" if added and removed else ("widened" if added else "narrowed")
        self.add(
            f"{direction}-enum-{verdict}",
            pointer,
            f"{what}: {'; '.join(parts)}",
            side,
            {"added": added, "removed": removed},
        )

    def _format(self, before: Node, after: Node, direction: str) -> None:
        a, b = before.keywords.get("format"), after.keywords.get("format")
        if a == b:
            return
        pointer, side = self._at(before, after, "format")
        if a is None:
            verdict, text = "narrowed", f"format {b} added"
        elif b is None:
            verdict, text = "widened", f"format {a} removed"
        elif (a, b) in _FORMAT_WIDENING:
            verdict, text = "widened", f"format {a} -> {b}"
        elif (b, a) in _FORMAT_WIDENING:
            verdict, text = "narrowed", f"format {a} -> {b}"
        else:
            verdict, text = "changed", f"format {a} -> {b}"
        self.add(f"{direction}-format-{verdict}", pointer, text, side)

    def _bounds(self, before: Node, after: Node, direction: str) -> None:
        for keyword, (aspect, larger_is_tighter) in BOUNDS.items():
            a, b = before.keywords.get(keyword), after.keywords.get(keyword)
            if a == b or not _number_or_none(a) or not _number_or_none(b):
                continue
            if a is None:
                tighter, text = True, f"{keyword} {b} added"
            elif b is None:
                tighter, text = False, f"{keyword} {a} removed"
            else:
                tighter = b > a if larger_is_tighter else b < a
                text = f"{keyword} {a} -> {b}"
            pointer, side = self._at(before, after, keyword)
            verdict = "narrowed" if tighter else "widened"
            self.add(f"{direction}-{aspect}-{verdict}", pointer, text, side)
        a, b = before.keywords.get("multipleOf"), after.keywords.get("multipleOf")
        if a != b and _number_or_none(a) and _number_or_none(b):
            pointer, side = self._at(before, after, "multipleOf")
            if a is None or b is None:
                verdict = "narrowed" if a is None else "widened"
            elif b % a == 0:
                verdict = "narrowed"
            elif a % b == 0:
                verdict = "widened"
            else:
                verdict = "changed"
            self.add(f"{direction}-range-{verdict}", pointer, f"multipleOf {a} -> {b}", side)
        a, b = before.keywords.get("uniqueItems") is True, after.keywords.get("uniqueItems") is True
        if a != b:
            pointer, side = self._at(before, after, "uniqueItems")
            verdict = "narrowed" if b else "widened"
            self.add(f"{direction}-items-{verdict}", pointer, f"uniqueItems {a} -> {b}", side)
        a, b = before.keywords.get("pattern"), after.keywords.get("pattern")
        if a != b:
            pointer, side = self._at(before, after, "pattern")
            if a is None:
                verdict, text = "narrowed", f"pattern {b!r} added"
            elif b is None:
                verdict, text = "widened", f"pattern {a!r} removed"
            else:
                verdict, text = "changed", f"pattern {a!r} -> {b!r}"
            self.add(f"{direction}-pattern-{verdict}", pointer, text, side)

    def _flags(self, before: Node, after: Node, direction: str) -> None:
        a, b = before.keywords.get("default"), after.keywords.get("default")
        if not _same(a, b):
            pointer, side = self._at(before, after, "default")
            if a is None:
                text = f"default {_short(b)} added"
            elif b is None:
                text = f"default {_short(a)} removed"
            else:
                text = f"default {_short(a)} -> {_short(b)}"
            self.add(f"{direction}-default-changed", pointer, text, side)
        for flag, name in (("readOnly", "read-only"), ("writeOnly", "write-only")):
            was, now = before.keywords.get(flag) is True, after.keywords.get(flag) is True
            if was != now:
                pointer, side = self._at(before, after, flag)
                state = "added" if now else "removed"
                self.add(f"{name}-{state}", pointer, f"{flag} {state}", side)

    def _rules(self, before: Node, after: Node, direction: str) -> None:
        old_by_message = {message: key for key, (message, _) in before.rules.items()}
        matched: set[str] = set()
        for key, (message, pointer) in after.rules.items():
            if key in before.rules:
                matched.add(key)
                continue
            previous = old_by_message.get(message)
            if previous is not None and previous not in after.rules and previous not in matched:
                matched.add(previous)
                self.add(f"{direction}-rule-changed", pointer, f"rule changed: {message}")
            else:
                self.add(f"{direction}-rule-added", pointer, f"rule added: {message}")
        for key, (message, pointer) in before.rules.items():
            if key not in matched:
                self.add(f"{direction}-rule-removed", pointer, f"rule removed: {message}", "old")

    def _others(self, before: Node, after: Node, direction: str, xml: bool) -> None:
        for keyword in sorted(set(before.others) | set(after.others)):
            a, b = before.others.get(keyword), after.others.get(keyword)
            if _same(a, b):
                continue
            pointer, side = self._at(before, after, keyword)
            verb = (
                "added"
                if keyword not in before.others
                else ("removed" if keyword not in after.others else "changed")
            )
            name = "a second union" if keyword == "allOf+" else keyword
            if keyword in _ASSERTIONS:
                self.add("schema-keyword-changed", pointer, f"{name} {verb}", side)
            elif keyword in IGNORED:
                continue
            else:
                why = (
                    "without effect on validation"
                    if keyword in _JSON_SCHEMA_ANNOTATIONS
                    else ("not a JSON Schema or OpenAPI keyword")
                )
                self.add("unclassified", pointer, f"{keyword} {verb} ({why})", side)
        a, b = before.keywords.get("xml"), after.keywords.get("xml")
        if xml and not _same(a, b):
            pointer, side = self._at(before, after, "xml")
            self.add("schema-keyword-changed", pointer, "xml changed (the XML form)", side)

    def _items(self, before: Node, after: Node, direction: str, xml: bool) -> None:
        if not before.items and not after.items:
            return
        old_ptr = before.where.get("items", before.pointer)
        new_ptr = after.where.get("items", after.pointer)
        self.nodes(
            self.old.merged(before.items, old_ptr),
            self.new.merged(after.items, new_ptr),
            direction,
            xml,
        )

    def _additional(self, before: Node, after: Node, direction: str, xml: bool) -> None:
        def state(node: Node) -> str:
            if node.closed:
                return "closed"
            schemas = [s for s, _ in node.additional if isinstance(s, dict) and s]
            return "schema" if schemas else "open"

        a, b = state(before), state(after)
        if a == "schema" and b == "schema":
            sources_a = [(s, p) for s, p in before.additional if isinstance(s, dict) and s]
            sources_b = [(s, p) for s, p in after.additional if isinstance(s, dict) and s]
            self.nodes(
                self.old.merged(sources_a, sources_a[0][1]),
                self.new.merged(sources_b, sources_b[0][1]),
                direction,
                xml,
            )
            return
        if a == b:
            return
        order = {"closed": 0, "schema": 1, "open": 2}
        verdict = "widened" if order[b] > order[a] else "narrowed"
        pointer, side = self._at(before, after, "additionalProperties")
        names = {"closed": "false", "schema": "a schema", "open": "any member"}
        self.add(
            f"{direction}-additional-properties-{verdict}",
            pointer,
            f"additionalProperties {names[a]} -> {names[b]}",
            side,
        )

    def _properties(self, before: Node, after: Node, direction: str, xml: bool) -> None:
        hidden = "readOnly" if direction == REQUEST else "writeOnly"
        old_sources, new_sources = before.properties, after.properties

        def old_node(name: str) -> Node:
            sources = old_sources[name]
            return self.old.merged(sources, sources[0][1])

        def new_node(name: str) -> Node:
            sources = new_sources[name]
            return self.new.merged(sources, sources[0][1])

        def skipped(node: Node) -> bool:
            return node.keywords.get(hidden) is True

        old_nodes = {n: old_node(n) for n in old_sources if n not in new_sources}
        new_nodes = {n: new_node(n) for n in new_sources if n not in old_sources}
        removed = sorted(n for n, node in old_nodes.items() if not skipped(node))
        added = sorted(n for n, node in new_nodes.items() if not skipped(node))
        renamed = self._renames(before, after, old_nodes, new_nodes, removed, added)
        for name in removed:
            if name in renamed:
                target = renamed[name]
                self.add(
                    f"{direction}-property-renamed",
                    new_nodes[target].pointer,
                    f"property {name} renamed to {target}",
                )
            else:
                self.add(
                    f"{direction}-property-removed",
                    old_nodes[name].pointer,
                    f"property {name} removed",
                    "old",
                )
        targets = set(renamed.values())
        for name in added:
            if name in targets:
                continue
            pointer = new_nodes[name].pointer
            if direction == RESPONSE:
                kind = (
                    "response-property-added-to-closed-object"
                    if before.closed
                    else "response-property-added"
                )
            elif name in after.required:
                kind = "request-property-added-required"
            else:
                kind = "request-property-added-optional"
            self.add(kind, pointer, f"property {name} added")
        for name in sorted(n for n in old_sources if n in new_sources):
            was, now = name in before.required, name in after.required
            before_sources, after_sources = old_sources[name], new_sources[name]
            if was != now:
                both_hidden = skipped(old_node(name)) and skipped(new_node(name))
                if not both_hidden:
                    state = "required" if now else "optional"
                    self.add(
                        f"{direction}-property-became-{state}",
                        after_sources[0][1],
                        f"property {name} became {state}",
                    )
            if (
                len(before_sources) == 1
                and len(after_sources) == 1
                and self.stable.subtree(before_sources[0][0], after_sources[0][0])
            ):
                continue  # written the same way, and so is everything it references
            self.nodes(old_node(name), new_node(name), direction, xml)

    def _renames(
        self,
        before: Node,
        after: Node,
        old_nodes: dict[str, Node],
        new_nodes: dict[str, Node],
        removed: list[str],
        added: list[str],
    ) -> dict[str, str]:
        """Removed -> added names whose schemas are equal, each the only candidate of the other."""
        if not removed or not added:
            return {}
        old_sigs = {n: _signature(old_nodes[n], n in before.required) for n in removed}
        new_sigs = {n: _signature(new_nodes[n], n in after.required) for n in added}
        found: dict[str, str] = {}
        for name, signature in old_sigs.items():
            candidates = [a for a, s in new_sigs.items() if s == signature]
            if len(candidates) == 1 and list(old_sigs.values()).count(signature) == 1:
                found[name] = candidates[0]
        return found

    def _union(self, before: Node, after: Node, direction: str, xml: bool) -> None:
        if before.members is not None and after.members is not None and before.union != after.union:
            pointer = after.where.get(after.union, after.pointer)
            widening = before.union == "oneOf"  # anyOf also accepts what matches several
            verdict = "widened" if widening else "narrowed"
            self.add(f"{direction}-type-{verdict}", pointer, f"{before.union} -> {after.union}")
        old_alternatives = self._alternatives(self.old, before)
        new_alternatives = self._alternatives(self.new, after)
        self._discriminator(before, after)
        pairs, removed, added = pair_alternatives(old_alternatives, new_alternatives)
        keyword = after.union or before.union
        for old, new in pairs:
            if old.node.ref and new.node.ref and old.node.target != new.node.target:
                self.add(
                    "union-member-renamed",
                    new.node.pointer,
                    f"{keyword} member {old.node.name()} renamed to {new.node.name()}",
                )
            if old.values != new.values and (old.values or new.values):
                pointer = after.where.get("discriminator", new.node.pointer)
                side = "new"
                self._value_change(
                    direction,
                    pointer,
                    side,
                    f"discriminator values of {new.node.name()}",
                    sorted(new.values - old.values),
                    sorted(old.values - new.values),
                )
            self.nodes(old.node, new.node, direction, xml)
        for old in removed:
            self.add(
                f"{direction}-union-member-removed",
                old.node.pointer,
                f"{before.union or keyword} member {old.node.name()} removed",
                "old",
            )
        for new in added:
            self.add(
                f"{direction}-union-member-added",
                new.node.pointer,
                f"{after.union or keyword} member {new.node.name()} added",
            )

    def _alternatives(self, side: Side, node: Node) -> list[Alternative]:
        members = side.alternatives(node) if node.members is not None else [node]
        discriminator = node.keywords.get("discriminator")
        if not isinstance(discriminator, dict) or node.members is None:
            return [Alternative(m, frozenset()) for m in members]
        prop = discriminator.get("propertyName")
        mapping = discriminator.get("mapping")
        by_target: dict[str, set[str]] = {}
        for value, target in (mapping if isinstance(mapping, dict) else {}).items():
            if isinstance(target, str):
                ref = target if target.startswith("#") else f"#/components/schemas/{target}"
                by_target.setdefault(ref, set()).add(str(value))
        found: list[Alternative] = []
        for member in members:
            values: set[str] = set()
            if member.ref:
                values |= by_target.get(member.ref) or {member.ref.rsplit("/", 1)[-1]}
            if isinstance(prop, str) and prop in member.properties:
                sub = side.merged(member.properties[prop], member.properties[prop][0][1])
                if sub.values is not None and len(sub.values) == 1:
                    value = next(iter(sub.values.values()))
                    if isinstance(value, str):
                        values.add(value)
            found.append(Alternative(member, frozenset(values)))
        return found

    def _discriminator(self, before: Node, after: Node) -> None:
        a, b = before.keywords.get("discriminator"), after.keywords.get("discriminator")
        name_a = a.get("propertyName") if isinstance(a, dict) else None
        name_b = b.get("propertyName") if isinstance(b, dict) else None
        if name_a != name_b and name_a is not None:
            pointer, side = self._at(before, after, "discriminator")
            self.add(
                "discriminator-changed",
                pointer,
                f"discriminator propertyName {name_a} -> {name_b}",
                side,
            )


@dataclass
class _Op:
    item: dict[str, Any]
    operation: dict[str, Any]
    pointer: str


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _same(a: Any, b: Any) -> bool:
    """JSON equality (``1`` is not ``true``; key order does not matter)."""
    if a is b:
        return True
    if type(a) is type(b) and not isinstance(a, (dict, list)):
        return bool(a == b)
    return canonical(a) == canonical(b)


def _number_or_none(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))


def _signature(node: Node, required: bool) -> str:
    return canonical(
        [
            sorted(node.types) if node.types is not None else None,
            node.nullable,
            sorted(node.values) if node.values is not None else None,
            {k: v for k, v in node.keywords.items() if k not in ("description", "title")},
            sorted(node.properties),
            sorted(node.required),
            node.ref,
            required,
        ]
    )


def compare_documents(old: dict[str, Any], new: dict[str, Any]) -> list[Found]:
    """Every change from ``old`` to ``new`` (bundled documents)."""
    return Comparer(old, new).run()
