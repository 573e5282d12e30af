"""The change summary that reviewers read, in English and in Persian (Markdown).

It is printed by `python -m generator diff` and posted on each pull request. Each line
says what happens to the public site; a contact channel or a photo that goes public is
called out, because publishing it needs the person's recorded consent, and so is an id
that changes, because the old page address stops working. Values of private channels
are never shown: the comment may be read by more people than the data file.
"""

from __future__ import annotations

import json
import re

from . import addresses
from .diff import AreaChange, Change, Changes, ChannelChange, PageChange, PhotoChange, ValueChange
from .messages import persian_digits
from .models import publishable
from .schema import Contact
from .ui_text import UI
from .ui_text import text as ui

PHRASES: dict[str, tuple[str, str]] = {
    # key: (Persian, English)
    "title": (
        "### تغییرات داده‌ها: از {base} تا {head}",
        "### Changes to the data: {base} → {head}",
    ),
    "working_tree": ("پرونده‌های کنونی", "the working tree"),
    "diplomat": ("**شهروند دیپلمات‌ها**", "**Citizen diplomats**"),
    "city": ("**شهرهای خواهرخوانده**", "**Sister cities**"),
    "area": (
        "**حوزه‌های فعالیت** (`content/fields.yml`)",
        "**Activity areas** (`content/fields.yml`)",
    ),
    "page": ("**صفحه‌ها**", "**Pages**"),
    "photo": (
        "**عکس‌هایی که در پروندهٔ هیچ کسی نیامده‌اند** (`diplomats/photos/`)",
        "**Photos that no one's file names** (`diplomats/photos/`)",
    ),
    "site": ("**تنظیمات سایت** (`content/site.yml`)", "**Site settings** (`content/site.yml`)"),
    "nothing": (
        "در شهروند دیپلمات‌ها، شهرهای خواهرخوانده، عکس‌ها، حوزه‌های فعالیت، صفحه‌ها و "
        "تنظیمات سایت تغییری نیست.",
        "No changes to citizen diplomats, sister cities, photos, activity areas, pages or "
        "site settings.",
    ),
    # what happened to a diplomat or a city
    "added": ("با وضعیت «{status}» افزوده شد", "added as {status}"),
    "removed": ("پرونده‌اش حذف شد", "removed (its file was deleted)"),
    "changed": ("ویرایش شد", "edited"),
    "renamed": ("شناسه‌اش تغییر کرد (نام پرونده عوض شد)", "id changed (file renamed)"),
    "also": ("{first}؛ {then}", "{first}; {then}"),
    "was_id": ("{id}، پیش‌تر {old}", "{id}, was {old}"),
    "was": ("{verb} (پیش‌تر: «{old}»)", "{verb} (was {old})"),
    "publish": (" و در سایت منتشر می‌شود", ": will be published"),
    "unpublish": (" و از سایت برداشته می‌شود", ": will be taken off the site"),
    "not_shown": (" (منتشر نمی‌شود)", " (not published)"),
    "city_status": ("وضعیت پیوند «{status}» شد", "status now {status}"),
    "address": (
        "⚠️ نشانی صفحه‌ها تغییر می‌کند: از {old} به {new} و از {old_en} به {new_en}؛ "
        "پیوندها و کدهای QR که با نشانی پیشین هم‌رسانی شده‌اند دیگر کار نمی‌کنند",
        "⚠️ the page addresses change: {old} → {new} and {old_en} → {new_en}; links and "
        "shared QR codes to the old addresses will stop working",
    ),
    # values
    "value": ("{field}: از {old} به {new}", "{field}: {old} → {new}"),
    "value_set": ("{field}: اکنون {new} (پیش‌تر خالی بود)", "{field}: now {new} (was empty)"),
    "value_unset": ("{field}: حذف شد (پیش‌تر: {old})", "{field}: removed (was {old})"),
    "part_unset": ("{field}: حذف شد", "{field}: removed"),
    "long_text": (
        "{field}: تغییر کرد (از {old} نویسه به {new} نویسه)",
        "{field}: changed ({old} → {new} characters)",
    ),
    "list_added": ("افزوده شد: {items}", "added {items}"),
    "list_removed": ("حذف شد: {items}", "removed {items}"),
    "list_order": ("ترتیب تغییر کرد", "order changed"),
    # contact channels
    "goes_public": (
        "⚠️ عمومی می‌شود: {channel}؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است",
        "⚠️ goes public: {channel}; check that the person's consent to publish it is on record",
    ),
    "no_longer_public": ("دیگر نمایش داده نمی‌شود: {channel}", "no longer shown: {channel}"),
    "channel_value": ("{channel}: از {old} به {new}", "{channel}: {old} → {new}"),
    "private_value": (
        "{channel}: مقدار یک راه ارتباطی خصوصی تغییر کرد (اینجا نمایش داده نمی‌شود)",
        "{channel}: a private channel's value changed (not shown here)",
    ),
    "private_added": (
        "{channel}: یک راه ارتباطی خصوصی افزوده شد",
        "{channel}: a private channel added",
    ),
    "private_removed": (
        "{channel}: یک راه ارتباطی خصوصی حذف شد",
        "{channel}: a private channel removed",
    ),
    "channel_removed": ("{channel} {value}: حذف شد", "{channel} {value}: removed"),
    "made_private": ("{channel}: خصوصی شد", "{channel}: made private"),
    # photos
    "photo_public": (
        "⚠️ عکس منتشر می‌شود: {file}؛ مطمئن شوید رضایت شخص و حق انتشار عکس ثبت شده است",
        "⚠️ photo goes public: {file}; check that the person's consent and the right to "
        "publish it are on record",
    ),
    "photo_replaced": (
        "⚠️ عکس تازه در سایت: {file}؛ مطمئن شوید رضایت شخص و حق انتشار عکس ثبت شده است",
        "⚠️ new photo on the site: {file}; check that the person's consent and the right to "
        "publish it are on record",
    ),
    "photo_new": ("عکس تازه: {file} (منتشر نمی‌شود)", "new photo: {file} (not published)"),
    "same_name": (
        "{file} (همان نام پرونده، عکسی دیگر)",
        "{file} (the same file name, another picture)",
    ),
    "orphan_added": (
        "{file}: افزوده شد؛ هنوز در پروندهٔ هیچ کسی نیامده است",
        "{file}: added; no one's file names it yet",
    ),
    "orphan_removed": ("{file}: حذف شد", "{file}: removed"),
    "orphan_replaced": ("{file}: عکس دیگری جای آن را گرفت", "{file}: replaced by another picture"),
    # activity areas
    "area_added": ("افزوده شد", "added"),
    "area_removed": ("حذف شد", "removed"),
    "area_relabelled": ("عنوانش تغییر کرد", "label changed"),
    "area_renamed": ("شناسه‌اش تغییر کرد", "id changed"),
    "area_described": ("توضیحش تغییر کرد", "description changed"),
    "had_0": (
        "پیش از این تغییر، هیچ شهروند دیپلمات تأییدشده‌ای این حوزه را نداشت",
        "no approved person had it before this change",
    ),
    "had_1": (
        "پیش از این تغییر، {count} شهروند دیپلمات تأییدشده این حوزه را داشت",
        "{count} approved person had it before this change",
    ),
    "had_n": (
        "پیش از این تغییر، {count} شهروند دیپلمات تأییدشده این حوزه را داشتند",
        "{count} approved people had it before this change",
    ),
    "has_0": (
        "هیچ شهروند دیپلمات تأییدشده‌ای این حوزه را ندارد",
        "no approved person has it",
    ),
    "has_1": (
        "در صفحهٔ {count} شهروند دیپلمات تأییدشده نمایش داده می‌شود",
        "shown on the page of {count} approved person",
    ),
    "has_n": (
        "در صفحهٔ {count} شهروند دیپلمات تأییدشده نمایش داده می‌شود",
        "shown on the pages of {count} approved people",
    ),
    "label_fa": ("عنوان فارسی: از {old} به {new}", "Persian label: {old} → {new}"),
    "label_en": ("عنوان انگلیسی: از {old} به {new}", "English label: {old} → {new}"),
    "description_fa": ("توضیح فارسی: از {old} به {new}", "Persian description: {old} → {new}"),
    "description_en": ("توضیح انگلیسی: از {old} به {new}", "English description: {old} → {new}"),
    # pages
    "page_line": ("**{title}** (صفحهٔ {language}، {file})", "**{title}** ({language} page, {file})"),
    "page_edited_1": ("ویرایش شد ({lines} سطر تغییر کرد)", "edited ({lines} line changed)"),
    "page_edited_n": ("ویرایش شد ({lines} سطر تغییر کرد)", "edited ({lines} lines changed)"),
    "page_edited_0": ("ویرایش شد (فقط پایان سطرها)", "edited (line endings only)"),
    "page_added": ("افزوده شد", "added"),
    "page_removed": ("حذف شد", "removed"),
    "lang_fa": ("فارسی", "Persian"),
    "lang_en": ("انگلیسی", "English"),
    # site settings
    "site_office_email": (
        "در صفحهٔ هر شهروند دیپلمات منتشرشده به کار می‌رود: پیوند «{link}» رایانامه‌ای به "
        "این نشانی باز می‌کند",
        "shown on every published profile: the “{link}” link opens an e-mail to this address",
    ),
    "site_site_url": (
        "⚠️ نشانی کل سایت: نشانی همهٔ صفحه‌ها عوض می‌شود و نقشهٔ سایت، خوراک‌ها، کارت‌های "
        "تماس و داده‌های باز نشانی تازه را به کار می‌برند؛ پیوندها و کدهای QR که با نشانی "
        "پیشین هم‌رسانی شده‌اند دیگر کار نمی‌کنند",
        "⚠️ the address of the whole site: every page moves, and the sitemap, the feeds, the "
        "contact cards and the open data use the new address; links and shared QR codes to the "
        "old one will stop working",
    ),
}
DIPLOMAT_STATUS = {
    "pending": ("در انتظار بررسی", "pending"),
    "approved": ("تأییدشده", "approved"),
    "suspended": ("معلق", "suspended"),
    "withdrawn": ("کناره‌گرفته", "withdrawn"),
}
DIPLOMAT_VERB = {
    "pending": ("به «در انتظار بررسی» برگشت", "back to pending"),
    "approved": ("تأیید شد", "approved"),
    "suspended": ("معلق شد", "suspended"),
    "withdrawn": ("از برنامه کنار رفت", "withdrawn"),
}
SEPARATOR = {"fa": "، ", "en": ", "}
LONG_TEXT = 100  # characters: a longer value (a bio) is shown by its length, not in full


