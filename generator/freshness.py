"""Who needs re-verification: published details last checked too long ago.

A person's details are last known to be right on `verified_on`, or on `approved_on` if
they were never re-verified since approval. Only approved (published) people are
considered: the others are not on the site. Being overdue is a warning, never an error:
the details may well still be right, and the site must still build.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .errors import DataWarning
from .load import Document
from .messages import define, say
from .models import Directory, publishable
from .schema import Diplomat

DEFAULT_MAX_AGE_MONTHS = 12

define(
    "last_verified",
    "last verified on {found}, more than {months} months ago: check the details with the "
    "person, then set verified_on to the day you did",
    "آخرین بار در {found} تأیید شده، بیش از {months} ماه پیش: اطلاعات را با خود شخص بررسی "
    "کنید و سپس verified_on را تاریخ همان روز بگذارید",
)
define(
    "never_verified",
    "approved on {found} and not verified since, more than {months} months ago: check the "
    "details with the person, then add verified_on with the day you did",
    "در {found} تأیید شده و از آن پس، بیش از {months} ماه، دوباره بررسی نشده: اطلاعات را با "
    "خود شخص بررسی کنید و سپس verified_on را با تاریخ همان روز بیفزایید",
)


@dataclass(frozen=True)
class Overdue:
    """An approved person whose details were last checked before the cut-off."""

    diplomat: Diplomat
    field: str  # "verified_on", or "approved_on" when never re-verified
    last_checked: date


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def overdue(
    directory: Directory, today: date, max_age_months: int = DEFAULT_MAX_AGE_MONTHS
) -> list[Overdue]:
    """Approved people last checked more than `max_age_months` before `today`, oldest first."""
    cutoff = months_before(today, max_age_months)
    found = []
    for person in directory.diplomats:
        if not publishable(person):
            continue
        field = "verified_on" if person.verified_on else "approved_on"
        last = person.verified_on or person.approved_on
        if last is not None and last < cutoff:
            found.append(Overdue(person, field, last))
    return sorted(found, key=lambda o: (o.last_checked, o.diplomat.id))


def as_warnings(
    items: Iterable[Overdue], documents: Iterable[Document], max_age_months: int
) -> list[DataWarning]:
    """One warning per overdue person, on the line of the date that is too old."""
    by_id = {doc.path.stem: doc for doc in documents}
    out = []
    for item in items:
        doc = by_id[item.diplomat.id]
        when = item.last_checked.isoformat()
        key = "last_verified" if item.field == "verified_on" else "never_verified"
        message = say(key, found=when, months=max_age_months)
        out.append(
            DataWarning(f"diplomats/{doc.path.name}", doc.line((item.field,)), item.field, message)
        )
    return out
