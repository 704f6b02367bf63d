"""The `roadmap` command: check, build, serve, publish, verify. Orchestrates; holds no rules."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import project
from .build import build_checked
from .build_spec import Build, of_project
from .checks import Checked, check_sources
from .errors import RoadmapError
from .gitrepo import BRANCH
from .i18n import CODES
from .translations import report


def _check(project: Path, data_dir: Path, *, verbose: bool, fmt: str = "text") -> Checked | None:
    """The data, then the pages of every language: every problem printed, not the first alone."""
    return _reported(check_sources(project, data_dir), verbose=verbose, fmt=fmt)


def _reported(checked: Checked, *, verbose: bool, fmt: str = "text") -> Checked | None:
    """``checked`` told (None if it has errors). Pending translations are the content's state,
    told as notices, never an error."""
    if fmt == "github":  # annotations on the lines of a pull request's diff, warnings included
        warnings = checked.roadmap.warnings + checked.untranslated if checked.roadmap else []
        warnings += checked.terms
        pending = report.notices(checked.translations) if checked.translations else []
        for problem in checked.errors + warnings + pending:
            print(problem.github())
    if checked.errors:
        _errors(checked.errors, f"in the {checked.where}")
        return None
    roadmap, untranslated = checked.roadmap, checked.untranslated
    assert roadmap is not None  # no errors: the data loaded
    for warning in (roadmap.warnings + untranslated if verbose else []) + checked.terms:
        print(f"{warning} [warning]")
    print(
        f"data OK: {len(roadmap.phases)} phases, {len(roadmap.activities)} activities, "
        f"{len(roadmap.resources)} resources, {len(roadmap.terms)} glossary terms"
    )
    print(
        "pages OK"
        + (f": {len(untranslated)} not yet translated (see --verbose)" if untranslated else "")
        + (
            f"; {len(checked.terms)} translations do not use a glossary term"
            if checked.terms
            else ""
        )
    )
    if checked.translations is not None:
        _translation_state(checked.translations)
    return checked


def _translation_state(status) -> None:
    """What remains to translate, per language: reported, for publishing refuses it."""
    from .translations.freshness import TRANSLATED

    if not status.pending():
        print("translations: every language is current")
        return
    print(
        "translations in progress (`roadmap translations` lists them; publishing waits for them):"
    )
    for lang in TRANSLATED:
        print("  " + report.summary_line(status, lang))


def _errors(problems: list, where: str) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    n = len(problems)
    print(f"\n{n} error{'s' if n != 1 else ''} {where}.", file=sys.stderr)


def cmd_check(args) -> int:
    return 0 if _check(args.project, args.data, verbose=args.verbose, fmt=args.format) else 1


def cmd_build(args) -> int:
    langs = args.lang or list(CODES)
    started = time.perf_counter()

    def told(checked: Checked) -> bool:  # the pages' check, made while the languages build
        return _reported(checked, verbose=False) is not None

    build = of_project(args.project, args.data, langs=tuple(langs))  # what is built, once
    print(f"building {len(langs)} language{'s' if len(langs) > 1 else ''}: {', '.join(langs)}")
    done = build_checked(build, args.site_dir, jobs=args.jobs, pages_told=told)
    if done.checked.errors:
        _reported(done.checked, verbose=False)
    if done.checked.errors or not done.pages_ok:
        print("Nothing was built.", file=sys.stderr)
        return 1
    results = done.results
    failed = [r for r in results if not r.ok]
    for r in failed:
        print(f"\n[{r.lang}] build failed:\n{r.output}", file=sys.stderr)
    total = time.perf_counter() - started
    if failed:
        print(
            f"\n{len(failed)} of {len(results)} languages failed "
            f"({', '.join(r.lang for r in failed)}); the site was left as it was.",
            file=sys.stderr,
        )
        return 1
    print(f"built {len(results)} languages into {args.site_dir} in {total:.1f}s")
    if args.disk_preview and _disk_preview(args, build) != 0:
        return 1
    return _editions(args, build) if args.pdf or args.offline else 0


def _disk_preview(args, build: Build) -> int:
    from .build import build_disk_preview

    results = build_disk_preview(build, args.disk_preview, jobs=args.jobs)
    failed = [r for r in results if not r.ok]
    for r in failed:
        print(f"\n[{r.lang}] preview failed:\n{r.output}", file=sys.stderr)
    if failed:
        return 1
    print(f"the preview to open from disk: {args.disk_preview / 'index.html'}")
    return 0


def _editions(args, build: Build) -> int:
    """`--pdf`, `--offline`: the draft's PDF and offline copy per language, for a local look."""
    from .editions.make import Request, make

    started = time.perf_counter()
    request = Request(build, args.site_dir, pdf=args.pdf, offline=args.offline, jobs=args.jobs)
    make(request)
    print(f"made the editions in {time.perf_counter() - started:.1f}s (site/<lang>/downloads/)")
    return 0


