"""Categories' rules: the firm's tags for its clients, named once each (case and accents aside)."""

from __future__ import annotations

from clientarea_shared.errors import Invalid
from clientarea_shared.text import normalise_text

NAME_MAX = 60


def category_name(raw: str) -> tuple[str, str]:
    """(name as shown, key that makes it unique in the firm), or Invalid on `name`."""
    name = " ".join(raw.split())
    if not name:
        raise Invalid.field("name", "required", "Write the category's name")
    if len(name) > NAME_MAX:
        raise Invalid.field("name", "too_long", f"At most {NAME_MAX} characters")
    if any(c in name for c in "<>\x00"):
        raise Invalid.field("name", "invalid", "The name has characters not allowed")
    return name, normalise_text(name)