def phrase(key: str, lang: str, **values: object) -> str:
    """The phrase `key` in `lang`, with `values` filled in (numbers in Persian digits)."""
    fa, en = PHRASES[key]
    shown = {k: _number(v, lang) if isinstance(v, int) else v for k, v in values.items()}
    return (fa if lang == "fa" else en).format(**shown)


def summary(changes: Changes, base: str, head: str | None = None) -> str:
    """The whole summary: English first, then Persian in a right-to-left block."""
    english = _language(changes, "en", base, head)
    persian = _language(changes, "fa", base, head)
    return f'{english}\n<div dir="rtl" lang="fa">\n\n{persian}\n</div>\n'


def _language(changes: Changes, lang: str, base: str, head: str | None) -> str:
    shown_head = f"`{head}`" if head else phrase("working_tree", lang)
    out = [phrase("title", lang, base=f"`{base}`", head=shown_head), ""]
    if changes.empty:
        out += [phrase("nothing", lang), ""]
    sections = (
        ("diplomat", changes.diplomats, change_lines),
        ("city", changes.cities, change_lines),
        ("area", changes.areas, area_lines),
        ("page", changes.pages, page_lines),
        ("photo", changes.photos, orphan_lines),
        ("site", changes.site, site_lines),
    )
    for key, group, lines in sections:
        if group:
            out += [phrase(key, lang), ""]
            for change in group:
                out += lines(change, lang)
            out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------- records