def cmd_serve(args) -> int:
    from .preview.server import serve, serve_published

    if args.published:
        return serve_published(args.project, args.branch, args.host, args.port)
    if not args.no_build and cmd_build(args) != 0:
        return 1
    return serve(
        args.site_dir,
        args.host,
        args.port,
        watch=not args.no_watch,
        build=of_project(args.project, args.data),
    )


def cmd_publish(args) -> int:
    from .publish import Options, publish

    started = time.perf_counter()
    publish(
        args.project,
        args.draft,
        Options(
            push=args.push,
            remote=args.remote,
            branch=args.branch,
            jobs=args.jobs,
            site_url=args.site_url,
            allow_incomplete=args.allow_incomplete,
        ),
    )
    print(f"done in {time.perf_counter() - started:.1f}s")
    return 0


def cmd_verify(args) -> int:
    from . import gitrepo, manifest

    if not gitrepo.rev(args.project, f"refs/heads/{args.branch}"):
        print(f"there is no {args.branch} branch: nothing has been published yet", file=sys.stderr)
        return 1
    reports = manifest.verify(args.project, args.branch)
    if not reports:
        print(f"{args.branch} has no manifests: nothing to verify", file=sys.stderr)
        return 1
    for r in reports:
        if r.ok:
            print(f"{r.draft}: {r.checked} files match the manifest")
            continue
        print(f"{r.draft}: DOES NOT MATCH its manifest", file=sys.stderr)
        for label, paths in (
            ("changed", r.changed),
            ("missing", r.missing),
            ("not in the manifest", r.added),
        ):
            for path in paths:
                print(f"  {label}: {path}", file=sys.stderr)
    return 0 if all(r.ok for r in reports) else 1


def _translations(args):
    """The units and their status, or None (the data's errors printed)."""
    from .model import DataError
    from .translations import sources

    try:
        _, units, status = sources.load(args.project, args.data)
    except DataError as exc:
        _errors(exc.problems, "in the data")
        return None
    return units, status


def cmd_translations(args) -> int:
    from .translations import history, report
    from .translations.freshness import TRANSLATED

    if (loaded := _translations(args)) is None:
        return 1
    status = loaded[1]
    langs = args.lang or list(TRANSLATED)
    fmt = "json" if args.json else args.format
    show = {"json": report.as_json, "markdown": report.markdown, "text": report.text}[fmt]
    befores = history.of_outdated(args.project, (e for lang in langs for e in status.pending(lang)))
    print(show(status, langs, befores))
    return 0


def cmd_translations_mark(args) -> int:
    from .translations import records
    from .translations.freshness import select

    if (loaded := _translations(args)) is None:
        return 1
    chosen, unknown = select(loaded[0], args.sources)
    if unknown:
        print("these name no section or text: " + ", ".join(unknown), file=sys.stderr)
        return 1
    done = records.mark(args.project, args.lang, chosen)
    for unit in chosen:
        if unit not in done:
            print(f"not translated into {args.lang}, left as it is: {unit.source}")
    print(f"{len(done)} {args.lang} translation{'s' * (len(done) != 1)} recorded as current")
    return 0


