"""specpipe: OpenAPI specs in, validated bundles, models, clients, docs and contract tests out."""

__version__ = "0.1.0"
