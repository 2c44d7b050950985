"""Typed models of the Open Dental insurance benefits API (spec version 23.2.62)."""

from . import models

__all__ = ["models"]