def cmd_translations_reviewed(args) -> int:
    from . import gitrepo
    from .translations import history, records
    from .translations.freshness import TRANSLATED

    if not gitrepo.rev(args.project, args.since):
        print(f"{args.since} names no commit here; fetch it first", file=sys.stderr)
        return 1
    if (loaded := _translations(args)) is None:
        return 1
    status = loaded[1]
    waiting = [e for e in status.pending() if e.state in ("unreviewed", "outdated")]
    changed = history.changed_since(args.project, waiting, args.since)
    for lang in TRANSLATED:
        units = [e.unit for e in changed if e.lang == lang]
        if units:
            records.mark(args.project, lang, units)
    for e in changed:
        print(f"recorded as current: {e.lang} {e.source}")
    print(
        f"{len(changed)} translation{'s' * (len(changed) != 1)} written or changed since "
        f"{args.since} recorded as current"
    )
    return 0


def cmd_translations_export(args) -> int:
    from .translations import exchange

    if (loaded := _translations(args)) is None:
        return 1
    units, status = loaded
    out = args.output or Path(f"{args.lang}.xlf")
    try:
        out.write_bytes(exchange.export_file(args.project, units, status, args.lang))
    except OSError as exc:
        print(f"{out}: cannot be written ({exc.strerror})", file=sys.stderr)
        return 1
    pending = len(status.pending(args.lang))
    print(
        f"wrote {out}: {len(units)} page sections, data texts and interface strings "
        f"in {args.lang}, {pending} to do"
    )
    return 0


def cmd_translations_import(args) -> int:
    from .translations import exchange

    try:
        content = args.file.read_bytes()
    except OSError as exc:
        print(f"{args.file}: cannot be read ({exc.strerror}); nothing was written", file=sys.stderr)
        return 1
    try:
        result = exchange.import_file(
            args.project, args.data, content, lambda root, data: check_sources(root, data).errors
        )
    except exchange.ImportRefused as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    for file in result.files:
        print(f"wrote {file}")
    print(f"{result.written} texts written, {result.marked} recorded as current ({result.lang})")
    return 0


def cmd_schemas(args) -> int:
    from .model import jsonschema

    for path in jsonschema.write(args.out or args.project / "schemas"):
        print(
            f"wrote {path.relative_to(args.project) if path.is_relative_to(args.project) else path}"
        )
    return 0


def _add_check(sub) -> None:
    p = sub.add_parser("check", help="validate the data and the pages without building")
    p.add_argument("--verbose", "-v", action="store_true", help="also list missing translations")
    p.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: also print each problem as a GitHub Actions annotation",
    )
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("schemas", help="write the JSON Schemas of the data files (for editors)")
    p.add_argument("--out", type=Path, default=None, help="default: schemas/")
    p.set_defaults(func=cmd_schemas)


def _add_build_and_serve(sub) -> None:
    build = sub.add_parser("build", help="check, then build every language into site/<lang>/")
    _site_options(build)
    build.add_argument("--pdf", action="store_true", help="also print each language's PDF")
    build.add_argument(
        "--offline", action="store_true", help="also make each language's offline copy"
    )
    build.add_argument(
        "--disk-preview",
        type=Path,
        default=None,
        metavar="DIR",
        help="also the languages as one folder to open from disk (file://), with links, "
        "language links and search working: a pull request's preview",
    )
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser(
        "serve", help="build, then serve the six-language site and rebuild on edits"
    )
    _site_options(serve)
    # What serve builds first: the site alone (its editions and previews are build's).
    serve.set_defaults(func=cmd_serve, pdf=False, offline=False, disk_preview=None)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-build", action="store_true", help="serve site/ as it is")
    serve.add_argument("--no-watch", action="store_true", help="do not rebuild on edits")
    serve.add_argument(
        "--published",
        action="store_true",
        help="serve the published branch instead, exactly as readers get it",
    )
    serve.add_argument("--branch", default=BRANCH, help="the published branch (--published)")


