"""The built six-language site, read as HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from roadmap.i18n import CODES, DEFAULT, LANGUAGES, t
from tests.helpers import KNOWN_WORDS, ROOT, pages, read

pytestmark = pytest.mark.build

EXTERNAL_ATTRS = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


def test_six_languages_each_with_every_page(site):
    en_pages = {p.relative_to(site / "en") for p in pages(site / "en")}
    assert {"index.html", "roadmap/index.html", "workplan/index.html", "404.html"} <= {
        p.as_posix() for p in en_pages
    }
    views = {Path(f"compare/{p.stem}/index.html") for p in (ROOT / "docs/en").glob("*.md")}
    for code in CODES:
        found = {p.relative_to(site / code) for p in pages(site / code)}
        # Every translated page also has its side-by-side view with English.
        assert found == en_pages | (views if code != DEFAULT else set()), code


def test_lang_and_dir_on_every_page(site):
    for lang in LANGUAGES:
        for path in pages(site / lang.code):
            page = read(path)
            html = page.find("html")[0]
            assert html.get("lang") == lang.code, path
            body = page.find("body")[0]
            assert body.get("dir") == lang.direction, path


def test_language_links_point_to_the_same_page(site):
    for lang in LANGUAGES:
        for path in pages(site / lang.code):
            rel = path.relative_to(site / lang.code).as_posix()
            if rel == "404.html":
                continue
            links = [a for a in read(path).find("a") if "roadmap-lang-link" in a.get("class", "")]
            assert [a["lang"] for a in links] == list(CODES), path
            page_url = "http://x/" + lang.code + "/" + rel.removesuffix("index.html")
            for a in links:
                target = urlsplit(urljoin(page_url, a["href"])).path
                expected = rel.removesuffix("index.html")
                if rel.startswith("compare/") and a["lang"] == DEFAULT:  # English has no view:
                    expected = expected.removeprefix("compare/").removeprefix("index/")  # its page
                assert target == f"/{a['lang']}/" + expected, (path, a)
                assert (site / target.lstrip("/") / "index.html").exists() or (
                    site / target.lstrip("/")
                ).is_file(), target


def test_nothing_is_loaded_from_another_host(site):
    for path in sorted(site.rglob("*.html")):
        page = read(path)
        for tag, attr in EXTERNAL_ATTRS.items():
            for a in page.find(tag):
                if tag == "link" and {"canonical", "alternate"} & set((a.get("rel") or "").split()):
                    continue  # names the page's address; the browser loads nothing from it
                value = a.get(attr) or ""
                assert not urlsplit(value).netloc and not value.startswith("//"), (path, tag, value)
    css = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def _search_index(site, code):
    return json.loads((site / code / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_search_index_holds_a_word_of_its_language(site):
    for code, word in KNOWN_WORDS.items():
        index = _search_index(site, code)
        text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
        assert word in text, code
        assert index["config"]["lang"][0] == code


def test_chinese_index_is_segmented_by_jieba(site):
    # Material splits Chinese for search only when jieba is installed: words are then
    # separated by U+200B inside sentences; without it a mid-sentence word is never found.
    index = _search_index(site, "zh")
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b" in text
    assert re.search("\u200b互操作性\u200b|\u200b互操作\u200b", text)


def test_root_is_a_language_chooser_without_script(site):
    page = read(site / "index.html")
    assert not page.find("script")
    links = page.find("a")
    assert [a["href"] for a in links] == [f"{c}/" for c in CODES]
    for lang in LANGUAGES:
        assert lang.name in page.text
        assert " ".join(t(lang.code, "language.chooser_title").split()) in page.text


def test_each_language_has_its_own_404_page(site):
    for lang in LANGUAGES:
        page = read(site / lang.code / "404.html")
        assert t(lang.code, "notfound.title") in page.text
        assert page.find("html")[0]["lang"] == lang.code
    root = read(site / "404.html")
    for lang in LANGUAGES:
        assert t(lang.code, "notfound.home") in root.text


def test_arabic_is_right_to_left_and_chinese_is_not(site):
    assert read(site / "ar" / "index.html").find("body")[0]["dir"] == "rtl"
    assert read(site / "zh" / "index.html").find("body")[0]["dir"] == "ltr"
    chooser = read(site / "index.html").find("a", hreflang="ar")[0]
    assert chooser["dir"] == "rtl" and chooser["lang"] == "ar"


def test_no_page_falls_back_to_english_in_the_real_build(site):
    for code in CODES:
        for path in pages(site / code):
            assert "roadmap-fallback" not in path.read_text(encoding="utf-8"), path


def test_every_page_has_a_description_of_its_own(site):
    """Search engines show it under the title: the page's lead paragraph, or the site's."""
    from roadmap.render.description import LIMIT

    for code in CODES:
        seen = set()
        for path in pages(site / code):
            metas = read(path).find("meta", name="description")
            assert len(metas) == 1, path
            text = metas[0]["content"]
            assert 10 < len(text) <= LIMIT, (path, text)
            seen.add(text)
        assert len(seen) >= len(pages(site / code)) - 1, f"{code}: pages share descriptions"


def _repository() -> dict:
    from roadmap.engine import engine

    return engine().read_config(ROOT, "en")["extra"]["repository"]


def test_every_page_edit_link_opens_its_own_source(site):
    """Material's edit button: docs/<lang>/<page>.md of the page's language, on the branch."""
    repo = _repository()
    prefix = f"{repo['url']}/edit/{repo['branch']}/"
    for lang in LANGUAGES:
        for path in pages(site / lang.code):
            rel = path.relative_to(site / lang.code).as_posix()
            if rel == "404.html":
                continue
            edit = [a["href"] for a in read(path).find("a") if a.get("rel") == "edit"]
            assert len(edit) == 1, path
            assert edit[0].startswith(prefix), edit
            source = edit[0].removeprefix(prefix)
            assert (ROOT / source).is_file(), f"{path}: {source}"
            # A side-by-side view edits the translation it shows.
            page = rel.removeprefix("compare/").removesuffix("index.html").rstrip("/") or "index"
            assert source == f"docs/{lang.code}/{page}.md", (path, source)


def test_every_data_item_links_to_its_id_line(site):
    """Each item drawn from data links to the line of its 'id:' in its YAML file."""
    repo = _repository()
    seen = set()
    for code in CODES:
        for page in ("roadmap", "workplan", "resources", "glossary"):
            for a in read(site / code / page / "index.html").find("a"):
                item = a.get("data-item")
                if item is None:
                    continue
                match = re.fullmatch(
                    rf"{re.escape(repo['url'])}/blob/{repo['branch']}/(data/\w+\.yml)#L(\d+)",
                    a["href"],
                )
                assert match, a["href"]
                line = (ROOT / match[1]).read_text(encoding="utf-8").splitlines()[int(match[2]) - 1]
                assert re.fullmatch(rf"\s*-?\s*id: {re.escape(item)}", line), (a["href"], line)
                seen.add(item)
    from roadmap.model import load_roadmap

    roadmap = load_roadmap(ROOT / "data")
    drawn = {e.id for e in roadmap.entries.values()}
    assert drawn <= seen, sorted(drawn - seen)


def test_every_page_names_its_other_languages_for_browsers_and_search_engines(site):
    """<link rel="alternate" hreflang> for each language and x-default (the root chooser); the
    language selector's links carry hreflang."""
    for lang in LANGUAGES:
        for path in pages(site / lang.code):
            rel = path.relative_to(site / lang.code).as_posix()
            page = read(path)
            alternates = {
                a["hreflang"]: a["href"]
                for _, a in page.tags
                if "alternate" in a.get("rel", "").split() and "hreflang" in a
            }
            selector = [a for a in page.find("a") if "roadmap-lang-link" in a.get("class", "")]
            assert {a.get("hreflang") for a in selector} == set(CODES), path
            if rel == "404.html" or rel.startswith("compare/"):  # no version of anything
                assert alternates == {}, path
                continue
            assert set(alternates) == {*CODES, "x-default"}, path
            assert urlsplit(alternates["x-default"]).path == "/", path
            for code in CODES:
                assert urlsplit(alternates[code]).path == f"/{code}/" + rel.removesuffix(
                    "index.html"
                ), (path, code)
