"""Text helpers for search: every service matches names the same way."""

from __future__ import annotations

import unicodedata


def normalise_text(value: str) -> str:
    """Lower-case without accents: 'José Núñez' -> 'jose nunez'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def search_words(query: str) -> list[str]:
    """The normalised words of a free-text query; each must appear in the searched text."""
    return normalise_text(query).split()
