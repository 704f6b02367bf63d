"""Links: LinkChecker (PyPI, pinned) follows every link of the built site, served on 127.0.0.1:
links in Markdown, and those drawn by templates and macros (language selector, header, footer,
tables, timeline), in every language, from the root chooser and every 404 page. Every #fragment
names an id on its page (quality/fragments.py: each page read once, where LinkChecker's
AnchorCheck parses a page again for each of its 1,800 fragments, 210 of 218 seconds)."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys

import pytest

from quality import fragments
from quality.serving import served
from roadmap.preview.server import Handler
from tests.helpers import SECTIONS, section_urls

# Our host is followed and checked; other hosts are not (CI has no Internet, and other sites
# are not ours to gate on).
CONFIG = """\
[checking]
threads=10
maxrequestspersecond=1000
[filtering]
checkextern=0
internlinks=^{base}/
"""


class LinkCheckerWelcome(Handler):
    """LinkChecker keeps to 10 requests a second unless the server says it welcomes more."""

    def end_headers(self):
        self.send_header("LinkChecker", "welcome")
        super().end_headers()


def _site_url(site) -> str:
    """The address the site was built for (site_url), read off a canonical link."""
    canonical = re.search(
        r'<link rel="canonical" href="([^"]+)"', (site / "en/index.html").read_text()
    )
    return canonical.group(1).removesuffix("en/")


@pytest.mark.build
def test_every_link_and_anchor_resolves(site, tmp_path):
    # Canonical and language links are absolute, to the site's own address: a copy where that
    # address is the test server's lets LinkChecker follow them too.
    copy = tmp_path / "site"
    with served(copy, LinkCheckerWelcome) as base:
        shutil.copytree(site, copy)
        for page in copy.rglob("*.html"):
            page.write_text(
                page.read_text(encoding="utf-8").replace(_site_url(site), base + "/"),
                encoding="utf-8",
            )
        starts = [base + url for section in SECTIONS for url in section_urls(copy, section)]
        config = tmp_path / "linkcheckerrc"
        config.write_text(CONFIG.format(base=re.escape(base)))
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "linkcheck",
                "--config",
                str(config),
                "--no-status",
                "--verbose",
                "--output",
                "csv",
                *starts,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    # Read from stdout: run as root, LinkChecker becomes `nobody` and could not write a file here.
    # Its comments start "# "; rows of same-page anchors start "#id;".
    lines = [line for line in proc.stdout.splitlines() if not line.startswith("# ")]
    rows = list(csv.DictReader(lines, delimiter=";"))  # --verbose: a row for every link checked
    problems = [
        f"{row['parentname'] or '(start)'}:{row['line']}: {row['urlname']}: "
        f"{row['result'] if row['valid'] != 'True' else row['warningstring']}"
        for row in rows
        if row["valid"] != "True" or row["warningstring"]
    ]
    assert not problems, f"{len(problems)} broken links or anchors:\n" + "\n".join(problems)
    assert proc.returncode == 0, proc.stderr[-3000:]  # 1: problems found, 2: LinkChecker failed
    followed = {row["url"] for row in rows if row["result"] != "filtered"}
    assert set(starts) <= followed
    assert not [row["url"] for row in rows if row["url"].startswith(_site_url(site))]


@pytest.mark.build
def test_every_fragment_names_an_id_on_its_page(site):
    problems, checked = fragments.broken(site, _site_url(site))
    assert not problems, f"{len(problems)} fragments name no id:\n" + "\n".join(problems)
    assert checked > 1000, "the fragments of every page were checked"


def test_a_fragment_that_names_nothing_is_found(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<h2 id="here">x</h2>\n<a href="#here">ok</a>\n<a href="a/#gone">no</a>\n'
        '<a href="https://example.org/#elsewhere">other site</a>',
        encoding="utf-8",
    )
    (tmp_path / "a/index.html").write_text('<p id="there"></p><a href="../#here">ok</a>')
    problems, checked = fragments.broken(tmp_path, "https://site.example/")
    assert checked == 3
    assert problems == ["index.html:3: a/#gone: no id 'gone' on that page"]
