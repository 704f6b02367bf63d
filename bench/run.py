"""Benchmarks, each side by side with its baseline, measured in the same run.

    python bench/run.py            # or: make bench (results and the command: bench/README.md)

1. data validation: our data vs ten times our data (generated), and vs one language's build;
2. the full six-language build vs plain mkdocs-material on the same pages (bench/plain.py);
   languages built in parallel vs one after another; ten times the data;
3. the bytes a reader downloads for the first view of each kind of page (bench/weight.py);
4. Lighthouse (performance, accessibility, best practices, SEO) on nine pages;
then the editions: six PDFs and six offline copies vs the six-language build they come from.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from roadmap.build import build_checked, build_site
from roadmap.build_spec import of_project
from roadmap.checks.pages import check_pages
from roadmap.i18n import CODES, DEFAULT, language
from roadmap.i18n.languages import SAMPLE
from roadmap.model import load_roadmap
from roadmap.project import find

ROOT = find(Path(__file__).parent)
REPEAT = 3  # each time below is the median of this many runs
BUILD_REPEAT = 5  # the builds' ratios: the machine's speed comes and goes by a tenth or more
# Ratios measured in the same run, and the most each may be.
GOALS = {
    "six": 1.15,
    "one": 1.15,
    "tenfold": 1.5,
}
LATENCY_GOALS = {"page": 1.0, "data": 3.0}  # seconds from save to the browser


def timed(fn, repeat: int = REPEAT) -> float:
    """Median seconds of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def scaled_data(factor: int, dest: Path) -> Path:
    """Our data with phases, activities and resources repeated ``factor`` times under new ids."""
    shutil.copytree(ROOT / "data", dest)
    phases = yaml.safe_load((ROOT / "data/phases.yml").read_text())["phases"]
    acts = yaml.safe_load((ROOT / "data/workplan.yml").read_text())["activities"]
    res = yaml.safe_load((ROOT / "data/resources.yml").read_text())
    out_p, out_a, out_r = _repeated(factor, phases, acts, res["resources"])
    _write_scaled(dest, out_p, out_a, res["funding_sources"], out_r)
    actors = dest / "actors.yml"  # the copies run on for decades: beyond every actor's lifetime
    actors.write_text(re.sub(r"(?m)^    active_(from|until): .*\n", "", actors.read_text()))
    return dest


def scaled_project(factor: int, dest: Path) -> Path:
    """A copy of the project (no git history) with ``scaled_data(factor)`` as its data, and its
    translations recorded as current as ours are: each repeated text has its original's record."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for cfg in ROOT.glob("mkdocs*.yml"):
        shutil.copy(cfg, dest / cfg.name)
    scaled_data(factor, dest / "data")
    (dest / "translations").mkdir()
    item = re.compile(r"^(data/(?:phases|workplan|resources)\.yml#[PAR])(\d+)(.*)$")
    for records in (ROOT / "translations").glob("*.yml"):
        found = yaml.safe_load(records.read_text(encoding="utf-8")) or {}
        out = dict(found)
        for key, value in found.items():
            if m := item.match(key):
                for k in range(1, factor):
                    out[f"{m[1]}{int(m[2]) + k * 10}{m[3]}"] = value
        (dest / "translations" / records.name).write_text(
            yaml.safe_dump(out, allow_unicode=True, width=4096), encoding="utf-8"
        )
    return dest


def _repeated(factor: int, phases: list, acts: list, resources: list) -> tuple[list, list, list]:
    """Each copy's phases follow the copy before (phases never overlap: the data's rule), its
    dates moved on by the span of ours; milestones dated by an event get that event's date."""
    events = {e["id"]: e["start"] for e in _events()}
    span = max(p["end"] for p in phases).year - min(p["start"] for p in phases).year + 1
    out_p: list = []
    out_a: list = []
    out_r: list = []
    for k in range(factor):
        shift = k * 10
        ren = {p["id"]: f"P{int(p['id'][1:]) + shift}" for p in phases}

        def pid(old: str, ren: dict = ren) -> str:
            head, _, tail = old.partition(".")
            return ren[head] + ("." + tail if tail else "")

        def later(day, years: int = k * span):
            return day.replace(year=day.year + years)

        for p in phases:
            q = dict(p, id=ren[p["id"]], start=later(p["start"]), end=later(p["end"]))
            for key in ("objectives", "milestones", "deliverables"):
                q[key] = [dict(o, id=pid(o["id"])) for o in p.get(key, [])]
            if k:
                q["milestones"] = [_dated(m, events, later) for m in q["milestones"]]
            out_p.append(q)
        for a in acts:
            n = int(a["phase"][1:]) + shift
            out_a.append(
                dict(
                    a,
                    id=f"A{n}.{a['id'].split('.')[1]}",
                    phase=ren[a["phase"]],
                    objectives=[pid(o) for o in a["objectives"]],
                    depends_on=[f"A{n}.{d.split('.')[1]}" for d in a.get("depends_on", [])],
                    start=later(a["start"]),
                    end=later(a["end"]),
                )
            )
        for r in resources:
            n = int(r["phase"][1:]) + shift
            out_r.append(dict(r, id=f"R{n}.{r['id'].split('.')[1]}", phase=ren[r["phase"]]))
            if r.get("continues"):
                out_r[-1]["continues"] = (
                    f"R{int(r['continues'][1:].split('.')[0]) + shift}."
                    + (r["continues"].split(".")[1])
                )
    return out_p, out_a, out_r


