"""The `roadmap` command: check, build, serve, publish, verify. Orchestrates; holds no rules."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import project
from .build import build_checked
from .checks import Checked, check_sources
from .gitrepo import BRANCH
from .i18n import CODES


def _check(project: Path, data_dir: Path, *, verbose: bool, fmt: str = "text") -> Checked | None:
    """The data, then the pages of every language: every problem printed, not the first alone."""
    return _reported(check_sources(project, data_dir), verbose=verbose, fmt=fmt)


def _reported(checked: Checked, *, verbose: bool, fmt: str = "text") -> Checked | None:
    """``checked`` told (None if it has errors)."""
    if fmt == "github":  # annotations on the lines of a pull request's diff, warnings included
        warnings = checked.roadmap.warnings + checked.untranslated if checked.roadmap else []
        warnings += checked.terms
        for problem in checked.errors + warnings:
            print(problem.github())
    if checked.errors:
        _errors(checked.errors, f"in the {checked.where}")
        return None
    roadmap, untranslated = checked.roadmap, checked.untranslated
    assert roadmap is not None  # no errors: the data loaded
    for warning in (roadmap.warnings + untranslated if verbose else []) + checked.terms:
        print(f"{warning} [warning]")
    missing = len(roadmap.warnings)
    print(
        f"data OK: {len(roadmap.phases)} phases, {len(roadmap.activities)} activities, "
        f"{len(roadmap.resources)} resources, {len(roadmap.terms)} glossary terms"
        + (f"; {missing} texts still lack a translation (see --verbose)" if missing else "")
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
    return checked


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

    print(f"building {len(langs)} language{'s' if len(langs) > 1 else ''}: {', '.join(langs)}")
    done = build_checked(
        args.project, args.data, langs, args.site_dir, jobs=args.jobs, pages_told=told
    )
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
    return (
        _editions(args, langs)
        if getattr(args, "pdf", False) or getattr(args, "offline", False)
        else 0
    )


def _editions(args, langs: list[str]) -> int:
    """`--pdf`, `--offline`: the draft's PDF and offline copy per language, for a local look."""
    from .editions.make import EditionError, Request, make

    started = time.perf_counter()
    request = Request(
        args.project,
        args.site_dir,
        langs,
        {"ROADMAP_DATA_DIR": str(args.data)},
        pdf=args.pdf,
        offline=args.offline,
        jobs=args.jobs,
    )
    try:
        make(request)
    except EditionError as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 1
    print(f"made the editions in {time.perf_counter() - started:.1f}s (site/<lang>/downloads/)")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve, serve_published

    if args.published:
        return serve_published(args.project, args.branch, args.host, args.port)
    if not args.no_build and cmd_build(args) != 0:
        return 1
    return serve(
        args.site_dir,
        args.host,
        args.port,
        watch=not args.no_watch,
        data_dir=args.data,
        root=args.project,
    )


def cmd_publish(args) -> int:
    from .publish import Options, PublishError, publish

    started = time.perf_counter()
    try:
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
    except PublishError as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 1
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
    from .translations import report
    from .translations.freshness import TRANSLATED

    if (loaded := _translations(args)) is None:
        return 1
    status = loaded[1]
    langs = args.lang or list(TRANSLATED)
    fmt = "json" if args.json else args.format
    show = {"json": report.as_json, "markdown": report.markdown, "text": report.text}[fmt]
    print(show(status, langs))
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
        result = exchange.import_file(args.project, args.data, content)
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
    for name, helptext in (
        ("build", "check, then build every language into site/<lang>/"),
        ("serve", "build, then serve the six-language site and rebuild on edits"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument(
            "--lang", action="append", choices=CODES, help="only this language (repeatable)"
        )
        p.add_argument("--site-dir", type=Path, default=None, help="default: site/")
        p.add_argument(
            "--jobs", type=int, default=None, help="languages built at once (default: cores)"
        )
        p.set_defaults(func=cmd_build if name == "build" else cmd_serve)
        if name == "build":
            p.add_argument("--pdf", action="store_true", help="also print each language's PDF")
            p.add_argument(
                "--offline", action="store_true", help="also make each language's offline copy"
            )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-build", action="store_true", help="serve site/ as it is")
    p.add_argument("--no-watch", action="store_true", help="do not rebuild on edits")
    p.add_argument(
        "--published",
        action="store_true",
        help="serve the published branch instead, exactly as readers get it",
    )
    p.add_argument("--branch", default=BRANCH, help="the published branch (--published)")


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
    except project.ProjectNotFound as exc:
        print(exc, file=sys.stderr)
        return 2
    args.data = args.data or args.project / "data"
    if getattr(args, "site_dir", False) is None:
        args.site_dir = args.project / "site"
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
