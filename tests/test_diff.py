"""diff.py and diff_text.py: a real two-commit history, summarised exactly, in both languages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from generator.diff import GitError, compare_refs, data_tree_at
from generator.diff_text import summary
from generator.messages import persian_digits

from .conftest import REPO, copy_data, git, write


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data committed, then a second commit with one change of every kind."""
    root = copy_data(tmp_path_factory.mktemp("diff") / "repo")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "The sample data")
    # added, pending, with a public channel
    write(root, "diplomats/sara-ahmadi.yml", """
        name: {fa: سارا احمدی, en: Sara Ahmadi}
        status: pending
        contacts:
          - {type: email, value: sara.ahmadi@example.org, public: true}
          - {type: phone, value: "+44 20 7946 0999", public: false}
        """)  # fmt: skip
    # approved: goes live with its public channel
    edit(
        root,
        "diplomats/arash-zhian.yml",
        "status: pending",
        'status: approved\napproved_on: "2026-01-10"',
    )
    edit(root, "diplomats/omid-farahani.yml", "status: approved", "status: suspended")
    edit(root, "diplomats/zhaleh-moradi.yml", "status: approved", "status: withdrawn")
    (root / "diplomats/soraya-nikpour.yml").unlink()  # withdrawn before: not on the site
    (root / "diplomats/golnaz-ebrahimi.yml").unlink()  # approved before: on the site
    # edited: occupation, and a private phone made public; the website is no longer public
    edit(
        root,
        "diplomats/mahdieh-hosseinzadeh.yml",
        "en: Associate professor of water-resources engineering",
        "en: Professor of water-resources engineering",
    )
    edit(
        root,
        "diplomats/mahdieh-hosseinzadeh.yml",
        '"+44 20 7946 0231"\n    public: false',
        '"+44 20 7946 0231"\n    public: true',
    )
    edit(
        root,
        "diplomats/mahdieh-hosseinzadeh.yml",
        "mahdieh-hosseinzadeh\n    public: true",
        "mahdieh-hosseinzadeh\n    public: false",
    )
    # formatting only: quoting, a comment, a phone number spaced differently; no change
    edit(root, "diplomats/kian-yazdani.yml", "status: approved", '# checked\nstatus: "approved"')
    edit(root, "diplomats/kian-yazdani.yml", '"+61 491 570 156"', '"+61491570156"')
    edit(root, "cities/dakar.yml", "country: SN", 'country: "SN"')
    # cities: added, status changed, edited, removed (and the one reference to it)
    write(root, "cities/paris.yml", """
        name: {fa: پاریس, en: Paris, native: Paris}
        country: FR
        coordinates: [48.8566, 2.3522]
        status: proposed
        sources: ["https://example.org/paris"]
        """)  # fmt: skip
    edit(root, "cities/hyderabad.yml", "status: active", "status: dormant")
    edit(root, "cities/havana.yml", "coordinates: [23.1136", "coordinates: [23.1137")
    (root / "cities/iasi.yml").unlink()
    edit(root, "diplomats/zhaleh-moradi.yml", "  - iasi\n", "")
    commit_all(root, "One change of every kind")
    return root


ENGLISH = """\
### Changes to the data: `HEAD~1` → `HEAD`

**Citizen diplomats**

- **Sara Ahmadi** (`sara-ahmadi`): added as pending (not published).
  - ⚠️ goes public: E-mail `sara.ahmadi@example.org`; check that the person's consent to publish it is on record
- **Arash Zhian** (`arash-zhian`): approved (was pending): will be published.
  - `approved_on`: now `2026-01-10` (was empty)
  - ⚠️ goes public: E-mail `arash.zhian@example.com`; check that the person's consent to publish it is on record
  - ⚠️ photo goes public: `arash-zhian.jpg`; check that the person's consent and the right to publish it are on record
- **Omid Farahani** (`omid-farahani`): suspended (was approved): will be taken off the site.
- **Zhaleh Moradi** (`zhaleh-moradi`): withdrawn (was approved): will be taken off the site.
  - `cities`: removed `iasi`
- **Mahdieh Hosseinzadeh** (`mahdieh-hosseinzadeh`): edited.
  - `occupation.en`: `Associate professor of water-resources engineering` → `Professor of water-resources engineering`
  - ⚠️ goes public: Phone `+44 20 7946 0231`; check that the person's consent to publish it is on record
  - no longer shown: Website `https://example.org/sample/mahdieh-hosseinzadeh`
- **Golnaz Ebrahimi** (`golnaz-ebrahimi`): removed (its file was deleted): will be taken off the site.
- **Soraya Nikpour** (`soraya-nikpour`): removed (its file was deleted).

**Sister cities**

- **Paris** (`paris`): added as proposed.
- **Hyderabad** (`hyderabad`): status now dormant (was active).
- **Havana** (`havana`): edited.
  - `coordinates`: `[23.1136, -82.3666]` → `[23.1137, -82.3666]`
- **Iași** (`iasi`): removed (its file was deleted): will be taken off the site.
"""