def _events() -> list:
    return yaml.safe_load((ROOT / "data/events.yml").read_text())["events"]


def _dated(milestone: dict, events: dict, later) -> dict:
    """A milestone of a later copy: its own date moved on, or its event's date moved on."""
    out = {k: v for k, v in milestone.items() if k != "event"}
    day = milestone.get("date") or events[milestone["event"]]
    return out | {"date": later(day)}


def _write_scaled(dest: Path, phases: list, acts: list, funding: list, resources: list) -> None:

    class Plain(yaml.SafeDumper):  # shared objects are written out: our data allows no aliases
        def ignore_aliases(self, data):
            return True

    def dump(obj) -> str:
        return yaml.dump(obj, Dumper=Plain, allow_unicode=True, sort_keys=False)

    (dest / "phases.yml").write_text(dump({"phases": phases}))
    (dest / "workplan.yml").write_text(dump({"activities": acts}))
    (dest / "resources.yml").write_text(dump({"funding_sources": funding, "resources": resources}))


def roadmap_build(site: Path, langs: list[str], data: Path, root: Path = ROOT) -> None:
    """As `roadmap build` does it (roadmap.build.build_checked), without its printing. Nothing
    is kept from a run before: a fresh process would have none."""
    _forget()
    build = of_project(root, data, langs=tuple(langs))
    done = build_checked(build, site, report=lambda line: None)
    if not done.built:
        _built(done.results)  # a language that failed is named
        sys.exit("\n".join(map(str, done.checked.errors)) or f"{root}: see `roadmap check`")


def _forget() -> None:
    """Empty the memos of pure functions (keyed by content) that a process before would not
    have; what `roadmap serve` keeps between builds is its session's, and every build_checked
    without one starts a new session."""
    from roadmap.model import yamlfile
    from roadmap.translations import records, terms

    terms._normal.cache_clear()
    yamlfile._parsed.cache_clear()
    records._parsed.cache_clear()


def plain_build(site: Path, langs: list[str], root: Path) -> None:
    _built(build_site(of_project(root, langs=tuple(langs)), site, report=lambda line: None))


def _built(results) -> None:
    failed = [r for r in results if not r.ok]
    if failed:
        sys.exit(f"[{failed[0].lang}] build failed:\n{failed[0].output}")


def bench_validation(big: Path) -> None:
    base = timed(lambda: (_forget(), load_roadmap(ROOT / "data")))
    ten = timed(lambda: (_forget(), load_roadmap(big)))
    n_base = len(load_roadmap(ROOT / "data").activities)
    n_ten = len(load_roadmap(big).activities)
    roadmap = load_roadmap(ROOT / "data")
    pages = timed(lambda: (_forget(), check_pages(ROOT, roadmap)))
    print("1. data validation (once per build: the languages share it)")
    print(f"  our data ({n_base} activities)            {base * 1000:8.1f} ms   1.00x")
    print(f"  ten times ({n_ten} activities)           {ten * 1000:8.1f} ms   {ten / base:5.2f}x")
    print(f"  pages of six languages checked      {pages * 1000:8.1f} ms   {pages / base:5.2f}x")


def interleaved(variants: dict, repeat: int = REPEAT) -> dict[str, list[float]]:
    """Seconds of each run of each variant, run in turns (A B C, A B C, ...): a load that comes
    and goes on the machine then falls on all of them alike."""
    runs: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeat):
        for name, fn in variants.items():
            start = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - start)
    return runs


def paired(runs: dict[str, list[float]], ours: str, base: str) -> float:
    """Median of the ratios of each turn's two runs (``ours`` and ``base``, run one after the
    other): the two share the machine's speed of that moment, which a ratio of medians does not."""
    return statistics.median(a / b for a, b in zip(runs[ours], runs[base], strict=True))


def _verdict(ratio: float, goal: float) -> str:
    return f"{ratio:5.2f}x   goal <= {goal:.2f}x  {'OK' if ratio <= goal else 'OVER'}"