def change_lines(change: Change, lang: str) -> list[str]:
    """One bullet for the change, with sub-bullets for values, channels, photo and address."""
    record = change.after or change.before
    assert record is not None
    name = record.name.fa if lang == "fa" else record.name.en
    shown_id = f"`{change.id}`"
    if change.renamed_from:
        shown_id = phrase("was_id", lang, id=shown_id, old=f"`{change.renamed_from}`")
    lines = [f"- **{name}** ({shown_id}): {_what_happened(change, lang)}."]
    subs = [value_line(value, lang) for value in change.values]
    subs += [_channel_line(channel, lang) for channel in change.channels]
    subs += [phrase("goes_public", lang, channel=_channel(c, lang)) for c in change.newly_public]
    replaced = {c.old for c in change.channels if c.old and c.new}  # said: old → new
    subs += [
        phrase("no_longer_public", lang, channel=_channel(c, lang))
        for c in change.no_longer_public
        if c not in replaced
    ]
    subs += _photo_lines(change, lang)
    if change.address_changes:
        url = addresses.profile if change.kind == "diplomat" else addresses.city
        subs.append(_address(url(change.renamed_from), url(change.id), lang))
    return lines + [f"  - {sub}" for sub in subs]


def _what_happened(change: Change, lang: str) -> str:
    event = _city_event if change.kind == "city" else _diplomat_event
    happened = event(change, lang)
    if not change.renamed_from:
        return happened
    if change.event == "changed":
        return phrase("renamed", lang)
    return phrase("also", lang, first=phrase("renamed", lang), then=happened)


