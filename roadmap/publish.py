"""`roadmap publish DRAFT`: check, build six languages, deploy them with mike, all or nothing.

The published branch (gh-pages) holds ``<lang>/<draft>/`` per language and draft, the ``latest``
alias as redirects, ``<lang>/versions.json`` (mike's list, read by Material's version selector),
the root chooser and 404 page, ``<lang>/index.html`` redirecting to the latest draft, and
``manifests/<draft>.sha256``. The source commit is tagged with the draft's id.

All or nothing: the branch ref is remembered first and put back if anything fails, so a reader
never gets half a draft; a published draft is never overwritten.
"""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Template
from mike import commands as mike
from mike import git_utils

from . import gitrepo, manifest
from .build import build
from .checks import check_sources
from .drafts import LATEST, version_title
from .project import SOURCES, read_config
from .i18n import CODES, DEFAULT
from .site import redirect_template, root_files

BRANCH = gitrepo.BRANCH


class PublishError(Exception):
    """Why nothing was published; the message is for the person publishing."""


@dataclass
class Options:
    push: bool = False
    remote: str = "origin"
    branch: str = BRANCH
    jobs: int | None = None
    site_url: str | None = None  # the public address; default: mkdocs.yml (ROADMAP_SITE_URL)


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
        given = read_config(DEFAULT, root).get("site_url") or ""
    parts = urlsplit(given)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PublishError(f"the site address '{given}' is not a full address such as "
                           f"https://example.org/chm-roadmap/; give it with --site-url")
    if parts.hostname in ("127.0.0.1", "localhost", "::1"):
        raise PublishError(f"the site address is {given}, a local one: every cite box would print it. "
                           f"Give the public address with --site-url (or ROADMAP_SITE_URL)")
    return given.rstrip("/") + "/"


def _refuse_unless_publishable(root: Path, draft_id: str, options: Options):
    checked = check_sources(root, root / "data")  # as `roadmap build` does: pages included
    if checked.errors:
        raise PublishError("\n".join(map(str, checked.errors))
                           + f"\n\nthere are errors in the {checked.where}; nothing was published")
    roadmap = checked.roadmap
    ids = [d.id for d in roadmap.drafts]
    if draft_id not in ids:
        raise PublishError(f"there is no draft '{draft_id}' in data/drafts.yml (drafts: {', '.join(ids)})")
    draft = roadmap.drafts[-1]
    if draft.id != draft_id:
        raise PublishError(f"only the draft being prepared, the last one in data/drafts.yml "
                           f"({draft.id}), can be published; {draft_id} is an earlier draft")
    if not gitrepo.is_repository(root):
        raise PublishError(f"{root} is not a git repository: a draft is published from a commit")
    dirty = gitrepo.changed_paths(root, list(SOURCES))
    if dirty:
        raise PublishError("these files have changes that are not committed; commit them first, "
                           "so that the draft is exactly one commit:\n  " + "\n  ".join(dirty))
    if options.push:  # see what the remote already has before adding to it
        try:
            gitrepo.git(root, "fetch", "--quiet", "--tags", options.remote)
        except gitrepo.GitError as exc:
            raise PublishError(f"cannot fetch from {options.remote}: {exc}") from None
    with contextlib.chdir(root):
        try:
            git_utils.update_from_upstream(options.remote, options.branch)
        except git_utils.GitError as exc:
            raise PublishError(f"the local {options.branch} branch and {options.remote}/"
                               f"{options.branch} have diverged ({exc}); reconcile them first") from None
    if gitrepo.rev(root, f"refs/tags/{draft_id}"):
        raise PublishError(f"{draft_id} is already published (tag {draft_id} exists); a published "
                           f"draft never changes. Add the next draft to data/drafts.yml instead.")
    on_branch = [c for c, ids in published_versions(root, options.branch).items() if draft_id in ids]
    if on_branch:
        raise PublishError(f"{draft_id} is already published on {options.branch} "
                           f"({', '.join(on_branch)}); a published draft never changes.")
    newer = [tag for n, tag in gitrepo.draft_tags(root).items() if n > draft.number]
    if newer:
        raise PublishError(f"a later draft is already published ({', '.join(sorted(newer))}); "
                           f"drafts are published in order")
    return draft