def bench_builds(tmp: Path, big: Path) -> Path:
    from plain import capture, plain_project

    jobs = min(len(CODES), os.cpu_count() or 1)
    site, data, langs, one = tmp / "site", ROOT / "data", list(CODES), [DEFAULT]
    roadmap_build(site, langs, data)  # once untimed: warms the disk cache and every cache
    one_x = scaled_project(1, tmp / "project-1x")  # the same as ours, beside the tenfold copy
    pages = capture(ROOT, langs, tmp / "site-captured")
    plain_root = plain_project(ROOT, tmp / "plain", pages)
    pages_10x = capture(big, langs, tmp / "site-captured-10x")
    plain_10x = plain_project(big, tmp / "plain-10x", pages_10x)
    plain_build(tmp / "site-plain", langs, plain_root)
    runs = interleaved(
        {
            "plain": lambda: plain_build(tmp / "site-plain", langs, plain_root),
            "ours": lambda: roadmap_build(site, langs, data),
            "copy": lambda: roadmap_build(tmp / "site-1x", langs, one_x / "data", one_x),
            "tenfold": lambda: roadmap_build(tmp / "site-10x", langs, big / "data", big),
            "plain-tenfold": lambda: plain_build(tmp / "site-plain-10x", langs, plain_10x),
            "plain-one": lambda: plain_build(tmp / "site-plain-en", one, plain_root),
            "ours-one": lambda: roadmap_build(tmp / "site-en", one, data),
        },
        BUILD_REPEAT,
    )
    _print_builds(runs, sorted(len(list((site / code).rglob("*.html"))) for code in langs), jobs)
    return site


def _print_builds(runs: dict[str, list[float]], counts: list[int], jobs: int) -> None:
    t = {name: statistics.median(times) for name, times in runs.items()}
    print(
        f"\n2. builds, {counts[0]} to {counts[-1]} pages a language, plain building the same"
        f" ({jobs} languages at a time); ours as a fresh `roadmap build` does it (check"
        f" included, nothing kept from the run before); {BUILD_REPEAT} runs each taken in turns:"
        " times are medians, ratios the median of each turn's ratio of two runs side by side"
    )
    print(f"  plain mkdocs-material, six languages  {t['plain']:6.2f} s")
    print(
        f"  ours, six languages                   {t['ours']:6.2f} s   "
        + _verdict(paired(runs, "ours", "plain"), GOALS["six"])
        + " of plain"
    )
    print(
        f"  ours, ten times the data              {t['tenfold']:6.2f} s   "
        + _verdict(paired(runs, "tenfold", "copy"), GOALS["tenfold"])
        + f" of our data in the same copy ({t['copy']:.2f} s)"
    )
    print(
        f"  plain mkdocs-material, the same pages {t['plain-tenfold']:6.2f} s   "
        f"{t['plain-tenfold'] / t['plain']:5.2f}x plain: the engine's own share of the growth"
    )
    print(f"  plain mkdocs-material, {DEFAULT} alone        {t['plain-one']:6.2f} s")
    print(
        f"  ours, {DEFAULT} alone                         {t['ours-one']:6.2f} s   "
        + _verdict(paired(runs, "ours-one", "plain-one"), GOALS["one"])
        + " of plain"
    )


def bench_editions(tmp: Path) -> None:
    """The PDFs and the offline copies of six languages, each against the build they follow."""
    from roadmap.editions.make import Request, make

    site, data, langs = tmp / "site-editions", ROOT / "data", list(CODES)
    roadmap_build(site, langs, data)
    build = of_project(ROOT, data, langs=tuple(langs))

    def editions(pdf: bool, offline: bool) -> None:
        make(Request(build, site, pdf=pdf, offline=offline), report=lambda line: None)

    runs = interleaved(
        {
            "build": lambda: roadmap_build(site, langs, data),
            "pdf": lambda: editions(True, False),
            "offline": lambda: editions(False, True),
        }
    )
    t = {name: statistics.median(times) for name, times in runs.items()}
    sizes = {
        kind: sum(f.stat().st_size for f in site.glob(f"*/downloads/*{ext}")) / 1e6
        for kind, ext in (("pdf", ".pdf"), ("offline", ".zip"))
    }
    print(
        "\n6. the editions of a draft, six languages (`roadmap build --pdf --offline`, and"
        f" `roadmap publish`); median of {REPEAT} runs taken in turns"
    )
    print(f"  six-language build                    {t['build']:6.2f} s    1.00x")
    for kind, label in (
        ("pdf", "six PDFs (one Chromium)"),
        ("offline", "six offline copies, zipped"),
    ):
        print(
            f"  {label:37} {t[kind]:6.2f} s   {t[kind] / t['build']:5.2f}x build"
            f"   {sizes[kind]:5.1f} MB in all"
        )


