"""`roadmap publish DRAFT`: check, build six languages, deploy them with mike, all or nothing.

The published branch (gh-pages) holds ``<lang>/<draft>/`` per language and draft, the ``latest``
alias as redirects, ``<lang>/versions.json`` (mike's list, read by Material's version selector),
the root chooser and 404 page, ``<lang>/index.html`` redirecting to the latest draft,
``manifests/<draft>.sha256``, and the theme's files shared by every draft under content-hashed
names, ``assets/<hash>/`` (site/shared_assets.py). The source commit is tagged with the draft's id.

All or nothing: the branch ref is remembered first and put back if anything fails, so a reader
never gets half a draft; a published draft is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Template
from mike import commands as mike
from mike import git_utils

from . import gitrepo, inputs, manifest
from .build import build_site
from .build_spec import Build, of_project
from .checks import Checked, check_sources
from .drafts import LATEST, version_title
from .engine import engine
from .errors import RoadmapError
from .i18n import CODES, DEFAULT
from .model.schema import Draft
from .project import SOURCES
from .site import newest_css, redirect_template, root_files, shared_assets
from .translations.freshness import Status

BRANCH = gitrepo.BRANCH


class PublishError(RoadmapError):
    """Why nothing was published; the message is for the person publishing."""


@dataclass
class Options:
    push: bool = False
    remote: str = "origin"
    branch: str = BRANCH
    jobs: int | None = None
    site_url: str | None = None  # the public address; default: site_url of mkdocs.yml
    allow_incomplete: bool = False  # publish with outdated or missing translations (marked)


def published_versions(root: Path, branch: str) -> dict[str, list[str]]:
    """lang -> the draft ids mike lists for it on ``branch``."""
    out = {}
    with contextlib.chdir(root):
        for code in CODES:
            out[code] = [str(v.version) for v in mike.list_versions(branch, code)]
    return out


def site_url(root: Path, given: str | None) -> str:
    """The public address of the site: cite boxes print it, so a local one is refused."""
    if not given:
        given = engine().read_config(root, DEFAULT).get("site_url") or ""
    parts = urlsplit(given)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PublishError(
            f"the site address '{given}' is not a full address such as "
            f"https://example.org/chm-roadmap/; give it with --site-url"
        )
    if parts.hostname in ("127.0.0.1", "localhost", "::1"):
        raise PublishError(
            f"the site address is {given}, a local one: every cite box would print it. "
            f"Give the public address with --site-url (or as site_url in mkdocs.yml)"
        )
    return given.rstrip("/") + "/"


def _refuse_unless_publishable(
    root: Path, draft_id: str, options: Options
) -> tuple[Draft, Checked]:
    """The draft, and the sources as checked: the build uses them, not read again."""
    draft, checked = _draft_to_publish(root, draft_id)
    _refuse_uncommitted(root)
    _catch_up_with_remote(root, draft_id, options)
    _refuse_if_published(root, draft, options.branch)
    assert checked.translations is not None  # the sources have no errors
    _refuse_untranslated(checked.translations, options)
    return draft, checked


def _refuse_placeholder_repository(root: Path) -> None:
    """Every edit button and item source link of the draft names the repository: not a
    placeholder's, in a version that never changes."""
    repository = (engine().read_config(root, DEFAULT).get("extra") or {}).get("repository") or {}
    if repository.get("placeholder"):
        raise PublishError(
            f"mkdocs.yml: extra.repository is still the placeholder ({repository.get('url')}): "
            "put the project's real repository in its url and delete the line "
            "'placeholder: true' (CONTRIBUTING.md, For maintainers); nothing was published"
        )


def _refuse_without_fonts() -> None:
    """The PDFs are printed in the fonts their CSS names, or not at all."""
    from .editions import installed_fonts

    if (lacking := installed_fonts.missing(list(CODES))) is not None:
        raise PublishError(f"{lacking}; nothing was published")


