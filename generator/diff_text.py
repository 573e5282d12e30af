"""The change summary that reviewers read, in English and in Persian (Markdown).

It is printed by `python -m generator diff` and posted on each pull request. Each line
says what happens to the public site; a contact channel that goes public is called out,
because publishing it needs the person's recorded consent. Values of private channels
are never shown: the comment may be read by more people than the data file.
"""

from __future__ import annotations

from .diff import Change, Changes
from .models import publishable
from .schema import Contact
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
    "nothing": (
        "در شهروند دیپلمات‌ها و شهرهای خواهرخوانده تغییری نیست.",
        "No changes to citizen diplomats or sister cities.",
    ),
    "added": ("با وضعیت «{status}» افزوده شد", "added as {status}"),
    "removed": ("پرونده‌اش حذف شد", "removed (its file was deleted)"),
    "changed": ("ویرایش شد", "edited"),
    "was": ("{verb} (پیش‌تر: «{old}»)", "{verb} (was {old})"),
    "publish": (" و در سایت منتشر می‌شود", ": will be published"),
    "unpublish": (" و از سایت برداشته می‌شود", ": will be taken off the site"),
    "not_shown": (" (منتشر نمی‌شود)", " (not published)"),
    "fields": ("فیلدهای تغییرکرده: {fields}", "fields changed: {fields}"),
    "goes_public": (
        "⚠️ عمومی می‌شود: {channel}؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است",
        "⚠️ goes public: {channel}; check that the person's consent to publish it is on record",
    ),
    "no_longer_public": ("دیگر نمایش داده نمی‌شود: {channel}", "no longer shown: {channel}"),
    "city_status": ("وضعیت پیوند «{status}» شد", "status now {status}"),
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


def phrase(key: str, lang: str, **values: str) -> str:
    """The phrase `key` in `lang`, with `values` filled in."""
    fa, en = PHRASES[key]
    return (fa if lang == "fa" else en).format(**values)


def summary(changes: Changes, base: str, head: str | None = None) -> str:
    """The whole summary: English first, then Persian in a right-to-left block."""
    english = _language(changes, "en", base, head)
    persian = _language(changes, "fa", base, head)
    return f'{english}\n<div dir="rtl" lang="fa">\n\n{persian}\n</div>\n'


def _language(changes: Changes, lang: str, base: str, head: str | None) -> str:
    shown_head = f"`{head}`" if head else phrase("working_tree", lang)
    out = [phrase("title", lang, base=f"`{base}`", head=shown_head), ""]
    if not changes.diplomats and not changes.cities:
        out += [phrase("nothing", lang), ""]
    for kind, group in (("diplomat", changes.diplomats), ("city", changes.cities)):
        if group:
            out += [phrase(kind, lang), ""]
            for change in group:
                out += change_lines(change, lang)
            out.append("")
    return "\n".join(out)


def change_lines(change: Change, lang: str) -> list[str]:
    """One bullet for the change, with sub-bullets for fields and contact channels."""
    record = change.after or change.before
    assert record is not None
    name = record.name.fa if lang == "fa" else record.name.en
    lines = [f"- **{name}** (`{change.id}`): {_what_happened(change, lang)}."]
    if change.fields:
        fields = SEPARATOR[lang].join(f"`{f}`" for f in change.fields)
        lines.append(f"  - {phrase('fields', lang, fields=fields)}")
    for contact in change.newly_public:
        lines.append(f"  - {phrase('goes_public', lang, channel=_channel(contact, lang))}")
    for contact in change.no_longer_public:
        lines.append(f"  - {phrase('no_longer_public', lang, channel=_channel(contact, lang))}")
    return lines


def _what_happened(change: Change, lang: str) -> str:
    before, after, event = change.before, change.after, change.event
    if change.kind == "city":
        return _city_event(change, lang)
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


def _channel(contact: Contact, lang: str) -> str:
    return f"{ui(f'contact_{contact.type}', lang)} `{contact.value}`"


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "fa" else pair[1]
