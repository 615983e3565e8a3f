"""Views of the stored catalogue (defined with the catalogue model; kept here for imports)."""

from __future__ import annotations

from bot.catalogue_model import (
    CategoryView,
    CrisisLineView,
    ImportReport,
    ResourceView,
    SafetyGap,
    SafetyView,
)

__all__ = [
    "CategoryView",
    "CrisisLineView",
    "ImportReport",
    "ResourceView",
    "SafetyGap",
    "SafetyView",
]