def _draft_to_publish(root: Path, draft_id: str) -> tuple[Draft, Checked]:
    """The data and pages are sound, and ``draft_id`` is the draft being prepared."""
    checked = check_sources(root, root / "data")  # as `roadmap build` does: pages included
    if checked.errors or checked.roadmap is None:
        raise PublishError(
            "\n".join(map(str, checked.errors))
            + f"\n\nthere are errors in the {checked.where}; nothing was published"
        )
    drafts = checked.roadmap.drafts
    ids = [d.id for d in drafts]
    if draft_id not in ids:
        raise PublishError(
            f"there is no draft '{draft_id}' in data/drafts.yml (drafts: {', '.join(ids)})"
        )
    if drafts[-1].id != draft_id:
        raise PublishError(
            f"only the draft being prepared, the last one in data/drafts.yml "
            f"({drafts[-1].id}), can be published; {draft_id} is an earlier draft"
        )
    return drafts[-1], checked


def _refuse_untranslated(status: Status, options: Options) -> None:
    """The six languages at parity: nothing unreviewed, outdated or missing, unless allowed."""
    pending = [] if options.allow_incomplete else status.pending()
    if pending:
        raise PublishError(
            "\n".join(f"{e.lang}: {e.state:<10} {e.source}" for e in pending)
            + f"\n\n{len(pending)} translations are unreviewed, outdated or missing (see "
            "`roadmap translations`); update them and record them with `roadmap translations "
            "mark` (or the pull request's translations-reviewed label), or "
            "publish with --allow-incomplete and the pages say so; nothing was published"
        )


def _refuse_uncommitted(root: Path) -> None:
    dirty = gitrepo.changed_paths(root, list(SOURCES))
    if dirty:
        raise PublishError(
            "these files have changes that are not committed; commit them first, "
            "so that the draft is exactly one commit:\n  " + "\n  ".join(dirty)
        )


def _catch_up_with_remote(root: Path, draft_id: str, options: Options) -> None:
    """See what the remote already has before adding to it; a diverged branch stops here, and
    so does a draft another publisher has pushed (asked first, so this clone stays as it was)."""
    if options.push:
        try:
            pushed = gitrepo.text(
                root, "ls-remote", "--tags", options.remote, f"refs/tags/{draft_id}"
            )
            if pushed:
                raise PublishError(
                    f"{draft_id} is already published on {options.remote} (another "
                    "publisher pushed it); a published draft never changes."
                )
            gitrepo.git(root, "fetch", "--quiet", "--tags", options.remote)
        except gitrepo.GitError as exc:
            raise PublishError(f"cannot fetch from {options.remote}: {exc}") from None
    with contextlib.chdir(root):
        try:
            git_utils.update_from_upstream(options.remote, options.branch)
        except git_utils.GitError as exc:
            raise PublishError(
                f"the local {options.branch} branch and {options.remote}/"
                f"{options.branch} have diverged ({exc}); reconcile them first"
            ) from None


def _refuse_if_published(root: Path, draft: Draft, branch: str) -> None:
    """A published draft never changes, and drafts are published in order."""
    if gitrepo.rev(root, f"refs/tags/{draft.id}"):
        raise PublishError(
            f"{draft.id} is already published (tag {draft.id} exists); a published "
            "draft never changes. Add the next draft to data/drafts.yml instead."
        )
    on_branch = [c for c, ids in published_versions(root, branch).items() if draft.id in ids]
    if on_branch:
        raise PublishError(
            f"{draft.id} is already published on {branch} ({', '.join(on_branch)}); "
            "a published draft never changes."
        )
    newer = [tag for n, tag in gitrepo.draft_tags(root).items() if n > draft.number]
    if newer:
        raise PublishError(
            f"a later draft is already published ({', '.join(sorted(newer))}); "
            "drafts are published in order"
        )