def _diplomat_event(change: Change, lang: str) -> str:
    before, after, event = change.before, change.after, change.event
    if event == "added":
        status = _pick(DIPLOMAT_STATUS[after.status], lang)
        effect = "publish" if publishable(after) else "not_shown"
        return phrase("added", lang, status=status) + phrase(effect, lang)
    if event == "removed":
        return phrase("removed", lang) + (phrase("unpublish", lang) if publishable(before) else "")
    if event == "changed":
        return phrase("changed", lang)
    verb = _pick(DIPLOMAT_VERB[after.status], lang)
    old = _pick(DIPLOMAT_STATUS[before.status], lang)
    effect = ""
    if publishable(after) != publishable(before):
        effect = phrase("publish" if publishable(after) else "unpublish", lang)
    return phrase("was", lang, verb=verb, old=old) + effect


def _city_event(change: Change, lang: str) -> str:
    before, after, event = change.before, change.after, change.event
    if event == "added":
        return phrase("added", lang, status=ui(f"status_{after.status}", lang))
    if event == "removed":
        return phrase("removed", lang) + phrase("unpublish", lang)
    if event == "changed":
        return phrase("changed", lang)
    verb = phrase("city_status", lang, status=ui(f"status_{after.status}", lang))
    return phrase("was", lang, verb=verb, old=ui(f"status_{before.status}", lang))


def _address(old: str, new: str, lang: str) -> str:
    """The warning that a page's addresses (Persian at the root, English under en/) change."""
    english = addresses.language_root("en")
    return phrase(
        "address", lang,
        old=_code(f"/{old}"), new=_code(f"/{new}"),
        old_en=_code(f"/{english}{old}"), new_en=_code(f"/{english}{new}"),
    )  # fmt: skip


def _photo_lines(change: Change, lang: str) -> list[str]:
    """A new picture, or one going public with its person: ⚠️ when the site will show it."""
    after, before = change.after, change.before
    new_picture = change.photo == "new"
    if not new_picture and not change.photo_public:
        return []
    shown = _code(after.photo.file)
    old_file = before.photo.file if before is not None and before.photo else None
    if new_picture and old_file == after.photo.file:
        shown = phrase("same_name", lang, file=shown)
    if not change.photo_public:
        return [phrase("photo_new", lang, file=shown)]
    replaced = new_picture and before is not None and publishable(before)
    return [phrase("photo_replaced" if replaced else "photo_public", lang, file=shown)]


# ---------------------------------------------------------------------------- values


def value_line(change: ValueChange, lang: str) -> str:
    """`field`: old → new; a long text by its length, a list by what it gained and lost."""
    field, old, new = _code(change.path), change.old, change.new
    if _is_long(old) or _is_long(new):
        return phrase("long_text", lang, field=field, old=len(old or ""), new=len(new or ""))
    if _plain_list(old, new):
        return f"{field}: {_list_change(old or [], new or [], lang)}"
    if new is None:
        if isinstance(old, dict | list):
            return phrase("part_unset", lang, field=field)
        return phrase("value_unset", lang, field=field, old=_code(old))
    if old is None:
        return phrase("value_set", lang, field=field, new=_code(new))
    return phrase("value", lang, field=field, old=_code(old), new=_code(new))


def _list_change(old: list, new: list, lang: str) -> str:
    added = [item for item in new if item not in old]
    removed = [item for item in old if item not in new]
    parts = []
    if added:
        parts.append(phrase("list_added", lang, items=_items(added, lang)))
    if removed:
        parts.append(phrase("list_removed", lang, items=_items(removed, lang)))
    if not parts:
        return phrase("list_order", lang)
    return ("؛ " if lang == "fa" else "; ").join(parts)


def _items(items: list, lang: str) -> str:
    return SEPARATOR[lang].join(_code(item) for item in items)


def _is_long(value: object) -> bool:
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)


def _plain_list(*sides: object) -> bool:
    """A list of ids, codes or addresses, told by what it gained and lost.

    Not a list of numbers (coordinates: one value, shown whole), nor a list of parts.
    """
    lists = [side for side in sides if side is not None]
    if not all(isinstance(side, list) for side in lists):
        return False
    items = [item for side in lists for item in side]
    return not all(isinstance(i, int | float) for i in items) and not any(
        isinstance(i, dict) for i in items
    )


# ---------------------------------------------------------------------------- contacts


