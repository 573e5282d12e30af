"""The validated directory that the pages are rendered from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .schema import Diplomat, SisterCity, SiteSettings, Text


@dataclass(frozen=True)
class Directory:
    """All records after validation; `public()` is the only view the renderer gets."""

    diplomats: tuple[Diplomat, ...]
    cities: Mapping[str, SisterCity]
    fields: Mapping[str, Text]
    pages: Mapping[tuple[str, str], str] = field(default_factory=dict)
    photos: Mapping[str, str] = field(default_factory=dict)  # photo file name -> source path
    site: SiteSettings | None = None  # content/site.yml; None only when built by hand in tests

    def public(self) -> Directory:
        """The directory as the public may see it: approved diplomats only.

        Pending, suspended and withdrawn people are dropped here, before rendering, so no
        template, listing or count can ever reach them; their photos go with them.
        """
        shown = tuple(d for d in self.diplomats if publishable(d))
        used = {d.photo.file for d in shown if d.photo}
        return Directory(
            diplomats=shown,
            cities=self.cities,
            fields=self.fields,
            pages=self.pages,
            photos=MappingProxyType({k: v for k, v in self.photos.items() if k in used}),
            site=self.site,
        )

    def diplomats_of_city(self, city_id: str) -> list[Diplomat]:
        return [d for d in self.diplomats if city_id in d.cities]

    def diplomats_of_field(self, field_id: str) -> list[Diplomat]:
        return [d for d in self.diplomats if field_id in d.fields]

    def diplomats_speaking(self, code: str) -> list[Diplomat]:
        return [d for d in self.diplomats if code in d.languages]

    def spoken_languages(self) -> list[str]:
        """Codes of the languages at least one diplomat speaks, in code order."""
        return sorted({code for d in self.diplomats for code in d.languages})


def publishable(diplomat: Diplomat) -> bool:
    """Only approved people are published."""
    return diplomat.status == "approved"