@contextlib.contextmanager
def _publishing_lock(root: Path):
    """One publisher at a time in a clone (a second run, a rerun): the other is refused."""
    lock = Path(gitrepo.text(root, "rev-parse", "--absolute-git-dir")) / "roadmap-publish.lock"
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        raise PublishError(
            f"another `roadmap publish` is running in this clone ({lock} exists); "
            "wait for it to finish. If none is running, delete that file."
        ) from None
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def publish(
    root: Path,
    draft_id: str,
    options: Options | None = None,
    report: Callable[[str], object] = print,
) -> None:
    """Publish ``draft_id`` from the commit checked out in ``root``; raise PublishError if not."""
    options = options or Options()
    root = Path(root).resolve()
    if not gitrepo.is_repository(root):
        raise PublishError(f"{root} is not a git repository: a draft is published from a commit")
    with _publishing_lock(root):
        draft, checked = _refuse_unless_publishable(root, draft_id, options)
        url = site_url(root, options.site_url)
        _refuse_placeholder_repository(root)
        _refuse_without_fonts()
        source = gitrepo.text(root, "rev-parse", "HEAD")
        report(f"publishing {draft_id} from commit {source[:10]}: building {len(CODES)} languages")
        with tempfile.TemporaryDirectory(prefix="roadmap-publish-") as tmp:
            staging = Path(tmp) / "site"
            build = of_project(root, draft=draft_id, site_url=url)  # what is built, once
            _build_all(build, staging, options, report, checked)
            _make_editions(build, staging, options, report)
            shared = shared_assets.share({f"{c}/{draft_id}": staging / c for c in CODES}, staging)
            _deploy(
                root,
                draft,
                Deployment(staging, Path(tmp), source, urlsplit(url).path, shared),
                options,
                report,
            )


def _build_all(
    build: Build,
    staging: Path,
    options: Options,
    report: Callable[[str], object],
    checked: Checked,
) -> None:
    given = inputs.load(build, checked)  # as checked above: once
    results = build_site(build, staging, jobs=options.jobs, report=report, given=given)
    failed = [r for r in results if not r.ok]
    if failed:
        details = "\n".join(f"[{r.lang}] build failed:\n{r.output}" for r in failed)
        raise PublishError(
            f"{details}\n\n{len(failed)} of {len(results)} languages failed "
            f"({', '.join(r.lang for r in failed)}); nothing was published"
        )


def _make_editions(
    build: Build,
    staging: Path,
    options: Options,
    report: Callable[[str], object],
) -> None:
    """The PDF and offline copy of every language, into staging/<lang>/downloads/: deployed
    with the draft, so that its manifest covers them."""
    from .editions.make import EditionError, Request, make

    report(f"making the PDF and offline copy of {len(CODES)} languages")
    try:
        make(Request(build, staging, jobs=options.jobs), report)
    except EditionError as exc:
        raise PublishError(f"{exc}\n\nnothing was published") from None


@dataclass
class Deployment:
    staging: Path  # the built languages, staging/<lang>/
    tmp: Path  # scratch space
    source: str  # the commit published from
    base_path: str  # the site's path on its host
    shared: shared_assets.Shared  # the theme's files, shared by every language and draft


def _deploy(
    root: Path, draft: Draft, dep: Deployment, options: Options, report: Callable[[str], object]
) -> None:
    """Everything onto the branch, tag, push; on any failure the branch and tags are put back."""
    before = gitrepo.rev(root, f"refs/heads/{options.branch}")
    tagged = False
    try:
        with contextlib.chdir(root):
            redirects = _deploy_languages(draft, dep, options.branch, report)
            _commit_root_files(draft, dep, redirects, options.branch)
        broken = [r for r in manifest.verify(root, options.branch) if not r.ok]
        if broken:
            raise PublishError(
                "the branch does not match its manifests after deploying: "
                + ", ".join(r.draft for r in broken)
            )
        gitrepo.git(
            root,
            "tag",
            "-a",
            draft.id,
            "-m",
            f"{draft.id}: {draft.title.get(DEFAULT)}, {draft.date.isoformat()}",
            dep.source,
        )
        tagged = True
        if options.push:
            _push(root, draft, options, report)
    except BaseException as exc:
        _restore(root, options.branch, before, draft.id if tagged else None)
        if isinstance(exc, (gitrepo.GitError, git_utils.GitError, OSError)):
            raise PublishError(
                f"{exc}\n\npublishing failed; {options.branch} was left as it was"
            ) from None
        raise
    unpushed = (
        f" (not pushed: run with --push, or git push {options.remote} {options.branch} {draft.id})"
    )
    report(
        f"published {draft.id} in {len(CODES)} languages on {options.branch}"
        + ("" if options.push else unpushed)
    )