PERSIAN = """\
<div dir="rtl" lang="fa">

### تغییرات داده‌ها: از `HEAD~1` تا `HEAD`

**شهروند دیپلمات‌ها**

- **سارا احمدی** (`sara-ahmadi`): با وضعیت «در انتظار بررسی» افزوده شد (منتشر نمی‌شود).
  - ⚠️ عمومی می‌شود: رایانامه `sara.ahmadi@example.org`؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است
- **آرش ژیان** (`arash-zhian`): تأیید شد (پیش‌تر: «در انتظار بررسی») و در سایت منتشر می‌شود.
  - `approved_on`: اکنون `2026-01-10` (پیش‌تر خالی بود)
  - ⚠️ عمومی می‌شود: رایانامه `arash.zhian@example.com`؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است
  - ⚠️ عکس منتشر می‌شود: `arash-zhian.jpg`؛ مطمئن شوید رضایت شخص و حق انتشار عکس ثبت شده است
- **امید فراهانی** (`omid-farahani`): معلق شد (پیش‌تر: «تأییدشده») و از سایت برداشته می‌شود.
- **ژاله مرادی** (`zhaleh-moradi`): از برنامه کنار رفت (پیش‌تر: «تأییدشده») و از سایت برداشته می‌شود.
  - `cities`: حذف شد: `iasi`
- **مهدیه حسین‌زاده** (`mahdieh-hosseinzadeh`): ویرایش شد.
  - `occupation.en`: از `Associate professor of water-resources engineering` به `Professor of water-resources engineering`
  - ⚠️ عمومی می‌شود: تلفن `+44 20 7946 0231`؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است
  - دیگر نمایش داده نمی‌شود: وب‌سایت `https://example.org/sample/mahdieh-hosseinzadeh`
- **گلناز ابراهیمی** (`golnaz-ebrahimi`): پرونده‌اش حذف شد و از سایت برداشته می‌شود.
- **ثریا نیک‌پور** (`soraya-nikpour`): پرونده‌اش حذف شد.

**شهرهای خواهرخوانده**

- **پاریس** (`paris`): با وضعیت «پیشنهادی» افزوده شد.
- **حیدرآباد** (`hyderabad`): وضعیت پیوند «راکد» شد (پیش‌تر: «فعال»).
- **هاوانا** (`havana`): ویرایش شد.
  - `coordinates`: از `[23.1136, -82.3666]` به `[23.1137, -82.3666]`
- **یاش** (`iasi`): پرونده‌اش حذف شد و از سایت برداشته می‌شود.

</div>
"""