def bench_preview(browser, tmp: Path) -> None:
    from preview import latencies

    seconds = latencies(browser, ROOT, tmp)
    print(
        "\n3. live preview (`roadmap serve`): from saving a file to the open page showing it,"
        f" median of {REPEAT}"
    )
    for kind, label in (
        ("page", "a page of one language (fr)"),
        ("data", "a data text (six languages rebuilt)"),
    ):
        goal = LATENCY_GOALS[kind]
        print(
            f"  {label:38} {seconds[kind]:6.2f} s   goal <= {goal:.1f} s  "
            + ("OK" if seconds[kind] <= goal else "OVER")
        )


def bench_weight(browser, base: str, site: Path) -> None:
    from weight import KINDS, budget_table, first_view

    kinds = [("chooser (root)", "/"), ("404 (root)", "/no-such-page/")]
    for path in sorted((site / DEFAULT).rglob("*.html")):  # every kind of page, found on disk
        rel = path.relative_to(site / DEFAULT).as_posix().removesuffix("index.html")
        if rel == "404.html":
            kinds.append(("404", f"/{DEFAULT}/no-such-page/"))
        else:
            kinds.append((rel.strip("/") or "home", f"/{DEFAULT}/{rel}"))
    for code in SAMPLE[1:]:
        name = language(code).english_name
        kinds += [(f"home, {name}", f"/{code}/"), (f"roadmap, {name}", f"/{code}/roadmap/")]
    print("\n4. first view of each kind of page (English unless said), empty cache:")
    print(
        "   kB over the wire, gzipped as served [decoded];"
        " heard by Chromium until the network is idle"
    )
    print(f"  {'page':18} {'requests':>8} {'total':>15}  " + "  ".join(f"{k:>12}" for k in KINDS))
    for name, url in kinds:
        w = first_view(browser, base + url)
        cells = "  ".join(
            f"{w.wire.get(k, 0) / 1000:5.1f} [{w.decoded.get(k, 0) / 1000:5.1f}]" for k in KINDS
        )
        print(
            f"  {name:18} {w.requests:8} {w.wire_total / 1000:6.1f}"
            f" [{w.decoded_total / 1000:6.1f}]  {cells}"
        )
    print("\n   kB over the wire of the first view of each kind of page, in each language:")
    print("\n".join(budget_table(browser, base, site, list(CODES))))


def bench_lighthouse(base: str, runs: int = REPEAT) -> None:
    from quality import lighthouse

    print(
        "\n5. Lighthouse (mobile, simulated slow 4G and 4x slower CPU), one page at a time;"
        f" median of {runs} runs"
    )
    print(f"  {'page':16} " + " ".join(f"{c:>14}" for c in lighthouse.CATEGORIES))
    for path in lighthouse.PAGES:
        reports = sorted(
            (lighthouse.audit(base + path) for _ in range(runs)),
            key=lambda r: r.scores["performance"],
        )
        median = reports[len(reports) // 2]  # the run of median performance, as Lighthouse advises
        print(
            f"  {path:16} "
            + " ".join(f"{median.scores[c]:14.2f}" for c in lighthouse.CATEGORIES)
            + f"   (performance {min(r.scores['performance'] for r in reports):.2f}"
            f"-{max(r.scores['performance'] for r in reports):.2f})"
        )
        for line in median.shortfalls:
            print(f"      {line}")


SECTIONS = ("validation", "builds", "preview", "weight", "lighthouse", "editions")


def main(wanted: list[str]) -> None:
    """``wanted``: some of SECTIONS (make bench SECTIONS="builds preview"); none: all."""
    from playwright.sync_api import sync_playwright

    from quality.serving import served
    from quality.tools import CHROMIUM_FLAGS, chromium

    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        sys.exit(f"no section {', '.join(sorted(unknown))}; the sections: {', '.join(SECTIONS)}")
    run = set(wanted or SECTIONS)
    print(
        f"python bench/run.py {' '.join(wanted)} ({platform.node() or 'machine'}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')})\n"
    )
    tmp = Path(tempfile.mkdtemp())
    try:
        big = scaled_project(10, tmp / "project-10x")
        if "validation" in run:
            bench_validation(big / "data")
        site = bench_builds(tmp, big) if "builds" in run else tmp / "site"
        if "builds" not in run:
            roadmap_build(site, list(CODES), ROOT / "data")
        with served(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=list(CHROMIUM_FLAGS))
            if "preview" in run:
                bench_preview(browser, tmp)
            if "weight" in run:
                bench_weight(browser, base, site)
            browser.close()
            if "lighthouse" in run:
                bench_lighthouse(base)
        if "editions" in run:
            bench_editions(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
