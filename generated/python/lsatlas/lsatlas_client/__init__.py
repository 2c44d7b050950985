"""Typed models of the LS Atlas case billing API (spec version 1.0)."""

from . import models

__all__ = ["models"]