def _deploy_languages(
    draft: Draft, dep: Deployment, branch: str, report: Callable[[str], object]
) -> dict[str, str]:
    """mike commits each language's draft and moves its `latest` alias; returns the redirects."""
    redirects = {code: redirect_template(code) for code in CODES}
    for code in CODES:
        template = dep.tmp / f"redirect-{code}.html"
        template.write_text(redirects[code], encoding="utf-8")
        cfg = {"site_dir": str(dep.staging / code), "use_directory_urls": True}
        with mike.deploy(
            cfg,
            draft.id,
            version_title(draft, code),
            aliases=[LATEST],
            update_aliases=True,
            alias_type=mike.AliasType.redirect,
            template=str(template),
            branch=branch,
            deploy_prefix=code,
            message=f"Publish {draft.id} ({code}) from {dep.source[:10]}",
        ):
            pass  # built above, for all languages, before anything was deployed
        report(f"  [{code}] deployed to {code}/{draft.id}/")
    return redirects


def _commit_root_files(
    draft: Draft, dep: Deployment, redirects: dict[str, str], branch: str
) -> None:
    """The root chooser and 404, /<lang>/ redirects to the latest draft, the draft's manifest."""
    files = dict(root_files(dep.base_path)) | newest_css(draft.id)
    for code in CODES:
        files[f"{code}/index.html"] = Template(redirects[code], autoescape=True).render(
            href=f"{LATEST}/"
        )
    files[manifest.path_of(draft.id)] = manifest.of_folders(
        {f"{code}/{draft.id}": dep.staging / code for code in CODES} | dep.shared.folders()
    )
    shared = dep.shared.files(gitrepo.tree(Path.cwd(), branch))  # those not yet on the branch
    with git_utils.Commit(branch, f"Publish {draft.id}: root pages and manifest") as commit:
        for path, data in (files | shared).items():
            commit.add_file(git_utils.FileInfo(path, data))


def _push(root: Path, draft: Draft, options: Options, report: Callable[[str], object]) -> None:
    """Branch and tag together or not at all; a publisher who came second is told so."""
    report(f"pushing {options.branch} and tag {draft.id} to {options.remote}")
    try:
        gitrepo.git(
            root, "push", "--atomic", options.remote, options.branch, f"refs/tags/{draft.id}"
        )
    except gitrepo.GitError as exc:
        if "rejected" in str(exc) or "fetch first" in str(exc) or "already exists" in str(exc):
            raise PublishError(
                f"{options.remote} changed while this draft was being published: another publisher "
                f"pushed {options.branch} or tag {draft.id} first. Nothing was pushed, and this "
                f"clone's {options.branch} and tags were put back as they were. Fetch, then check "
                f"what was published (roadmap verify) before publishing again."
            ) from None
        raise


def _restore(root: Path, branch: str, before: str | None, tag: str | None) -> None:
    """Put the branch back where it was (or remove it if it did not exist), and drop the tag."""
    if before:
        gitrepo.git(root, "update-ref", f"refs/heads/{branch}", before)
    elif gitrepo.rev(root, f"refs/heads/{branch}"):
        gitrepo.git(root, "update-ref", "-d", f"refs/heads/{branch}")
    if tag:
        gitrepo.git(root, "tag", "-d", tag)
