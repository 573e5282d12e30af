"""Contact cards (vCard 4.0, RFC 6350): one per diplomat, and one file per sister city.

Cards are made from the public directory, with only the channels a person made public.
Each card exists in both languages with the same facts: names, occupation and note are
given as parallel forms (ALTID/LANGUAGE), the reader's language first, because many
address books show only the first form.
"""

from __future__ import annotations

import uuid
from datetime import date
from urllib.parse import quote

from . import addresses
from .context import Context
from .i18n import LANGUAGES
from .models import Directory
from .safe_text import LINE_BREAK, printable
from .schema import Contact, Diplomat

PRODID = "-//Isfahan Citizen Diplomats//generator//EN"
MAX_LINE_OCTETS = 75

# How each kind of channel is written: (property and parameters, value); the value is
# Contact.url (a URI) except for e-mail, which vCard 4.0 holds as text.
_CHANNELS = {
    "email": ("EMAIL", "text"),
    "phone": ("TEL;VALUE=uri;TYPE=voice", "uri"),
    "whatsapp": ("IMPP;SERVICE-TYPE=WhatsApp", "uri"),
    "telegram": ("IMPP;SERVICE-TYPE=Telegram", "uri"),
    "website": ("URL", "uri"),
    "linkedin": ("SOCIALPROFILE;SERVICE-TYPE=LinkedIn", "uri"),
    "instagram": ("SOCIALPROFILE;SERVICE-TYPE=Instagram", "uri"),
}


def vcard_files(directory: Directory) -> dict[str, bytes]:
    """Every card of the site: `diplomats/<id>.vcf` and `cities/<id>.vcf` in each language."""
    out: dict[str, bytes] = {}
    for lang in LANGUAGES:
        ctx = Context(directory, lang)
        root = addresses.language_root(lang)
        cards = {d.id: card(ctx, d) for d in directory.diplomats}
        for diplomat in directory.diplomats:
            out[root + addresses.card(diplomat.id)] = cards[diplomat.id].encode()
        for city_id in directory.cities:
            people = ctx.sorted_diplomats(directory.diplomats_of_city(city_id))
            if people:
                bundle = "".join(cards[d.id] for d in people)
                out[root + addresses.city_cards(city_id)] = bundle.encode()
    return out


def card(ctx: Context, diplomat: Diplomat) -> str:
    """One person's vCard in the reader's language `ctx.lang`, lines ending in CRLF."""
    site = ctx.d.site.site_url
    langs = (ctx.lang, ctx.other)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:{PRODID}",
        "KIND:individual",
        f"UID:urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site + addresses.profile(diplomat.id))}",
    ]
    lines += _parallel("FN", 1, {lang: getattr(diplomat.name, lang) for lang in langs})
    if diplomat.occupation:
        lines += _parallel("TITLE", 2, {lang: getattr(diplomat.occupation, lang) for lang in langs})
    lines += [f"LANG:{code}" for code in diplomat.languages]
    if diplomat.photo:
        lines.append(f"PHOTO;MEDIATYPE=image/jpeg:{site}{addresses.portrait(diplomat.id)}")
    lines.append(f"URL:{addresses.absolute(site, ctx.lang, addresses.profile(diplomat.id))}")
    lines += [channel(contact) for contact in diplomat.public_contacts]
    notes = {lang: _note(Context(ctx.d, lang), diplomat) for lang in langs}
    lines += _parallel("NOTE", 3, notes)
    lines.append(f"SOURCE:{addresses.absolute(site, ctx.lang, addresses.card(diplomat.id))}")
    revised = max(d for d in (diplomat.approved_on, diplomat.verified_on) if d)
    lines += [f"REV:{revised:%Y%m%d}T000000Z", "END:VCARD"]
    return "".join(fold(line) + "\r\n" for line in lines)


def channel(contact: Contact) -> str:
    """The vCard line of one public contact channel."""
    prop, kind = _CHANNELS[contact.type]
    value = escape(contact.value) if kind == "text" else uri(contact.url)
    return f"{prop}:{value}"


def uri(value: str) -> str:
    """A URI value with any space, control or invisible character percent-encoded: a
    validated address has none, and none can then end the line or hide in it."""
    return "".join(
        ch if ch.isprintable() and ch != " " else quote(ch, safe="") for ch in printable(value)
    )


def _parallel(prop: str, altid: int, texts: dict[str, str | None]) -> list[str]:
    """One property in several languages; a single language needs no ALTID."""
    given = {lang: text for lang, text in texts.items() if text}
    if len(given) == 1:
        ((lang, text),) = given.items()
        return [f"{prop};LANGUAGE={lang}:{escape(text)}"]
    return [f"{prop};ALTID={altid};LANGUAGE={lang}:{escape(text)}" for lang, text in given.items()]


def _note(ctx: Context, diplomat: Diplomat) -> str:
    """Membership, sister cities and activity areas, in `ctx.lang`."""
    comma = "، " if ctx.lang == "fa" else ", "
    since: date = diplomat.approved_on  # every published diplomat has one
    parts = [ctx.t("card_member_since", date=ctx.date(since))]
    if diplomat.cities:
        names = comma.join(ctx.local(c.name) for c in ctx.sorted_cities(diplomat.cities))
        parts.append(f"{ctx.t('cities')}: {names}")
    if diplomat.fields:
        labels = comma.join(label for _, label in ctx.sorted_fields(diplomat.fields))
        parts.append(f"{ctx.t('fields')}: {labels}")
    if not diplomat.public_contacts:
        parts.append(ctx.t("card_no_channel", email=ctx.d.site.office_email))
    return "\n".join(parts)


def escape(text: str) -> str:
    """A TEXT value with backslash, comma, semicolon and line breaks escaped (RFC 6350 3.4).

    Every kind of line break (CR, NEL, U+2028 …), not only LF, is written `\\n`: a reader
    that ends lines at one of them would otherwise read the rest as a property of its own.
    Control characters, which a TEXT value cannot hold, are dropped.
    """
    text = printable(text).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return LINE_BREAK.sub("\\\\n", text)


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a character."""
    data = line.encode()
    pieces, start, limit = [], 0, MAX_LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: inside a character
            end -= 1
        pieces.append(data[start:end].decode())
        start, limit = end, MAX_LINE_OCTETS - 1  # continuation lines start with a space
    pieces.append(data[start:].decode())
    return "\r\n ".join(pieces)
