"""Every draft on paper and on disk: the PDF and the offline copy of ar, zh and en.

The editions are made from the session's built site (a copy of three of its languages), as
`roadmap build --pdf --offline` and `roadmap publish` make them. Publishing them is tested in
test_publish.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from roadmap import downloads, drafts
from roadmap.editions import names, outline, printed
from roadmap.editions import pdf as pdf_edition
from roadmap.engine import engine
from roadmap.i18n import CODES, t
from roadmap.i18n.formatting import format_day
from roadmap.model import DataError, load_roadmap
from roadmap.render import PageError, citation, print_edition
from roadmap.render.catalogue import PageContext, macro_table
from roadmap.render.editions import MARKER, megabytes
from roadmap.render.links import Here, Linker, to_file
from roadmap.render.print_ids import Part, rewrite
from tests.helpers import ROOT

LANGS = ("ar", "zh", "en")  # both scripts written without Latin letters, and one that is
DRAFT = load_roadmap(ROOT / "data").current_draft
ADDRESS = "http://127.0.0.1:8000/{lang}/" + DRAFT.id + "/"  # the site's address, unpublished
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAKE = (
    "import sys; from pathlib import Path; from roadmap.editions.make import Request, make; "
    "from roadmap.build_spec import of_project; "
    "build = of_project(Path(sys.argv[1]), langs=tuple(sys.argv[4:])); "
    "make(Request(build, Path(sys.argv[2]), offline=sys.argv[3] == 'offline'))"
)


@pytest.fixture(scope="session")
def editions(site, tmp_path_factory) -> Path:
    """Three languages of the built site with their PDF and offline copy made."""
    return _made(site, tmp_path_factory.mktemp("editions") / "site", LANGS, offline=True)


@pytest.fixture(scope="session")
def other_pdfs(site, tmp_path_factory) -> Path:
    """The PDFs of the other three languages (their offline copies are not needed)."""
    others = tuple(c for c in CODES if c not in LANGS)
    return _made(site, tmp_path_factory.mktemp("other-pdfs") / "site", others, offline=False)


def _made(site: Path, out: Path, langs, *, offline: bool) -> Path:
    for code in langs:
        shutil.copytree(site / code, out / code)
    proc = subprocess.run(
        [sys.executable, "-c", MAKE, str(ROOT), str(out), "offline" if offline else "", *langs],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def pdf_of(editions: Path, lang: str) -> Path:
    return editions / lang / "downloads" / names.pdf(DRAFT.id, lang)


def poppler(*args: str) -> str:
    tool = shutil.which(args[0])
    assert tool, f"{args[0]} is missing: apt-get install poppler-utils (.ci/system-deps.sh)"
    return subprocess.run([tool, *args[1:]], capture_output=True, text=True, check=True).stdout


def text_of(pdf: Path, *pages: int) -> str:
    """The PDF's text in logical order, without the bidi controls pdftotext adds."""
    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return BIDI.sub("", poppler("pdftotext", *span, str(pdf), "-"))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", BIDI.sub("", text))


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M)[1])


# --- the print edition, pure -------------------------------------------------------------------


