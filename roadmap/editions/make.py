"""Make the PDF and offline copy of each language of a built draft, into its downloads/."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..build import build_offline
from ..build_spec import Build
from ..chromium import ChromiumMissing
from ..drafts import being_built, site_root
from ..engine import engine
from ..errors import RoadmapError
from ..i18n import DEFAULT
from ..model import Roadmap, load_roadmap
from ..model.schema import Draft
from ..render.print_edition import Edition
from ..translations import memory
from . import download_links, installed_fonts, names, offline, pdf, printed


class EditionError(RoadmapError):
    """Why an edition could not be made; the message is for the person building."""


@dataclass
class Request:
    build: Build  # what was built: the draft, its data and address, the languages
    site_dir: Path  # the built site: site_dir/<lang>/, with directory URLs
    pdf: bool = True
    offline: bool = True
    jobs: int | None = None

    @property
    def langs(self) -> list[str]:
        return list(self.build.langs)

    @property
    def root(self) -> Path:
        return self.build.root


@dataclass
class DraftAt:
    roadmap: Roadmap
    draft: Draft
    root_url: str  # the site's public root, without language or draft

    def address(self, lang: str) -> str:
        """The draft's permanent address in ``lang``."""
        return f"{self.root_url}{lang}/{self.draft.id}/"


def _draft(req: Request) -> DraftAt:
    build = req.build
    roadmap = load_roadmap(build.data_dir)
    url = build.site_url or str(engine().read_config(build.root, DEFAULT).get("site_url"))
    draft = being_built(roadmap, build.draft)
    return DraftAt(roadmap, draft, site_root(url, DEFAULT, build.draft))


def make(req: Request, report: Callable[[str], object] = print) -> dict[str, dict[str, Path]]:
    """lang -> kind -> the file made; each language's pages then link them, with their size."""
    of = _draft(req)
    made: dict[str, dict[str, Path]] = {lang: {} for lang in req.langs}
    with tempfile.TemporaryDirectory(prefix="roadmap-editions-") as tmp:
        if req.pdf:
            _pdfs(req, of, Path(tmp), made, report)
        if req.offline:
            _offline(req, of, Path(tmp), made, report)
    made = _with_memories(req, of, made, report)
    for lang, files in made.items():
        paths = names.paths(of.draft.id, lang) | memory.paths(of.draft.id, lang)
        download_links.fill(
            req.site_dir / lang,
            lang,
            {k: paths[k] for k in files},
            {k: p.stat().st_size for k, p in files.items()},
        )
    return made


def _with_memories(req: Request, of: DraftAt, made: dict, report) -> dict:
    """Each language's translation memory and the glossary's termbase, for translators."""
    from ..translations import sources

    units = sources.load_units(req.root, of.roadmap, req.build.data_dir)
    status = sources.status_of(req.root, of.roadmap, units, found=[])
    for lang in req.langs:
        paths = memory.write(
            req.site_dir / lang, of.draft.id, lang, units, status, of.roadmap.terms
        )
        made[lang].update(zip(memory.kinds(lang), paths, strict=True))
        report(f"  [{lang}] translation memory and termbase: {', '.join(p.name for p in paths)}")
    return made


def _pdfs(req: Request, of: DraftAt, tmp: Path, made: dict, report) -> None:
    if (lacking := installed_fonts.missing(req.langs)) is not None:
        raise EditionError(lacking)
    jobs = []
    for lang in req.langs:
        html = printed.write(
            req.site_dir / lang,
            tmp / f"print-{lang}.html",
            list(engine().read_config(req.root, lang)["nav"]),
            of.roadmap,
            lambda styles, lang=lang: Edition(lang, of.draft, of.address(lang), styles),
        )
        jobs.append((html, req.site_dir / lang / names.paths(of.draft.id, lang)["pdf"]))
    try:
        pdf.print_all(jobs)
    except (pdf.PdfError, ChromiumMissing) as exc:
        raise EditionError(str(exc)) from None
    for lang, (_, out) in zip(req.langs, jobs, strict=True):
        made[lang]["pdf"] = out
        report(f"  [{lang}] PDF {out.name}: {out.stat().st_size:,} bytes")


def _offline(req: Request, of: DraftAt, tmp: Path, made: dict, report) -> None:
    results = build_offline(  # each copy reports once, zipped, below
        req.build, tmp / "offline", jobs=req.jobs, report=lambda _: None
    )
    failed = [r for r in results if not r.ok]
    if failed:
        raise EditionError(
            "\n".join(f"[{r.lang}] offline copy failed:\n{r.output}" for r in failed)
        )
    for lang in req.langs:
        paths, online = names.paths(of.draft.id, lang), of.address(lang)
        pdf_made = made[lang].get("pdf")
        download_links.fill(  # the copy links the files online: a zip cannot hold its own size
            tmp / "offline" / lang,
            lang,
            {k: online + paths[k] for k in (("pdf", "offline") if pdf_made else ("offline",))},
            {"pdf": pdf_made.stat().st_size if pdf_made else None, "offline": None},
        )
        name = names.offline(of.draft.id, lang)
        out = offline.zip_folder(
            tmp / "offline" / lang, req.site_dir / lang / paths["offline"], name[: -len(".zip")]
        )
        made[lang]["offline"] = out
        report(f"  [{lang}] offline copy {out.name}: {out.stat().st_size:,} bytes")