def _channel_line(change: ChannelChange, lang: str) -> str:
    """A channel change, never with the value of a channel that is private on either side."""
    label = ui(f"contact_{change.type}", lang)
    old, new = change.old, change.new
    if old is None:  # a public one is announced as going public
        return phrase("private_added", lang, channel=label)
    if new is None:
        if change.private:
            return phrase("private_removed", lang, channel=label)
        return phrase("channel_removed", lang, channel=label, value=_code(old.value))
    if old.value == new.value:
        return phrase("made_private", lang, channel=label)
    if change.private:
        return phrase("private_value", lang, channel=label)
    return phrase("channel_value", lang, channel=label, old=_code(old.value), new=_code(new.value))


def _channel(contact: Contact, lang: str) -> str:
    return f"{ui(f'contact_{contact.type}', lang)} {_code(contact.value)}"


# ---------------------------------------------------------------------------- the rest


def area_lines(change: AreaChange, lang: str) -> list[str]:
    """An activity area: its label, what happened, and how many approved people it concerns."""
    label = change.after or change.before
    assert label is not None
    shown_id = f"`{change.id}`"
    if change.renamed_from:
        shown_id = phrase("was_id", lang, id=shown_id, old=f"`{change.renamed_from}`")
    head = f"- **{label.fa if lang == 'fa' else label.en}** ({shown_id}): "
    if change.event == "added":
        return [head + phrase("area_added", lang) + "."]
    count = change.carriers
    plural = "0" if count == 0 else "1" if count == 1 else "n"
    if change.event == "removed":
        happened = phrase("area_removed", lang)
        return [
            head
            + phrase("also", lang, first=happened, then=phrase(f"had_{plural}", lang, count=count))
            + "."
        ]
    relabelled = any(
        getattr(change.before, text_lang) != getattr(change.after, text_lang)
        for text_lang in ("fa", "en")
    )
    key = "area_renamed" if change.renamed_from else "area_relabelled"
    happened = phrase(key if relabelled or change.renamed_from else "area_described", lang)
    lines = [
        head
        + phrase("also", lang, first=happened, then=phrase(f"has_{plural}", lang, count=count))
        + "."
    ]
    for text_lang in ("fa", "en"):
        old, new = getattr(change.before, text_lang), getattr(change.after, text_lang)
        if old != new:
            lines.append(
                f"  - {phrase(f'label_{text_lang}', lang, old=_code(old), new=_code(new))}"
            )
    before = getattr(change.before, "description", None)
    after = getattr(change.after, "description", None)
    for text_lang in ("fa", "en"):
        old, new = (getattr(d, text_lang) if d else "" for d in (before, after))
        if old != new:
            old, new = (_code(text) if text else "—" for text in (old, new))
            lines.append(f"  - {phrase(f'description_{text_lang}', lang, old=old, new=new)}")
    if change.renamed_from:
        address = _address(f"fields/{change.renamed_from}/", f"fields/{change.id}/", lang)
        lines.append(f"  - {address}")
    return lines


def page_lines(change: PageChange, lang: str) -> list[str]:
    """A content page: its title in the summary's language, the file, what happened."""
    key = f"nav_{change.name}"
    title = ui(key, lang) if key in UI else change.name
    file = _code(f"content/{change.name}.{change.lang}.md")
    language = phrase(f"lang_{change.lang}", lang)
    head = phrase("page_line", lang, title=title, language=language, file=file)
    if change.event == "edited":
        count = change.lines
        happened = phrase(
            f"page_edited_{'0' if count == 0 else '1' if count == 1 else 'n'}", lang, lines=count
        )
    else:
        happened = phrase(f"page_{change.event}", lang)
    return [f"- {head}: {happened}."]


def orphan_lines(change: PhotoChange, lang: str) -> list[str]:
    """A photo file that nobody's record names: not on the site, but worth a look."""
    return [f"- {phrase(f'orphan_{change.event}', lang, file=_code(change.file))}."]


def site_lines(change: ValueChange, lang: str) -> list[str]:
    """A site setting, old → new, with what it changes on the site."""
    lines = [f"- {value_line(change, lang)}"]
    key = f"site_{change.path}"
    if key in PHRASES:
        lines.append(f"  - {phrase(key, lang, link=ui('intro_request', lang))}")
    return lines


def _code(value: object) -> str:
    """`value` as a Markdown code span that no backtick inside it can close early."""
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def _number(value: int, lang: str) -> str:
    return persian_digits(value) if lang == "fa" else str(value)


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "fa" else pair[1]