def _site_options(p) -> None:
    """What build and serve both take: the languages, the site folder, the workers."""
    p.add_argument("--lang", action="append", choices=CODES, help="only this language (repeatable)")
    p.add_argument("--site-dir", type=Path, default=None, help="default: site/")
    p.add_argument(
        "--jobs", type=int, default=None, help="languages built at once (default: cores)"
    )


def _add_publish(sub) -> None:
    p = sub.add_parser(
        "publish", help="build every language and publish DRAFT as a permanent version"
    )
    p.add_argument("draft", metavar="DRAFT", help="the draft's id in data/drafts.yml, e.g. draft-3")
    p.add_argument(
        "--push", action="store_true", help="push the branch and tag (default: local only)"
    )
    p.add_argument(
        "--site-url",
        default=None,
        help="the public address of the site (default: site_url of mkdocs.yml)",
    )
    p.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="publish although translations are outdated or missing (the pages say so)",
    )
    p.add_argument("--remote", default="origin")
    p.add_argument("--branch", default=BRANCH)
    p.add_argument(
        "--jobs", type=int, default=None, help="languages built at once (default: cores)"
    )
    p.set_defaults(func=cmd_publish)
    p = sub.add_parser("verify", help="check the published branch against the drafts' manifests")
    p.add_argument("--branch", default=BRANCH)
    p.set_defaults(func=cmd_verify)


def _add_translations(sub) -> None:
    from .translations.freshness import TRANSLATED

    p = sub.add_parser("translations", help="which translations are outdated or missing")
    p.add_argument("--lang", action="append", choices=TRANSLATED, help="only this language")
    p.add_argument("--json", action="store_true", help="every section and text, as JSON")
    p.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="markdown: tables for a pull request's summary page",
    )
    p.set_defaults(func=cmd_translations)
    actions = p.add_subparsers(dest="action")
    m = actions.add_parser(
        "mark", help="record translations as current (made from today's English)"
    )
    m.add_argument("lang", metavar="LANG", choices=TRANSLATED)
    m.add_argument(
        "sources",
        metavar="SOURCE",
        nargs="+",
        help="docs/en/group.md#mandate, data/phases.yml#P1.title, or a whole file",
    )
    m.set_defaults(func=cmd_translations_mark)
    r = actions.add_parser(
        "reviewed",
        help="record as current the translations written or changed since a commit "
        "(the pull request's translations-reviewed label runs this)",
    )
    r.add_argument("--since", required=True, metavar="REF", help="e.g. origin/main")
    r.set_defaults(func=cmd_translations_reviewed)
    e = actions.add_parser(
        "export", help="write an XLIFF file of every page section, data text and string"
    )
    e.add_argument("lang", metavar="LANG", choices=TRANSLATED)
    e.add_argument("--output", "-o", type=Path, default=None, help="default: <lang>.xlf")
    e.set_defaults(func=cmd_translations_export)
    i = actions.add_parser("import", help="write a translated XLIFF file back into the YAML")
    i.add_argument("file", metavar="FILE", type=Path)
    i.set_defaults(func=cmd_translations_import)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="roadmap", description=__doc__)
    top.add_argument(
        "--project",
        type=Path,
        default=None,
        help="the project folder (default: the one holding mkdocs.yml, from here up)",
    )
    top.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    sub = top.add_subparsers(dest="command", required=True)
    for add in (_add_check, _add_build_and_serve, _add_publish, _add_translations):
        add(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.project = project.find(args.project)
        args.data = args.data or args.project / "data"
        if "site_dir" in args and args.site_dir is None:
            args.site_dir = args.project / "site"
        return int(args.func(args))
    except RoadmapError as exc:  # every refusal the application explains, told once here
        print(f"\n{exc}" if str(exc) else type(exc).__name__, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
