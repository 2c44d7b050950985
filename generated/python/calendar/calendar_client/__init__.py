"""Typed models of the Patient appointment booking API (spec version 2)."""

from . import models

__all__ = ["models"]