def publish(root: Path, draft_id: str, options: Options | None = None, report=print) -> None:
    """Publish ``draft_id`` from the commit checked out in ``root``; raise PublishError if not."""
    options = options or Options()
    root = Path(root).resolve()
    draft = _refuse_unless_publishable(root, draft_id, options)
    url = site_url(root, options.site_url)
    source = gitrepo.text(root, "rev-parse", "HEAD")
    report(f"publishing {draft_id} from commit {source[:10]}: building {len(CODES)} languages")
    with tempfile.TemporaryDirectory(prefix="roadmap-publish-") as tmp:
        staging = Path(tmp) / "site"
        results = build(list(CODES), staging, jobs=options.jobs, root=root, report=report,
                        env={"MIKE_DOCS_VERSION": draft_id, "ROADMAP_DATA_DIR": str(root / "data"),
                             "ROADMAP_SITE_URL": url})
        failed = [r for r in results if not r.ok]
        if failed:
            details = "\n".join(f"[{r.lang}] build failed:\n{r.output}" for r in failed)
            raise PublishError(f"{details}\n\n{len(failed)} of {len(results)} languages failed "
                               f"({', '.join(r.lang for r in failed)}); nothing was published")
        _deploy(root, draft, staging, Path(tmp), source, urlsplit(url).path, options, report)


def _deploy(root, draft, staging: Path, tmp: Path, source: str, base_path: str, options: Options,
            report) -> None:
    before = gitrepo.rev(root, f"refs/heads/{options.branch}")
    tagged = False
    try:
        redirects = {code: redirect_template(code) for code in CODES}
        with contextlib.chdir(root):
            for code in CODES:
                template = tmp / f"redirect-{code}.html"
                template.write_text(redirects[code], encoding="utf-8")
                cfg = {"site_dir": str(staging / code), "use_directory_urls": True}
                with mike.deploy(cfg, draft.id, version_title(draft, code), aliases=[LATEST],
                                 update_aliases=True, alias_type=mike.AliasType.redirect,
                                 template=str(template), branch=options.branch, deploy_prefix=code,
                                 message=f"Publish {draft.id} ({code}) from {source[:10]}"):
                    pass  # built above, for all languages, before anything was deployed
                report(f"  [{code}] deployed to {code}/{draft.id}/")
            files = dict(root_files(base_path))
            for code in CODES:
                files[f"{code}/index.html"] = Template(redirects[code], autoescape=True) \
                    .render(href=f"{LATEST}/")
            files[manifest.path_of(draft.id)] = manifest.of_folders(
                {f"{code}/{draft.id}": staging / code for code in CODES})
            with git_utils.Commit(options.branch, f"Publish {draft.id}: root pages and manifest") as commit:
                for path, text in files.items():
                    commit.add_file(git_utils.FileInfo(path, text))
        broken = [r for r in manifest.verify(root, options.branch) if not r.ok]
        if broken:
            raise PublishError("the branch does not match its manifests after deploying: "
                               + ", ".join(r.draft for r in broken))
        gitrepo.git(root, "tag", "-a", draft.id, "-m", f"{draft.id}: {draft.title.get(DEFAULT)}, "
                    f"{draft.date.isoformat()}", source)
        tagged = True
        if options.push:
            report(f"pushing {options.branch} and tag {draft.id} to {options.remote}")
            gitrepo.git(root, "push", "--atomic", options.remote, options.branch,
                        f"refs/tags/{draft.id}")
    except BaseException as exc:
        _restore(root, options.branch, before, draft.id if tagged else None)
        if isinstance(exc, PublishError):
            raise
        if isinstance(exc, (gitrepo.GitError, git_utils.GitError, OSError)):
            raise PublishError(f"{exc}\n\npublishing failed; {options.branch} was left as it was") from None
        raise
    report(f"published {draft.id} in {len(CODES)} languages on {options.branch}"
           + ("" if options.push else f" (not pushed: run with --push, or git push "
                                      f"{options.remote} {options.branch} {draft.id})"))


def _restore(root: Path, branch: str, before: str | None, tag: str | None) -> None:
    """Put the branch back where it was (or remove it if it did not exist), and drop the tag."""
    if before:
        gitrepo.git(root, "update-ref", f"refs/heads/{branch}", before)
    elif gitrepo.rev(root, f"refs/heads/{branch}"):
        gitrepo.git(root, "update-ref", "-d", f"refs/heads/{branch}")
    if tag:
        gitrepo.git(root, "tag", "-d", tag)
