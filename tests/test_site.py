"""The built six-language site, read as HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from roadmap.i18n import CODES, DEFAULT, LANGUAGES, t
from tests.helpers import KNOWN_WORDS, ROOT, pages, read

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
                if tag == "link" and a.get("rel") in ("canonical", "alternate"):
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
