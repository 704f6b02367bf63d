"""Make the PDF and offline copy of each language of a built draft, into its downloads/."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..build import build_offline
from ..chromium import ChromiumMissing
from ..drafts import being_built, site_root
from ..errors import RoadmapError
from ..i18n import DEFAULT
from ..model import Roadmap, load_roadmap
from ..model.schema import Draft
from ..project import read_config
from ..render.print_edition import Edition
from ..translations import memory
from . import download_links, installed_fonts, names, offline, pdf, printed


class EditionError(RoadmapError):
    """Why an edition could not be made; the message is for the person building."""


@dataclass
class Request:
    root: Path  # the project
    site_dir: Path  # the built site: site_dir/<lang>/, with directory URLs
    langs: list[str]
    env: dict[str, str] = field(default_factory=dict)  # the build's: version, data, address
    pdf: bool = True
    offline: bool = True
    jobs: int | None = None


@dataclass
class DraftAt:
    roadmap: Roadmap
    draft: Draft
    root_url: str  # the site's public root, without language or draft

    def address(self, lang: str) -> str:
        """The draft's permanent address in ``lang``."""
        return f"{self.root_url}{lang}/{self.draft.id}/"


def _draft(req: Request) -> DraftAt:
    roadmap = load_roadmap(Path(req.env.get("ROADMAP_DATA_DIR") or req.root / "data"))
    version = req.env.get("MIKE_DOCS_VERSION") or None
    url = req.env.get("ROADMAP_SITE_URL") or str(read_config(DEFAULT, req.root).get("site_url"))
    return DraftAt(roadmap, being_built(roadmap, version), site_root(url, DEFAULT, version))


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

    data_dir = Path(req.env.get("ROADMAP_DATA_DIR") or req.root / "data")
    units = sources.load_units(req.root, of.roadmap, data_dir)
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
            list(read_config(lang, req.root)["nav"]),
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
        req.langs, tmp / "offline", root=req.root, env=req.env, jobs=req.jobs, report=lambda _: None
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
