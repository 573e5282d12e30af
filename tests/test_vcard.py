"""vcard.py: every card of the built site parses and holds exactly the person's public channels."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import vobject

from generator.build import check
from generator.schema import Contact
from generator.vcard import MAX_LINE_OCTETS, escape, fold

from .conftest import FIXTURES, SITE_URL

PUBLIC = check(FIXTURES).public()
PEOPLE = {d.id: d for d in PUBLIC.diplomats}
CHANNEL_PROPERTIES = ("email", "tel", "impp", "socialprofile", "url")


def read_cards(path: Path) -> list:
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    return list(vobject.readComponents(raw.decode("utf-8")))


def expected(contact: Contact) -> tuple[str, str]:
    """The property and value each kind of channel is written as, said independently here."""
    digits = "".join(ch for ch in contact.value if ch == "+" or ch.isdigit())
    return {
        "email": ("email", contact.value),
        "phone": ("tel", f"tel:{digits}"),
        "whatsapp": ("impp", f"https://wa.me/{digits.lstrip('+')}"),
        "telegram": ("impp", f"https://t.me/{contact.value}"),
        "website": ("url", contact.value),
        "linkedin": ("socialprofile", contact.value),
        "instagram": ("socialprofile", f"https://www.instagram.com/{contact.value}/"),
    }[contact.type]


def channels(card, profile: str) -> set[tuple[str, str]]:
    found = set()
    for name in CHANNEL_PROPERTIES:
        for line in card.contents.get(name, []):
            if not (name == "url" and line.value == profile):
                found.add((name, line.value))
    return found


def test_the_samples_cover_people_without_public_channels() -> None:
    assert PEOPLE["changiz-rahimi"].contacts and not PEOPLE["changiz-rahimi"].public_contacts
    assert not PEOPLE["hamid-noorbakhsh"].contacts


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("diplomat_id", sorted(PEOPLE))
def test_card_parses_and_holds_exactly_the_public_channels(
    built_site: Path, diplomat_id: str, lang: str
) -> None:
    person = PEOPLE[diplomat_id]
    root = built_site / ("en" if lang == "en" else "")
    (card,) = read_cards(root / "diplomats" / f"{diplomat_id}.vcf")
    assert card.version.value == "4.0"
    profile = SITE_URL + ("en/" if lang == "en" else "") + f"diplomats/{diplomat_id}/"
    assert channels(card, profile) == {expected(c) for c in person.public_contacts}
    assert profile in [line.value for line in card.contents["url"]]
    names = [(fn.params["LANGUAGE"], fn.value) for fn in card.contents["fn"]]
    other = "en" if lang == "fa" else "fa"
    assert names == [([lang], getattr(person.name, lang)), ([other], getattr(person.name, other))]
    assert {fn.params["ALTID"][0] for fn in card.contents["fn"]} == {"1"}
    assert [line.value for line in card.contents["lang"]] == person.languages
    notes = {n.params["LANGUAGE"][0]: n.value for n in card.contents["note"]}
    assert set(notes) == {"fa", "en"}
    for city_id in person.cities:
        assert PUBLIC.cities[city_id].name.en in notes["en"]
        assert PUBLIC.cities[city_id].name.fa in notes["fa"]
    for field_id in person.fields:
        assert PUBLIC.fields[field_id].en in notes["en"]
    if not person.public_contacts:  # the card says how to reach them anyway
        assert PUBLIC.site.office_email in notes["en"] and PUBLIC.site.office_email in notes["fa"]


def test_city_file_holds_the_cards_of_its_diplomats(built_site: Path) -> None:
    for city_id in PUBLIC.cities:
        people = {d.name.en for d in PUBLIC.diplomats_of_city(city_id)}
        for root in (built_site, built_site / "en"):
            path = root / "cities" / f"{city_id}.vcf"
            if not people:
                assert not path.exists()
                continue
            cards = read_cards(path)
            found = {
                fn.value
                for c in cards
                for fn in c.contents["fn"]
                if fn.params["LANGUAGE"] == ["en"]
            }
            assert found == people, city_id
    assert len(read_cards(built_site / "cities" / "kuala-lumpur.vcf")) == 2


def test_lines_are_folded_within_75_octets_and_unfold_to_the_original() -> None:
    line = "NOTE;LANGUAGE=fa:" + "شهروند دیپلمات‌های اصفهان، " * 12
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 3
    assert all(len(p.encode()) <= MAX_LINE_OCTETS for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join([pieces[0]] + [p[1:] for p in pieces[1:]]) == line


def test_folding_fills_each_line_and_never_splits_a_character() -> None:
    rng = random.Random(7)
    alphabet = "aZ,;é€شگ‌🙂"  # 1, 2, 3 and 4 octets in UTF-8
    for _ in range(300):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        pieces = fold(line).split("\r\n ")
        assert "".join(pieces) == line
        for number, piece in enumerate(pieces[:-1]):
            limit = MAX_LINE_OCTETS - (1 if number else 0)
            following = pieces[number + 1][0]
            assert len(piece.encode()) <= limit < len((piece + following).encode())


def test_text_values_escape_what_vcard_gives_meaning_to() -> None:
    text = "Tiles, glass; and\\ more\nsecond line"
    card = vobject.readOne(f"BEGIN:VCARD\r\nVERSION:4.0\r\nNOTE:{escape(text)}\r\nEND:VCARD\r\n")
    assert card.note.value == text
