"""Typed models of the VBA Software plan benefit levels and plan modifiers API (spec version v1)."""

from . import models

__all__ = ["models"]
