"""feeds.py: each language's Atom feed parses, dates come from the data, and builds repeat."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from generator.build import check, with_site_url
from generator.feeds import MAX_ENTRIES, feed_files, timestamp

from .conftest import FIXTURES, SITE_URL

PUBLIC = with_site_url(check(FIXTURES).public(), SITE_URL)


def parse(site: Path, lang: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site / ("en" if lang == "en" else "") / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_feed_parses_and_holds_approvals_and_status_changes(built_site: Path, lang: str) -> None:
    feed = parse(built_site, lang)
    prefix = SITE_URL + ("en/" if lang == "en" else "")
    assert feed.feed.language == lang
    assert feed.feed.id == prefix + "feed.xml"
    approvals = {e.link: e for e in feed.entries if e.tags[0].term == "diplomat"}
    changes = [e for e in feed.entries if e.tags[0].term == "partnership"]
    assert set(approvals) == {f"{prefix}diplomats/{d.id}/" for d in PUBLIC.diplomats}
    for diplomat in PUBLIC.diplomats:
        entry = approvals[f"{prefix}diplomats/{diplomat.id}/"]
        assert entry.published == timestamp(diplomat.approved_on.isoformat())
        assert getattr(diplomat.name, lang) in entry.title
    history = sum(len(c.history) for c in PUBLIC.cities.values())
    assert len(changes) == min(history, MAX_ENTRIES - len(PUBLIC.diplomats))
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True) and feed.feed.updated == dates[0]
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    for entry in feed.entries:  # every entry links to a page of the site
        assert (built_site / entry.link.removeprefix(SITE_URL) / "index.html").is_file()


def test_persian_feed_speaks_persian_with_jalali_dates(built_site: Path) -> None:
    feed = parse(built_site, "fa")
    entry = next(e for e in feed.entries if e.link.endswith("/mahdieh-hosseinzadeh/"))
    assert entry.title == "شهروند دیپلمات تازه: مهدیه حسین‌زاده"
    assert entry.summary.startswith("عضو برنامه از ۲۹ شهریور ۱۴۰۰.")
    english = parse(built_site, "en")
    entry = next(e for e in english.entries if e.link.endswith("/mahdieh-hosseinzadeh/"))
    assert entry.summary.startswith("Member since 20 September 2021.")


def test_feeds_are_the_same_bytes_every_time(built_site: Path) -> None:
    first, second = feed_files(PUBLIC), feed_files(PUBLIC)
    assert first == second
    assert (built_site / "feed.xml").read_bytes() == first["feed.xml"]
    assert (built_site / "en" / "feed.xml").read_bytes() == first["en/feed.xml"]


def test_partial_dates_become_the_first_day() -> None:
    assert timestamp("2023-01-31") == "2023-01-31T00:00:00Z"
    assert timestamp("2000-10") == "2000-10-01T00:00:00Z"
    assert timestamp("1989") == "1989-01-01T00:00:00Z"


def test_pages_announce_their_languages_feed(built_site: Path) -> None:
    for prefix, title in (
        ("", "شهروند دیپلمات اصفهان: تازه‌ها"),
        ("en/", "Isfahan Citizen Diplomats: what&#39;s new"),
    ):
        html = (built_site / prefix / "cities" / "index.html").read_text(encoding="utf-8")
        assert (
            f'<link rel=" alternate" type="application/atom+xml" title="{title}" href="../feed.xml">'
            in html
        )
