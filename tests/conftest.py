"""Shared fixtures. The real six-language site is built once per test session."""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.helpers import build_one, copy_project, run_roadmap
from tests.visits import InBackground, launch, wanted

# The fixtures that make a test slow, and the marker a test using one carries (written on the
# test or its module, where a reader sees it): `make test-fast` leaves out every test with
# one of these markers. The check below only makes sure none is forgotten, so that the quick
# loop never builds a site or starts a browser by surprise.
SLOW = {
    "site": "build",
    "editions": "build",
    "server": "build",
    "preview": "build",
    "mkdocs_build": "build",
    "roadmap_build": "build",
    "properdocs": "build",
    "disk_preview": "build",
    "browser": "browser",
    "searched": "browser",
    "visited": "browser",  # the pages' visits (tests/visits.py)
    "lighthouse_reports": "browser",
    "project_copy": "commands",  # the `roadmap` command run on a copy: seconds a test
    "member_branch": "commands",
    "history": "publish",
    "scratch": "publish",
    "published_server": "publish",
}


# A publish's pool of builds, the second engine's six builds (the HTML checker and LinkChecker
# keep one core busy: measured with the machine's busy CPU per test).
BOTH_CORES = ("test_properdocs.py", "test_publish.py")


def pytest_collection_modifyitems(items):
    forgotten = sorted(
        {
            f"{item.nodeid.split('[')[0]} uses '{name}': mark it @pytest.mark.{SLOW[name]}"
            for item in items
            for name in getattr(item, "fixturenames", ())
            if name in SLOW and item.get_closest_marker(SLOW[name]) is None
        }
        | {
            f"{item.nodeid.split('[')[0]} uses 'visited': say which with @pytest.mark.visits"
            for item in items
            if "visited" in getattr(item, "fixturenames", ())
            and item.get_closest_marker("visits") is None
        }
    )
    if forgotten:
        raise pytest.UsageError("\n".join(forgotten))
    # Why the order changes (2 cores): the tests that read the visits made in the background go
    # last, when they are made; before them, the files whose tests keep both cores busy by
    # themselves, so that they run when the visits are done and no core is left idle; the
    # tests that keep one busy run beside the visits.
    items.sort(
        key=lambda item: (
            item.get_closest_marker("visits") is not None,
            item.path.name in BOTH_CORES,
        )
    )


@pytest.fixture
def mkdocs_build():
    """Build one language of a project copy with mkdocs itself (as mike would)."""
    return build_one


@pytest.fixture
def roadmap_build():
    """`roadmap build` with the given arguments, as a user runs it."""
    return lambda *args: run_roadmap(*args)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built by the real command into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "site"
    proc = run_roadmap("build", "--site-dir", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session", autouse=True)
def history_in_background(request, tmp_path_factory):
    """The publishing history (tests/drafts_history.py), begun as the session begins when a
    selected test needs it: its publishes run while the first tests do."""
    from tests.drafts_history import Background

    if not any("history" in getattr(i, "fixturenames", ()) for i in request.session.items):
        yield None
        return
    job = Background(tmp_path_factory.mktemp("publish"))
    yield job
    job.stop()


@pytest.fixture(scope="session", autouse=True)
def lighthouse_in_background(request):
    """The Lighthouse gate's audits (test_lighthouse.py), begun as soon as the site is served
    when a selected test reads them: mostly waiting on their pages, they run in a thread
    beside the other tests, in the session's Chromium (a tab of their own)."""
    if not any(
        "lighthouse_reports" in getattr(i, "fixturenames", ()) for i in request.session.items
    ):
        yield None
        return
    from quality import lighthouse

    server = request.getfixturevalue("server")
    request.getfixturevalue("browser")  # closed after this fixture: the audits end first
    port = request.getfixturevalue("debugging_port")
    with ThreadPoolExecutor(1) as pool:
        yield pool.submit(
            lambda: {
                path: lighthouse.audit(server + path, lighthouse.GATED, port=port)
                for path in lighthouse.GATE_PAGES
            }
        )


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 by our own handler (language 404 pages included)."""
    from quality.serving import served

    with served(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser(debugging_port):
    """The Chromium of the test session: Playwright drives it, Lighthouse attaches to it (the
    page visits have their own, tests/visits.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p, f"--remote-debugging-port={debugging_port}")
        yield b
        b.close()


@pytest.fixture(scope="session", autouse=True)
def visits_in_background(request):
    """The visits of the pages the selected tests read (tests/visits.py), begun as soon as the
    site is served: they run in a thread and a Chromium of their own beside the tests that
    need none, which go first."""
    visits = wanted(request.session.items)
    if not visits:
        yield None
        return
    job = InBackground(request.getfixturevalue("server"), request.getfixturevalue("site"), visits)
    yield job
    job.stop()


@pytest.fixture(scope="session")
def visited(visits_in_background):
    """(kind, section) -> its pages as visited on a desktop or a phone (tests/visits.py); the
    test says which kinds it reads with @pytest.mark.visits."""
    return visits_in_background.result


@pytest.fixture(scope="session")
def searched(browser, server):
    """language -> its home page with a word searched for (tests/visits.search), once."""
    from tests.visits import search

    return functools.cache(lambda code: search(browser, server, code))


@pytest.fixture(scope="session")
def debugging_port() -> int:
    from quality.serving import free_port

    return free_port()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's sources, to break on purpose."""
    return copy_project(tmp_path / "project")