def test_one_document_keeps_item_ids_and_prefixes_shared_ones():
    parts = [
        Part("index", "<h1>Home</h1>"),
        Part("group", '<h2 id="observers">O</h2><a href="../roadmap/#P1">P1</a>'),
        Part("roadmap", '<li id="P1">P1</li><svg aria-labelledby="tl-title tl-desc"></svg>'),
        Part("modalities", '<h2 id="interop">I</h2><a href="#interop">here</a>'),
        Part("glossary", '<dt id="interop">Interoperability</dt>'),
        Part(
            "participate",
            '<h2 id="observers">O</h2><a href="../group/#observers">g</a>'
            '<a href="../downloads/roadmap.json">j</a><a href="../">home</a>'
            '<a href="https://example.org/x">x</a><a href="../glossary/#interop">t</a>',
        ),
    ]
    out = dict(
        zip(
            [p.stem for p in parts],
            rewrite(parts, {"P1": "roadmap", "interop": "glossary"}, "https://s/en/draft-2/"),
            strict=True,
        )
    )
    assert '<li id="P1">' in out["roadmap"] and 'href="#P1"' in out["group"]
    assert (
        'id="group--observers"' in out["group"]
        and 'id="participate--observers"' in out["participate"]
    )
    assert 'href="#group--observers"' in out["participate"]
    assert '<dt id="interop">' in out["glossary"] and 'href="#interop"' in out["participate"]
    assert (
        'id="modalities--interop"' in out["modalities"]
        and 'href="#modalities--interop"' in out["modalities"]
    )
    assert 'href="https://s/en/draft-2/downloads/roadmap.json"' in out["participate"]
    assert 'href="#roadmap-page-index"' in out["participate"]
    assert 'href="https://example.org/x"' in out["participate"]


def test_the_offline_copy_links_files_not_folders():
    offline = Here("roadmap.md", file_urls=True)
    assert Linker(offline).href("workplan.md", "A1.3") == "workplan.html#A1.3"
    assert Linker(offline).href("roadmap.md") == "roadmap.html"
    assert to_file(Here("workplan.md", True), "downloads/workplan.csv") == "downloads/workplan.csv"
    assert Linker("roadmap.md").href("workplan.md", "A1.3") == "../workplan/#A1.3"
    assert to_file("workplan.md", "downloads/workplan.csv") == "../downloads/workplan.csv"


def test_sizes_read_in_each_language():
    assert megabytes(1_436_000, "en") == "1.4 MB"
    assert megabytes(1_436_000, "fr").startswith("1,4") and megabytes(20_000, "en") == "0.1 MB"