def test_the_summary_reports_exactly_the_changes_in_both_languages(history: Path) -> None:
    result = generator(history, "diff", "HEAD~1", "--head", "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ENGLISH + "\n" + PERSIAN


def test_the_working_tree_is_compared_by_default(history: Path) -> None:
    result = generator(history, "diff", "HEAD")
    assert NOTHING_EN in result.stdout
    assert NOTHING_FA in result.stdout
    edit(history, "diplomats/omid-farahani.yml", "status: suspended", "status: approved")
    try:
        changes = compare_refs(history, "HEAD")
        assert [(c.id, c.event) for c in changes.diplomats] == [("omid-farahani", "status")]
        assert changes.cities == ()
    finally:
        git(history, "checkout", "-q", "--", "diplomats/omid-farahani.yml")


def test_a_private_value_is_never_printed(history: Path) -> None:
    assert "+44 20 7946 0999" not in generator(history, "diff", "HEAD~1", "--head", "HEAD").stdout


def test_an_unknown_ref_is_a_clear_error(history: Path) -> None:
    result = generator(history, "diff", "no-such-branch")  # staff read Persian first
    assert result.returncode == 2
    assert result.stderr == (
        "خطا: «no-such-branch» شاخه، برچسب یا commit این مخزن نیست (برای نمونه origin/main)\n"
    )
    result = generator(history, "--lang", "en", "diff", "no-such-branch")
    assert result.returncode == 2
    assert result.stderr == (
        "error: 'no-such-branch' is not a branch, tag or commit of this repository "
        "(for example origin/main)\n"
    )


def test_bad_data_at_the_base_is_named_with_its_ref(history: Path, tmp_path: Path) -> None:
    write(history, "diplomats/broken.yml", "name: {fa: الف, en: A}\nstatus: aproved\n")
    commit_all(history, "A broken file")
    try:
        result = generator(history, "diff", "HEAD")
        assert result.returncode == 1
        assert result.stderr.splitlines()[0].startswith("HEAD:diplomats/broken.yml:2: status:")
    finally:
        git(history, "reset", "-q", "--hard", "HEAD~1")


def test_the_data_folders_are_taken_from_git_not_from_disk(history: Path, tmp_path: Path) -> None:
    data_tree_at(history, "HEAD~1", tmp_path / "old")
    assert (tmp_path / "old/diplomats/soraya-nikpour.yml").is_file()
    assert (tmp_path / "old/diplomats/photos").is_dir()
    assert not (tmp_path / "old/cities/paris.yml").exists()
    assert sorted(p.name for p in (tmp_path / "old").iterdir()) == [
        "cities",
        "content",
        "diplomats",
    ]


def test_a_data_repository_in_a_subfolder_works(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    root = copy_data(outer / "site-data")
    git(outer, "init", "-q", "-b", "main")
    commit_all(outer, "data in a subfolder")
    edit(root, "cities/hyderabad.yml", "status: active", "status: dormant")
    changes = compare_refs(root, "HEAD")
    assert [(c.id, c.event) for c in changes.cities] == [("hyderabad", "status")]


def test_outside_a_git_repository_the_error_says_so(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="^git rev-parse: fatal: not a git repository") as caught:
        data_tree_at(copy_data(tmp_path / "nogit"), "HEAD", tmp_path / "out")
    assert caught.value.args[0].fa.startswith(
        "git rev-parse انجام نشد: fatal: not a git repository"
    )


def test_without_git_the_error_says_so(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on it
    with pytest.raises(GitError, match="^cannot run git: ") as caught:
        data_tree_at(history, "HEAD", tmp_path / "out")
    assert caught.value.args[0].fa.startswith("git اجرا نشد: ")


# ---------------------------------------------------------------------------- beyond records
# Each test below starts from a repository of its own: the sample data plus three people,
# two activity areas and three photos written here, so that what they check does not hang
# on who the sample data holds.

NOTHING_EN = (
    "No changes to citizen diplomats, sister cities, photos, activity areas, pages or "
    "site settings."
)
NOTHING_FA = (
    "در شهروند دیپلمات‌ها، شهرهای خواهرخوانده، عکس‌ها، حوزه‌های فعالیت، صفحه‌ها و "
    "تنظیمات سایت تغییری نیست."
)
BIO_EN = "Nima Rostami has taught Persian letters for twenty years. " * 3
BIO_FA = "نیما رستمی بیست سال است که ادبیات فارسی درس می‌دهد. " * 3

PEOPLE = {
    "nima-rostami": f"""
        name: {{fa: نیما رستمی, en: Nima Rostami}}
        status: approved
        approved_on: "2024-05-01"
        fields: [letters, chess]
        languages: [fa, en]
        occupation: {{fa: معلم ادبیات, en: Literature teacher}}
        bio:
          fa: "{BIO_FA.strip()}"
          en: "{BIO_EN.strip()}"
        photo:
          file: nima-rostami.jpg
          alt: {{fa: چهرهٔ نیما رستمی, en: Portrait of Nima Rostami}}
        contacts:
          - {{type: email, value: nima.rostami@example.org, public: true}}
          - {{type: phone, value: "+44 20 7946 0101", public: false}}
          - {{type: website, value: "https://example.org/nima", public: true}}
        """,
    "leila-jafari": """
        name: {fa: لیلا جعفری, en: Leila Jafari}
        status: approved
        approved_on: "2024-06-01"
        fields: [letters]
        photo:
          file: leila-jafari.jpg
          alt: {fa: چهرهٔ لیلا جعفری, en: Portrait of Leila Jafari}
        contacts:
          - {type: email, value: leila.jafari@example.org, public: true}
        """,
    "babak-soltani": """
        name: {fa: بابک سلطانی, en: Babak Soltani}
        status: pending
        fields: [letters]
        photo:
          file: babak-soltani.jpg
          alt: {fa: چهرهٔ بابک سلطانی, en: Portrait of Babak Soltani}
        contacts:
          - {type: telegram, value: babak_soltani, public: true}
          - {type: phone, value: "+44 20 7946 0202", public: false}
        """,
}
AREAS = """
letters:
  fa: ادبیات و نامه‌نگاری
  en: Letters and correspondence
chess:
  fa: شطرنج
  en: Chess
"""


def photo(root: Path, name: str, colour: tuple[int, int, int]) -> None:
    Image.new("RGB", (60, 80), colour).save(root / "diplomats/photos" / name, "JPEG")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample data with the people, areas and photos above, committed once."""
    root = copy_data(tmp_path / "repo")
    for id_, text in PEOPLE.items():
        write(root, f"diplomats/{id_}.yml", text)
    with (root / "content/fields.yml").open("a", encoding="utf-8") as areas:
        areas.write(AREAS)
    for number, id_ in enumerate(PEOPLE):
        photo(root, f"{id_}.jpg", (40 * number, 90, 160))
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "The data")
    return root


def summarised(root: Path, head: str | None = None) -> tuple[list[str], list[str]]:
    """The summary from HEAD (to `head`, or the working tree): English lines, Persian lines."""
    english, persian = summary(compare_refs(root, "HEAD", head), "HEAD", head).split(
        '<div dir="rtl" lang="fa">'
    )
    return english.splitlines(), persian.splitlines()


def section(lines: list[str], title: str) -> list[str]:
    """The lines of one section: from its title to the next blank line after its list."""
    start = lines.index(title) + 2
    end = lines.index("", start)
    return lines[start:end]


def test_the_sample_repository_has_no_changes(repo: Path) -> None:
    english, persian = summarised(repo)
    assert NOTHING_EN in english
    assert NOTHING_FA in persian


def test_a_replaced_photo_names_its_person(repo: Path) -> None:
    photo(repo, "leila-jafari.jpg", (250, 20, 20))  # published: the new picture must be vetted
    photo(repo, "babak-soltani.jpg", (20, 250, 20))  # pending: not on the site
    photo(repo, "spare.jpg", (9, 9, 9))  # nobody's photo yet
    (repo / "diplomats/photos/nima-rostami.jpg").touch()  # the same bytes: no change
    english, persian = summarised(repo)
    assert section(english, "**Citizen diplomats**") == [
        "- **Babak Soltani** (`babak-soltani`): edited.",
        "  - new photo: `babak-soltani.jpg` (the same file name, another picture) (not published)",
        "- **Leila Jafari** (`leila-jafari`): edited.",
        "  - ⚠️ new photo on the site: `leila-jafari.jpg` (the same file name, another picture); check that the person's consent and the right to publish it are on record",
    ]
    assert section(persian, "**شهروند دیپلمات‌ها**") == [
        "- **بابک سلطانی** (`babak-soltani`): ویرایش شد.",
        "  - عکس تازه: `babak-soltani.jpg` (همان نام پرونده، عکسی دیگر) (منتشر نمی‌شود)",
        "- **لیلا جعفری** (`leila-jafari`): ویرایش شد.",
        "  - ⚠️ عکس تازه در سایت: `leila-jafari.jpg` (همان نام پرونده، عکسی دیگر)؛ مطمئن شوید رضایت شخص و حق انتشار عکس ثبت شده است",
    ]
    assert section(english, "**Photos that no one's file names** (`diplomats/photos/`)") == [
        "- `spare.jpg`: added; no one's file names it yet."
    ]
    assert section(persian, "**عکس‌هایی که در پروندهٔ هیچ کسی نیامده‌اند** (`diplomats/photos/`)") == [
        "- `spare.jpg`: افزوده شد؛ هنوز در پروندهٔ هیچ کسی نیامده است."
    ]


def test_a_photo_given_under_a_new_name_and_one_removed(repo: Path) -> None:
    photo(repo, "nima-rostami-2025.jpg", (1, 2, 3))
    edit(
        repo, "diplomats/nima-rostami.yml", "file: nima-rostami.jpg", "file: nima-rostami-2025.jpg"
    )
    (repo / "diplomats/photos/nima-rostami.jpg").unlink()
    photo_lines = "photo:\n  file: leila-jafari.jpg\n  alt: {fa: چهرهٔ لیلا جعفری, en: Portrait of Leila Jafari}\n"
    edit(repo, "diplomats/leila-jafari.yml", photo_lines, "")
    english, persian = summarised(repo)
    assert section(english, "**Citizen diplomats**") == [
        "- **Leila Jafari** (`leila-jafari`): edited.",
        "  - `photo`: removed",
        "- **Nima Rostami** (`nima-rostami`): edited.",
        "  - `photo.file`: `nima-rostami.jpg` → `nima-rostami-2025.jpg`",
        "  - ⚠️ new photo on the site: `nima-rostami-2025.jpg`; check that the person's consent and the right to publish it are on record",
    ]
    assert section(persian, "**شهروند دیپلمات‌ها**")[1:4] == [
        "  - `photo`: حذف شد",
        "- **نیما رستمی** (`nima-rostami`): ویرایش شد.",
        "  - `photo.file`: از `nima-rostami.jpg` به `nima-rostami-2025.jpg`",
    ]
    # Leila's picture stays in the folder, named by no one: not on the site, no line of its own
    assert "**Photos that no one's file names** (`diplomats/photos/`)" not in english


def test_activity_areas_relabelled_added_and_removed_with_their_people(repo: Path) -> None:
    edit(repo, "content/fields.yml", "en: Letters and correspondence", "en: Letters and writing")
    edit(repo, "content/fields.yml", "fa: ادبیات و نامه‌نگاری", "fa: ادبیات و نویسندگی")
    edit(
        repo,
        "content/fields.yml",
        "chess:\n  fa: شطرنج\n  en: Chess\n",
        "music:\n  fa: موسیقی\n  en: Music\n",
    )
    edit(repo, "diplomats/nima-rostami.yml", "fields: [letters, chess]", "fields: [letters, music]")
    english, persian = summarised(repo)
    assert section(english, "**Activity areas** (`content/fields.yml`)") == [
        "- **Music** (`music`): added.",
        "- **Letters and writing** (`letters`): label changed; shown on the pages of 2 approved people.",
        "  - Persian label: `ادبیات و نامه‌نگاری` → `ادبیات و نویسندگی`",
        "  - English label: `Letters and correspondence` → `Letters and writing`",
        "- **Chess** (`chess`): removed; 1 approved person had it before this change.",
    ]
    assert section(persian, "**حوزه‌های فعالیت** (`content/fields.yml`)") == [
        "- **موسیقی** (`music`): افزوده شد.",
        "- **ادبیات و نویسندگی** (`letters`): عنوانش تغییر کرد؛ در صفحهٔ ۲ شهروند دیپلمات تأییدشده نمایش داده می‌شود.",
        "  - عنوان فارسی: از `ادبیات و نامه‌نگاری` به `ادبیات و نویسندگی`",
        "  - عنوان انگلیسی: از `Letters and correspondence` به `Letters and writing`",
        "- **شطرنج** (`chess`): حذف شد؛ پیش از این تغییر، ۱ شهروند دیپلمات تأییدشده این حوزه را داشت.",
    ]
    assert "  - `fields`: added `music`; removed `chess`" in english
    assert "  - `fields`: افزوده شد: `music`؛ حذف شد: `chess`" in persian


def test_an_area_whose_description_alone_changes_says_so(repo: Path) -> None:
    text = (repo / "content/fields.yml").read_text("utf-8")
    described = text.replace(
        "chess:\n  fa: شطرنج\n  en: Chess\n",
        "chess:\n  fa: شطرنج\n  en: Chess\n  description:\n"
        "    fa: بازی‌های فکری و مسابقه‌های شطرنج\n    en: Board games and chess tournaments\n",
    )
    assert described != text  # the test's premise: the fixture has this area
    (repo / "content/fields.yml").write_text(described, "utf-8")
    english, persian = summarised(repo)
    assert section(english, "**Activity areas** (`content/fields.yml`)") == [
        "- **Chess** (`chess`): description changed; shown on the page of 1 approved person.",
        "  - Persian description: — → `بازی‌های فکری و مسابقه‌های شطرنج`",
        "  - English description: — → `Board games and chess tournaments`",
    ]
    assert section(persian, "**حوزه‌های فعالیت** (`content/fields.yml`)")[0] == (
        "- **شطرنج** (`chess`): توضیحش تغییر کرد؛ در صفحهٔ ۱ شهروند دیپلمات تأییدشده نمایش داده می‌شود."
    )


def test_an_area_whose_id_changes_warns_that_its_page_moves(repo: Path) -> None:
    edit(repo, "content/fields.yml", "chess:", "board-games:")
    edit(
        repo,
        "diplomats/nima-rostami.yml",
        "fields: [letters, chess]",
        "fields: [letters, board-games]",
    )
    english, persian = summarised(repo)
    assert section(english, "**Activity areas** (`content/fields.yml`)") == [
        "- **Chess** (`board-games`, was `chess`): id changed; shown on the page of 1 approved person.",
        "  - ⚠️ the page addresses change: `/fields/chess/` → `/fields/board-games/` and `/en/fields/chess/` → `/en/fields/board-games/`; links and shared QR codes to the old addresses will stop working",
    ]
    assert section(persian, "**حوزه‌های فعالیت** (`content/fields.yml`)")[0] == (
        "- **شطرنج** (`board-games`، پیش‌تر `chess`): شناسه‌اش تغییر کرد؛ در صفحهٔ ۱ شهروند دیپلمات تأییدشده نمایش داده می‌شود."
    )


def test_an_area_nobody_approved_carries(repo: Path) -> None:
    edit(repo, "diplomats/nima-rostami.yml", "status: approved", "status: suspended")
    commit_all(repo, "Nima suspended")
    edit(repo, "content/fields.yml", "chess:\n  fa: شطرنج\n  en: Chess\n", "")
    edit(repo, "diplomats/nima-rostami.yml", "fields: [letters, chess]", "fields: [letters]")
    english, persian = summarised(repo)
    assert (
        "- **Chess** (`chess`): removed; no approved person had it before this change." in english
    )
    assert (
        "- **شطرنج** (`chess`): حذف شد؛ پیش از این تغییر، هیچ شهروند دیپلمات تأییدشده‌ای این حوزه را نداشت."
        in persian
    )


def test_an_edited_page_is_named_with_its_language(repo: Path) -> None:
    page = repo / "content/about.fa.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nبند تازه.\n", encoding="utf-8")
    english, persian = summarised(repo)
    assert section(english, "**Pages**") == [
        "- **About** (Persian page, `content/about.fa.md`): edited (2 lines changed)."
    ]
    assert section(persian, "**صفحه‌ها**") == [
        "- **دربارهٔ برنامه** (صفحهٔ فارسی، `content/about.fa.md`): ویرایش شد (۲ سطر تغییر کرد)."
    ]


def test_site_settings_say_what_they_change_on_the_site(repo: Path) -> None:
    edit(repo, "content/site.yml", "office_email: ", "office_email: diplomats.")
    old_url = (
        (repo / "content/site.yml")
        .read_text(encoding="utf-8")
        .split("site_url: ")[1]
        .split("\n")[0]
    )
    edit(
        repo, "content/site.yml", f"site_url: {old_url}", "site_url: https://diplomats.example.net/"
    )
    english, persian = summarised(repo)
    lines = section(english, "**Site settings** (`content/site.yml`)")
    assert lines[0] == f"- `site_url`: `{old_url}` → `https://diplomats.example.net/`"
    assert lines[1].startswith("  - ⚠️ the address of the whole site: every page moves")
    assert lines[2].startswith("- `office_email`: `") and "` → `diplomats." in lines[2]
    assert lines[3] == (
        "  - shown on every published profile: the “Ask the office for an introduction” link "
        "opens an e-mail to this address"
    )
    fa = section(persian, "**تنظیمات سایت** (`content/site.yml`)")
    assert fa[0] == f"- `site_url`: از `{old_url}` به `https://diplomats.example.net/`"
    assert fa[3] == (
        "  - در صفحهٔ هر شهروند دیپلمات منتشرشده به کار می‌رود: پیوند «درخواست معرفی از ادارهٔ "
        "امور بین‌الملل» رایانامه‌ای به این نشانی باز می‌کند"
    )


def test_changed_values_are_shown_old_to_new(repo: Path) -> None:
    person = "diplomats/nima-rostami.yml"
    edit(repo, person, "en: Nima Rostami}", "en: Nima Rostamy}")
    edit(repo, person, "languages: [fa, en]", 'languages: [fa, en, fr]\nverified_on: "2025-01-05"')
    edit(repo, person, "en: Literature teacher", "en: Teacher of literature")
    edit(repo, person, BIO_EN.strip(), BIO_EN.strip() + " He also writes.")
    edit(repo, person, "https://example.org/nima", "https://example.org/nima-rostami")
    english, persian = summarised(repo)
    assert section(english, "**Citizen diplomats**") == [
        "- **Nima Rostamy** (`nima-rostami`): edited.",
        "  - `name.en`: `Nima Rostami` → `Nima Rostamy`",
        "  - `verified_on`: now `2025-01-05` (was empty)",
        "  - `languages`: added `fr`",
        "  - `occupation.en`: `Literature teacher` → `Teacher of literature`",
        f"  - `bio.en`: changed ({len(BIO_EN.strip())} → {len(BIO_EN.strip()) + 16} characters)",
        "  - Website: `https://example.org/nima` → `https://example.org/nima-rostami`",
        "  - ⚠️ goes public: Website `https://example.org/nima-rostami`; check that the person's consent to publish it is on record",
    ]
    fa = section(persian, "**شهروند دیپلمات‌ها**")
    before, after = persian_digits(len(BIO_EN.strip())), persian_digits(len(BIO_EN.strip()) + 16)
    assert fa[5] == f"  - `bio.en`: تغییر کرد (از {before} نویسه به {after} نویسه)"
    assert (
        fa[6] == "  - وب‌سایت: از `https://example.org/nima` به `https://example.org/nima-rostami`"
    )


def test_a_private_channel_is_never_printed(repo: Path) -> None:
    edit(repo, "diplomats/nima-rostami.yml", "+44 20 7946 0101", "+44 20 7946 0103")  # private
    # pending person: the public Telegram handle made private, a private channel added,
    # and the private phone removed
    edit(
        repo,
        "diplomats/babak-soltani.yml",
        "value: babak_soltani, public: true",
        "value: babak_soltani, public: false",
    )
    edit(
        repo,
        "diplomats/babak-soltani.yml",
        '{type: phone, value: "+44 20 7946 0202", public: false}',
        '{type: whatsapp, value: "+44 20 7946 0303", public: false}',
    )
    english, persian = summarised(repo)
    assert section(english, "**Citizen diplomats**") == [
        "- **Babak Soltani** (`babak-soltani`): edited.",
        "  - Telegram: made private",
        "  - Phone: a private channel removed",
        "  - WhatsApp: a private channel added",
        "- **Nima Rostami** (`nima-rostami`): edited.",
        "  - Phone: a private channel's value changed (not shown here)",
    ]
    assert section(persian, "**شهروند دیپلمات‌ها**") == [
        "- **بابک سلطانی** (`babak-soltani`): ویرایش شد.",
        "  - تلگرام: خصوصی شد",
        "  - تلفن: یک راه ارتباطی خصوصی حذف شد",
        "  - واتس‌اپ: یک راه ارتباطی خصوصی افزوده شد",
        "- **نیما رستمی** (`nima-rostami`): ویرایش شد.",
        "  - تلفن: مقدار یک راه ارتباطی خصوصی تغییر کرد (اینجا نمایش داده نمی‌شود)",
    ]
    shown = "\n".join(english + persian)
    for private in ("0101", "0103", "0202", "0303", "babak_soltani"):
        assert private not in shown


def test_a_private_channel_going_public_with_a_new_value(repo: Path) -> None:
    edit(
        repo,
        "diplomats/nima-rostami.yml",
        '"+44 20 7946 0101", public: false',
        '"+44 20 7946 0104", public: true',
    )
    english, _ = summarised(repo)
    assert section(english, "**Citizen diplomats**")[1:] == [
        "  - Phone: a private channel's value changed (not shown here)",
        "  - ⚠️ goes public: Phone `+44 20 7946 0104`; check that the person's consent to publish it is on record",
    ]
    assert "0101" not in "\n".join(english)


RENAME_EN = [
    "- **Nima Rostami** (`nima-rostami-tehrani`, was `nima-rostami`): id changed (file renamed).",
    "  - ⚠️ the page addresses change: `/diplomats/nima-rostami/` → `/diplomats/nima-rostami-tehrani/` and `/en/diplomats/nima-rostami/` → `/en/diplomats/nima-rostami-tehrani/`; links and shared QR codes to the old addresses will stop working",
]
RENAME_FA = [
    "- **نیما رستمی** (`nima-rostami-tehrani`، پیش‌تر `nima-rostami`): شناسه‌اش تغییر کرد (نام پرونده عوض شد).",
    "  - ⚠️ نشانی صفحه‌ها تغییر می‌کند: از `/diplomats/nima-rostami/` به `/diplomats/nima-rostami-tehrani/` و از `/en/diplomats/nima-rostami/` به `/en/diplomats/nima-rostami-tehrani/`؛ پیوندها و کدهای QR که با نشانی پیشین هم‌رسانی شده‌اند دیگر کار نمی‌کنند",
]


def test_git_mv_is_a_rename_that_warns_of_the_address(repo: Path) -> None:
    git(repo, "mv", "diplomats/nima-rostami.yml", "diplomats/nima-rostami-tehrani.yml")
    english, persian = summarised(repo)  # staged, not committed
    assert section(english, "**Citizen diplomats**") == RENAME_EN
    assert section(persian, "**شهروند دیپلمات‌ها**") == RENAME_FA
    # committed, with the name changed too: git's rename detection pairs them
    edit(
        repo, "diplomats/nima-rostami-tehrani.yml", "en: Nima Rostami}", "en: Nima Rostami Tehrani}"
    )
    edit(repo, "diplomats/nima-rostami-tehrani.yml", "fa: نیما رستمی,", "fa: نیما رستمی تهرانی,")
    commit_all(repo, "Renamed")
    english, _ = summarised(repo)  # nothing left in the working tree
    assert NOTHING_EN in english
    result = generator(repo, "--lang", "en", "diff", "HEAD~1", "--head", "HEAD")
    lines = result.stdout.splitlines()
    assert (
        lines[4]
        == "- **Nima Rostami Tehrani** (`nima-rostami-tehrani`, was `nima-rostami`): id changed (file renamed)."
    )
    assert lines[5:7] == [
        "  - `name.fa`: `نیما رستمی` → `نیما رستمی تهرانی`",
        "  - `name.en`: `Nima Rostami` → `Nima Rostami Tehrani`",
    ]
    assert lines[7] == RENAME_EN[1]


def test_a_removed_and_an_added_file_of_one_name_are_a_rename(repo: Path) -> None:
    old = repo / "diplomats/nima-rostami.yml"
    new = repo / "diplomats/nima-rostami-tehrani.yml"
    new.write_text(
        old.read_text(encoding="utf-8").replace("[fa, en]", "[fa, en, de]"), encoding="utf-8"
    )
    old.unlink()  # not through git: the new file is untracked, found by its name
    english, _ = summarised(repo)
    assert section(english, "**Citizen diplomats**") == [
        RENAME_EN[0],
        "  - `languages`: added `de`",
        RENAME_EN[1],
    ]


def test_a_rename_with_a_status_change_and_one_off_the_site(repo: Path) -> None:
    git(repo, "mv", "diplomats/babak-soltani.yml", "diplomats/babak-soltani-2.yml")
    edit(
        repo,
        "diplomats/babak-soltani-2.yml",
        "status: pending",
        'status: approved\napproved_on: "2025-02-01"',
    )
    english, persian = summarised(repo)
    lines = section(english, "**Citizen diplomats**")
    # not published before: no address to break, and the new one goes live
    assert (
        lines[0]
        == "- **Babak Soltani** (`babak-soltani-2`, was `babak-soltani`): id changed (file renamed); approved (was pending): will be published."
    )
    assert not any("page addresses change" in line for line in lines)
    assert section(persian, "**شهروند دیپلمات‌ها**")[0] == (
        "- **بابک سلطانی** (`babak-soltani-2`، پیش‌تر `babak-soltani`): شناسه‌اش تغییر کرد (نام پرونده عوض شد)؛ تأیید شد (پیش‌تر: «در انتظار بررسی») و در سایت منتشر می‌شود."
    )


def test_two_people_of_one_name_are_never_guessed_a_rename(repo: Path) -> None:
    text = (repo / "diplomats/leila-jafari.yml").read_text(encoding="utf-8")
    (repo / "diplomats/leila-jafari.yml").unlink()
    for id_ in ("leila-jafari-1", "leila-jafari-2"):
        (repo / f"diplomats/{id_}.yml").write_text(text, encoding="utf-8")
    changes = compare_refs(repo, "HEAD")
    assert [(c.id, c.event, c.renamed_from) for c in changes.diplomats] == [
        ("leila-jafari-1", "added", None),
        ("leila-jafari-2", "added", None),
        ("leila-jafari", "removed", None),
    ]


def test_a_renamed_city_warns_of_its_address(repo: Path) -> None:
    write(repo, "cities/sample-town.yml", """
        name: {fa: شهر نمونه, en: Sample Town, native: Sample Town}
        country: FR
        coordinates: [45.0, 2.0]
        status: proposed
        sources: ["https://example.org/sample-town"]
        """)  # fmt: skip
    commit_all(repo, "A city")
    git(repo, "mv", "cities/sample-town.yml", "cities/sample-town-fr.yml")
    english, _ = summarised(repo)
    assert section(english, "**Sister cities**") == [
        "- **Sample Town** (`sample-town-fr`, was `sample-town`): id changed (file renamed).",
        "  - ⚠️ the page addresses change: `/cities/sample-town/` → `/cities/sample-town-fr/` and `/en/cities/sample-town/` → `/en/cities/sample-town-fr/`; links and shared QR codes to the old addresses will stop working",
    ]


def test_a_list_or_a_part_given_or_taken_whole(repo: Path) -> None:
    edit(repo, "diplomats/babak-soltani.yml", "fields: [letters]", "languages: [fa, de]")
    edit(
        repo,
        "diplomats/nima-rostami.yml",
        "occupation: {fa: معلم ادبیات, en: Literature teacher}\n",
        "",
    )
    english, persian = summarised(repo)
    assert section(english, "**Citizen diplomats**") == [
        "- **Babak Soltani** (`babak-soltani`): edited.",
        "  - `fields`: removed `letters`",
        "  - `languages`: added `fa`, `de`",
        "- **Nima Rostami** (`nima-rostami`): edited.",
        "  - `occupation`: removed",
    ]
    assert section(persian, "**شهروند دیپلمات‌ها**")[1:3] == [
        "  - `fields`: حذف شد: `letters`",
        "  - `languages`: افزوده شد: `fa`، `de`",
    ]


def test_a_link_out_of_the_tree_at_the_base_is_a_clear_error(repo: Path) -> None:
    """A base commit holding a link that points outside the data is not unpacked, and the
    reviewer is told why in one line, not shown a traceback."""
    (repo / "diplomats/stolen.yml").symlink_to("../../../../etc/passwd")
    commit_all(repo, "A link to a file outside")
    (repo / "diplomats/stolen.yml").unlink()
    result = generator(repo, "--lang", "both", "diff", "HEAD")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "خطا: در «HEAD»، diplomats/stolen.yml پیوند یا پرونده‌ای است که بیرون از پوشه‌های داده "
        "می‌افتد: خلاصه ساخته نمی‌شود (بررسی خودکار چنین پیوندهایی را نمی‌پذیرد)",
        "error: at 'HEAD', diplomats/stolen.yml is a link or file that would land outside the "
        "data folders: the summary cannot be made (the check refuses such links)",
    ]
