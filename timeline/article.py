"""Load an article (plain text or Markdown, optional YAML front matter) and fix its publication date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article: its text and what we know about it.

    `published_how` says where the publication date came from: "option" (--published),
    "front matter", or "inferred from '…'" (the evidence), so that no date is ever guessed silently.
    """

    id: str
    title: str
    source: str | None
    url: str | None
    published: date
    published_how: str
    text: str
    format: str = "text"  # "text" or "markdown"

    def meta(self) -> dict[str, object]:
        """The article's metadata as JSON-ready values (no text)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat(),
            "published_how": self.published_how,
        }