# --- the PDF ------------------------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_every_font_of_the_pdf_is_embedded(editions, lang):
    rows = poppler("pdffonts", str(pdf_of(editions, lang))).splitlines()[2:]
    embedded = [re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", r)[1] for r in rows]
    assert rows and set(embedded) == {"yes"}, "\n".join(rows)
    assert "Noto" in "\n".join(rows)  # Debian's Noto fonts, nothing fetched


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_fonts_are_subset_and_named_few_and_small(editions, lang):
    """No Type 3 fonts (Chromium's fallback for CFF outlines: 303 unnamed ones, 2.2 MB, in the
    Chinese PDF before its CJK font was given to it as TrueType), each font named and subset."""
    pdf = pdf_of(editions, lang)
    rows = poppler("pdffonts", str(pdf)).splitlines()[2:]
    assert [r for r in rows if "Type 3" in r or not re.match(r"[A-Z]{6}\+\S", r)] == []
    assert len(rows) <= 20, "\n".join(rows)
    if lang == "zh":
        assert any("NotoSansCJKsc-Bold" in r for r in rows)
        assert pdf.stat().st_size < 1_800_000


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_text_gives_the_draft_title_in_its_script_and_order(editions, lang):
    first = " ".join(text_of(pdf_of(editions, lang), 1).split())
    # Its letters in reading order, right to left in ar; pdftotext moves a space around a colon
    # between Arabic words (the title has one): compared without spaces
    assert squeezed(DRAFT.title.get(lang)) in squeezed(first)
    assert squeezed(t(lang, "site.name")) in squeezed(first) and DRAFT.id in first
    assert ADDRESS.format(lang=lang) in first  # the masthead's permanent address


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_holds_every_page_in_reading_order(editions, lang):
    pdf = pdf_of(editions, lang)
    nav = engine().read_config(ROOT, lang)["nav"]
    assert page_count(pdf) > len(nav)  # the masthead, then each page from a new sheet
    # Arabic compared by its letters alone: pdftotext reorders the Latin ('BBNJ') and the
    # punctuation inside a line of Arabic, not the Arabic words
    keep = (lambda s: re.sub(r"[^\u0600-\u06ff]", "", s)) if lang == "ar" else squeezed
    text = keep(text_of(pdf))
    where: list[int] = []
    for src in nav:
        page = editions / lang / ("index.html" if src == "index.md" else f"{src[:-3]}/index.html")
        article = print_edition.for_paper(engine().article(page.read_text("utf-8")))
        title = keep(print_edition.title(article))
        # each title after the contents list of the masthead, in the order of the nav
        where.append(text.find(title, where[-1] + 1 if where else text.find(title) + 1))
    assert -1 not in where and where == sorted(where), list(zip(nav, where, strict=True))


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_a_running_header_and_page_numbers(editions, lang):
    pdf = pdf_of(editions, lang)
    n = page_count(pdf)
    page = " ".join(text_of(pdf, 5).split())
    assert f"5 / {n}" in page
    assert squeezed(DRAFT.title.get(lang)) in squeezed(page)  # the running header


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_keeps_item_ids_as_destinations_and_shows_links_as_addresses(editions, lang):
    pdf = pdf_of(editions, lang)
    dests = poppler("pdfinfo", "-dests", str(pdf))
    for item in ("P1", "P1.O1", "A1.3", "R1.1"):
        assert re.search(rf'"{re.escape(item)}"\s*$', dests, re.M), item
    assert squeezed(ADDRESS.format(lang=lang) + "downloads/roadmap.json") in squeezed(text_of(pdf))


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_a_page_of_each_pdf_turns_into_an_image(editions, lang, tmp_path):
    """Looked at when the edition was made (the timeline page): see bench/README.md."""
    poppler(
        "pdftoppm",
        "-r",
        "40",
        "-png",
        "-f",
        "1",
        "-l",
        "1",
        str(pdf_of(editions, lang)),
        str(tmp_path / "p"),
    )
    png = next(tmp_path.glob("p-*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


A4_TEXT_WIDTH = 672  # CSS pixels between the margins of print.css: 210 mm - 2 x 16 mm


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_print_edition_fits_the_paper(site, browser, tmp_path, lang):
    """Nothing is wider than the sheet: Chromium would shrink every page of the PDF to fit it."""
    from roadmap.editions import printed

    html = printed.write(
        site / lang,
        tmp_path / "print.html",
        engine().read_config(ROOT, lang)["nav"],
        load_roadmap(ROOT / "data"),
        lambda styles: print_edition.Edition(lang, DRAFT, ADDRESS.format(lang=lang), styles),
    )
    context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(html.as_uri())
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')].map(e => [e, e.getBoundingClientRect()])
             .filter(([e, r]) => r.width && (r.right > innerWidth + 1 || r.left < -1))
             .map(([e, r]) => `${e.tagName}.${e.className} ${r.left}-${r.right}: ${e.textContent}`)"""
    )
    context.close()
    assert wide == [], "\n".join(w[:120] for w in wide)


# --- the pages that announce them ---------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_cite_box_and_downloads_link_both_with_their_size(editions, lang):
    page = (editions / lang / "workplan/index.html").read_text("utf-8")
    assert MARKER not in page
    for kind, path in names.paths(DRAFT.id, lang).items():
        href = f'href="../{path}"'
        assert page.count(href) == 2, kind  # the downloads section and the cite box
        assert megabytes((editions / lang / path).stat().st_size, lang) in page


@pytest.mark.build
def test_build_makes_them_on_request(roadmap_build, tmp_path):
    """`roadmap build --pdf --offline`, for a local look (one language: the rest is above)."""
    proc = roadmap_build("build", "--site-dir", str(tmp_path), "--lang", "es", "--pdf", "--offline")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for path in names.paths(DRAFT.id, "es").values():
        assert (tmp_path / "es" / path).stat().st_size > 100_000
        assert f'href="{path}"' in (tmp_path / "es/index.html").read_text("utf-8")


# --- the offline copy -----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_offline_copy_works_from_disk(editions, browser, tmp_path, lang):
    """Opened from file://: a page, the navigation and search work; nothing leaves the disk."""
    with zipfile.ZipFile(editions / lang / names.paths(DRAFT.id, lang)["offline"]) as archive:
        archive.extractall(tmp_path)
    home = tmp_path / names.offline(DRAFT.id, lang).removesuffix(".zip") / "index.html"
    assert home.is_file()
    context = browser.new_context()
    left: list[str] = []

    def only_disk(route):
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", only_disk)
    page = context.new_page()
    page.goto(home.as_uri())
    page.locator("nav.md-nav--primary a[href='workplan.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/workplan.html") and page.locator("#A1\\.3").count() == 1
    languages = page.locator("a.roadmap-lang-link").evaluate_all("els => els.map(e => e.href)")
    assert "http://127.0.0.1:8000/fr/workplan/" in languages  # other languages are online
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", {"en": "interoperability", "zh": "互操作性"}[lang])
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    context.close()
    assert left == []


# --- citations and the draft's own facts --------------------------------------------------------

ALL = load_roadmap(ROOT / "data")
OPENING = {"en": '"', "fr": "« ", "es": "«", "ru": "«", "zh": "“", "ar": '"'}  # as cite.md


@pytest.mark.parametrize("lang", CODES)
def test_an_item_is_cited_in_the_language_style_with_its_permanent_address(lang):
    page = f"https://s/{lang}/{DRAFT.id}/workplan/"
    cite = citation.citation(DRAFT, lang, "https://s/", "workplan/", "T", ["A1.3", "A1.4"])
    assert cite["text"].startswith(OPENING[lang] + "T") and cite["text"].endswith(page)
    assert [i["url"] for i in cite["items"]] == [page + "#A1.3", page + "#A1.4"]
    item = cite["items"][0]["text"]
    for part in (DRAFT.title.get(lang), f"{DRAFT.id}", drafts.marked_day(DRAFT, lang), "A1.3"):
        assert part in item, (lang, part)
    assert item.endswith(page + "#A1.3")


def test_an_official_document_is_cited_with_its_symbol_after_its_date():
    issued = DRAFT.model_copy(update={"symbol": "A/AC.296/2027/3", "illustrative": False})
    for lang in CODES:
        text = citation.cite_text(issued, lang, "T", "https://s/x/", "P1")
        day = drafts.marked_day(issued, lang)
        assert f"{day}{t(lang, 'list.separator')}A/AC.296/2027/3" in text, lang
        assert f"({t(lang, 'illustrative.mark')})" not in text


def test_the_items_of_a_page_are_those_it_shows_in_order():
    html = '<h3 id="A1.2">x</h3><tr id="P1.M1"></tr><h3 id="A1.2"></h3><p id="notes"></p>'
    assert citation.items_shown(html, ALL) == ["A1.2", "P1.M1"]


def _page_for(draft, lang: str, name: str) -> str:
    """A page's text as a draft's build renders its macros (roadmap/render/catalogue.py)."""
    context = PageContext(ALL, lang, name, draft, site_root="https://s/")
    source = (ROOT / "docs" / lang / name).read_text(encoding="utf-8")
    env = jinja2.Environment(comment_start_string="{##", comment_end_string="##}")  # mkdocs.yml
    return env.from_string(source).render(**macro_table(lambda: context))


@pytest.mark.parametrize("lang", CODES)
def test_every_draft_states_its_own_dates_and_examples(lang):
    """The pages that state a draft's facts read them from its data: each draft, its own
    deadline and id, never another's; the cite page's examples name the site's address."""
    for draft in ALL.drafts:
        participate = _page_for(draft, lang, "participate.md")
        cite = _page_for(draft, lang, "cite.md")
        assert draft.comments.deadline is not None
        assert format_day(draft.comments.deadline, lang) in participate, (lang, draft.id)
        assert f"{draft.id}" in participate and f"https://s/{lang}/{draft.id}/roadmap/#P1" in cite
        for other in ALL.drafts:
            if other is not draft:
                assert format_day(other.comments.deadline, lang) not in participate
                assert f"/{other.id}/" not in cite


@pytest.mark.parametrize("lang", CODES)
def test_the_pages_write_no_draft_fact_in_their_prose(lang):
    for name in ("participate.md", "cite.md"):
        text = (ROOT / "docs" / lang / name).read_text(encoding="utf-8")
        assert re.findall(r"\b20\d\d\b|example\.org", text) == [], (lang, name)
    assert re.findall(r"draft-\d", (ROOT / "docs" / lang / "participate.md").read_text()) == []


def test_a_deadline_before_its_draft_is_refused_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    yml = data / "drafts.yml"
    yml.write_text(yml.read_text().replace("deadline: 2025-12-19", "deadline: 2025-12-01"))
    with pytest.raises(DataError) as err:
        load_roadmap(data)
    message = str(err.value)
    assert "drafts.yml" in message and "2025-12-01" in message and "after" in message


@pytest.mark.build
def test_each_page_cites_itself_and_its_items_and_prints_its_address(site):
    """Every page: a citation ready to copy; its items each with theirs; on paper, the draft
    and the page's address at the foot of every sheet (an @page margin box)."""
    for lang in CODES:
        for path in sorted((site / lang).rglob("index.html")):
            if "translations/" in path.as_posix() and path.parent.name != "translations":
                continue
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            cite = soup.select_one(".roadmap-cite")
            if cite is None:
                continue
            url = cite.select_one(".roadmap-cite__url code").get_text()
            text = cite.select_one("p.roadmap-cite__text").get_text()
            assert text.endswith(url) and DRAFT.id in text, path
            sheet = soup.select_one('head style[media="print"]').get_text()
            assert f"({DRAFT.id}) · {url}" in sheet, path
    workplan = BeautifulSoup((site / "fr/workplan/index.html").read_text(), "html.parser")
    cited = {
        dt.get_text(): dd.get_text()
        for dt, dd in zip(
            workplan.select(".roadmap-cite__items dt"),
            workplan.select(".roadmap-cite__items dd"),
            strict=True,
        )
    }
    assert set(cited) == {a.id for a in ALL.activities}
    assert cited["A1.3"].startswith("« ") and cited["A1.3"].endswith("/workplan/#A1.3")


# --- the PDF's outline, contents and sheets -----------------------------------------------------


@pytest.mark.build  # its fixtures are asked for by name below, which the tiers cannot see
@pytest.mark.parametrize("lang", CODES)
def test_pdf_outline_titles_equal_the_headings(request, lang):
    """Bookmarks read as the headings do in all six PDFs: Arabic in logical order, nothing
    doubled or run together (Chromium's own titles: 'CalendrierCalendrier', Arabic reversed)."""
    editions = request.getfixturevalue("editions" if lang in LANGS else "other_pdfs")
    pdf = pdf_of(editions, lang)
    bookmarks = outline.titles(pdf)
    nav = list(engine().read_config(ROOT, lang)["nav"])
    edition = printed.write(
        editions / lang,
        editions.parent / f"check-{lang}.html",
        nav,
        ALL,
        lambda styles: print_edition.Edition(lang, DRAFT, ADDRESS.format(lang=lang), styles),
    )
    assert bookmarks == outline.headings(edition.read_text(encoding="utf-8"))
    for src in nav:  # each page's title, as a browser reads it, is a bookmark
        page = BeautifulSoup(printed.built_page(editions / lang, src).read_text(), "html.parser")
        for link in page.select("h1 a.headerlink"):
            link.decompose()
        assert " ".join(page.select_one("article h1").get_text().split()) in bookmarks, src


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_contents_give_the_page_of_each_section(editions, lang):
    pdf = pdf_of(editions, lang)
    pages = pdf_edition.contents_pages(pdf)
    assert len(pages) == len(engine().read_config(ROOT, lang)["nav"])
    first = squeezed(text_of(pdf, 1))
    for number in pages.values():
        assert number in first
    assert sorted(map(int, pages.values())) == list(map(int, pages.values()))  # reading order


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_of_the_pdf_gives_the_draft_and_its_address(editions, lang):
    pdf = pdf_of(editions, lang)
    address = squeezed(ADDRESS.format(lang=lang))
    for number in range(2, page_count(pdf) + 1):
        sheet = squeezed(text_of(pdf, number))
        assert address in sheet and DRAFT.id in sheet, (lang, number)


# --- spreadsheets -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_workbook_holds_every_table_in_the_language_with_real_dates(tmp_path, lang):
    """One XLSX per language beside the CSVs: phases and milestones too, dates as dates,
    numbers as numbers, Arabic sheets right to left; the same bytes for the same data."""
    written = downloads.write(tmp_path, ALL, DRAFT, lang)
    path = tmp_path / "downloads" / downloads.NAMES["xlsx"]
    assert path in written and (tmp_path / "downloads/phases.csv") in written
    book = load_workbook(path)
    assert book.sheetnames == [t(lang, f"xlsx.{k}") for k in downloads.TABLES]
    phases, milestones, work, resources = (book[name] for name in book.sheetnames)
    assert [row[0] for row in phases.iter_rows(min_row=2, values_only=True)] == [
        p.id for p in ALL.phases
    ]
    ids = [row[0] for row in milestones.iter_rows(min_row=2, values_only=True)]
    assert ids == [m.id for p in ALL.phases for m in p.milestones]
    assert phases.cell(1, 2).value == t(lang, "csv.item") and phases.cell(1, 2).font.b
    assert phases.cell(2, 3).value.date() == ALL.phases[0].start  # a date cell, not text
    assert [row[0] for row in work.iter_rows(min_row=2, values_only=True)] == [
        a.id for a in ALL.activities
    ]
    assert isinstance(resources.cell(2, 5).value, int | float)
    assert all(s.sheet_view.rightToLeft == (lang == "ar") for s in book)
    before = path.read_bytes()
    downloads.write(tmp_path, ALL, DRAFT, lang)
    assert path.read_bytes() == before


@pytest.mark.build
def test_the_downloads_list_the_workbook_and_the_tables_of_phases_and_milestones(site):
    for lang in CODES:
        page = BeautifulSoup((site / lang / "cite/index.html").read_text(), "html.parser")
        links = {a["href"] for a in page.select(".roadmap-downloads a")}
        for key in ("xlsx", "phases", "milestones"):
            assert f"../downloads/{downloads.NAMES[key]}" in links, (lang, key)
            assert (site / lang / "downloads" / downloads.NAMES[key]).stat().st_size > 0


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_a_printed_page_gives_the_draft_and_its_address_on_every_sheet(site, browser, lang):
    """A page printed from the browser: not only its last sheet (the cite box) says which
    draft and address it is, every sheet does, in its foot."""
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / lang / "workplan" / "index.html").as_uri())
    pdf = site.parent / f"printed-{lang}.pdf"
    page.pdf(path=str(pdf))
    context.close()
    address = squeezed(ADDRESS.format(lang=lang) + "workplan/")
    sheets = page_count(pdf)
    assert sheets > 2
    for number in range(1, sheets + 1):
        sheet = squeezed(text_of(pdf, number))
        assert address in sheet and DRAFT.id in sheet and f"{number}/{sheets}" in sheet, number


def test_an_example_naming_a_wrong_page_or_item_is_refused():
    context = PageContext(ALL, "en", "cite.md", DRAFT)
    macros = macro_table(lambda: context)
    with pytest.raises(PageError, match="'A1.3' is shown on the page 'workplan', not 'roadmap'"):
        macros["permalink"]("roadmap", "A1.3")
    with pytest.raises(PageError, match="'Z9' is not an item of the data"):
        macros["cite_example"]("T", "workplan", "Z9")
    assert macros["permalink"]("workplan", "A1.3").endswith(f"/en/{DRAFT.id}/workplan/#A1.3`")
