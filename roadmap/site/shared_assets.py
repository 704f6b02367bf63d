"""Theme assets shared by every language and draft of the published site, under content-hashed
names that are never overwritten.

A built language holds its theme's files in ``assets/``: Material's stylesheets, script, search
worker with its languages and favicon, our overrides' stylesheet and script. They are the same
bytes in every language and, while the theme does not change, in every draft. When a draft is
published they leave its folders for the root of the site: each entry of ``assets/`` (a file,
or a folder whole) goes to ``assets/<hash>/<entry>``, ``<hash>`` being the first 12 hex digits
of the SHA-256 of the entry (of the file; of its ``sha256sum`` listing, for a folder). Every
reference to them in the draft's pages (``href``, ``src``, the search worker that Material's
``__config`` names and its script hands to ``new Worker``, ``url()`` in styles) is rewritten to
that address: relative to the page, so the site works under any path, or, where the page had a
root-relative address (the 404 page, served at any depth), under the same root.

- **A folder moves whole**: its files find each other by relative paths at run time (Material's
  search worker loads ``../lunr/min/lunr.<lang>.min.js`` beside it; a script its ``.map``), so
  their layout is kept and no file of the theme is edited. A stylesheet's ``url()`` that leaves
  its entry is rewritten like a page's reference (before the entry is hashed).
- **One hash per entry, not one for everything**: a draft that changes our stylesheet still
  shares Material's scripts with the drafts before it.
- **Never overwritten**: an address already on the published branch is reused only if it holds
  the same bytes; otherwise nothing is published. The draft's manifest lists the shared files
  its pages use, so ``roadmap verify`` names one that was changed or removed.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RoadmapError

FOLDER = "assets"  # in every built language, and at the root of the published site
HASH_DIGITS = 12

# A URL in a quoted attribute or JSON string, or in a style's url(...), that names assets/.
_REFERENCE = re.compile(r"""(?<=["'(])([^"'()\s<>]*?\bassets/[^"'()\s<>]*)(?=["')])""")
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")


class SharedAssetsError(RoadmapError):
    """The theme's files could not be shared; the message names the file and why."""


@dataclass
class Shared:
    """The shared files of one draft, written under ``root`` as they are published
    (``root/assets/<hash>/<entry>``)."""

    root: Path
    units: set[str] = field(default_factory=set)  # 'assets/<hash>' of every entry the draft uses

    def folders(self) -> dict[str, Path]:
        """Each unit's path on the branch -> its folder here (for the draft's manifest)."""
        return {unit: self.root / unit for unit in sorted(self.units)}

    def files(self, published: dict[str, str]) -> dict[str, bytes]:
        """Path on the branch -> content of each shared file the branch lacks. ``published``
        (path -> git blob id of the branch) must hold any of them with the same bytes: a
        shared address is never given other bytes."""
        out = {}
        for unit, folder in self.folders().items():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                name = f"{unit}/{path.relative_to(folder).as_posix()}"
                data = path.read_bytes()
                if name not in published:
                    out[name] = data
                elif published[name] != _blob_id(data):
                    raise SharedAssetsError(
                        f"{name} is already published with other bytes: a shared theme file "
                        "never changes (check the branch with `roadmap verify`); nothing was "
                        "published"
                    )
        return out


def share(folders: dict[str, Path], scratch: Path) -> Shared:
    """Move the ``assets/`` of each built folder (its path on the branch, 'fr/draft-3', -> the
    folder) under ``scratch/assets/<hash>/`` and point the folder's pages there."""
    shared = Shared(scratch)
    for prefix, folder in sorted(folders.items()):
        assets = folder / FOLDER
        if not assets.is_dir():
            continue
        units = _units(prefix, assets)
        for entry, (unit, files) in units.items():
            for rel, data in files.items():
                dest = scratch / unit / entry / rel if rel else scratch / unit / entry
                dest.parent.mkdir(parents=True, exist_ok=True)
                if dest.exists() and dest.read_bytes() != data:  # 48 bits collided: never seen
                    raise SharedAssetsError(f"{unit}/{entry}: two different contents, one name")
                dest.write_bytes(data)
            shared.units.add(unit)
        _point_pages(folder, prefix, {entry: unit for entry, (unit, _files) in units.items()})
        shutil.rmtree(assets)
    return shared


def _point_pages(folder: Path, prefix: str, where: dict[str, str]) -> None:
    """Every reference to an asset in the pages of ``folder`` pointed at its shared address."""
    for page in sorted(folder.rglob("*.html")):
        if folder / FOLDER in page.parents:
            continue
        here = f"{prefix}/{page.relative_to(folder).as_posix()}"
        text = page.read_text(encoding="utf-8")
        new = _REFERENCE.sub(lambda m: _moved(m.group(1), here, prefix, where), text)  # noqa: B023
        if new != text:
            page.write_text(new, encoding="utf-8")


def _units(prefix: str, assets: Path) -> dict[str, tuple[str, dict[str, bytes]]]:
    """entry -> ('assets/<hash>', {path inside the entry ('' for a file): bytes}), each entry's
    stylesheets first pointed at the entries they use (so those are hashed first)."""
    contents: dict[str, dict[str, bytes]] = {}
    for item in sorted(assets.iterdir()):
        if item.is_file():
            contents[item.name] = {"": item.read_bytes()}
        else:
            contents[item.name] = {
                p.relative_to(item).as_posix(): p.read_bytes()
                for p in sorted(item.rglob("*"))
                if p.is_file()
            }
    needs = {e: _css_targets(prefix, e, files, contents) for e, files in contents.items()}
    where: dict[str, str] = {}
    out: dict[str, tuple[str, dict[str, bytes]]] = {}
    while len(out) < len(contents):
        ready = [e for e in contents if e not in out and needs[e] <= set(where)]
        if not ready:
            cycle = sorted(e for e in contents if e not in out)
            raise SharedAssetsError(
                f"{prefix}/{FOLDER}/: the stylesheets of {', '.join(cycle)} point at each other "
                "with url(); each must be hashed after the files it names"
            )
        for entry in ready:
            files = {
                rel: _css_rewritten(prefix, entry, rel, data, where)
                for rel, data in contents[entry].items()
            }
            where[entry] = f"{FOLDER}/{_digest(files)}"
            out[entry] = (where[entry], files)
    return out


def _digest(files: dict[str, bytes]) -> str:
    """A file's SHA-256; a folder's, the SHA-256 of its `sha256sum` listing (names included)."""
    if list(files) == [""]:
        return hashlib.sha256(files[""]).hexdigest()[:HASH_DIGITS]
    listing = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {rel}\n" for rel, data in sorted(files.items())
    )
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()[:HASH_DIGITS]


def _site_path(prefix: str, entry: str, rel: str) -> str:
    return f"{prefix}/{FOLDER}/{entry}" + (f"/{rel}" if rel else "")


def _css_targets(
    prefix: str, entry: str, files: dict[str, bytes], contents: dict[str, dict[str, bytes]]
) -> set[str]:
    """The other entries that the stylesheets of ``entry`` name with url()."""
    found = set()
    for rel, data in files.items():
        if (rel or entry).endswith(".css"):
            here = _site_path(prefix, entry, rel)
            for match in _CSS_URL.finditer(data.decode("utf-8", "replace")):
                target = _target(match.group(2), here, prefix)
                if target and target[0] != entry and target[0] in contents:
                    found.add(target[0])
    return found


def _css_rewritten(prefix: str, entry: str, rel: str, data: bytes, where: dict[str, str]) -> bytes:
    """A stylesheet's url() of another entry, pointed at that entry's shared address."""
    if not (rel or entry).endswith(".css"):
        return data
    here = _site_path(prefix, entry, rel)
    text = data.decode("utf-8")

    # Where it will be published: assets/<its hash>/<entry>/...; the hash, not yet known, is
    # one folder deep whatever it is, and a relative address does not name it.
    home = f"{FOLDER}/_/{entry}" + (f"/{rel}" if rel else "")

    def moved(match: re.Match[str]) -> str:
        target = _target(match.group(2), here, prefix)
        if not target or target[0] == entry:
            return match.group(0)
        new = _moved(match.group(2), here, prefix, where, home)
        return match.group(0).replace(match.group(2), new)

    return _CSS_URL.sub(moved, text).encode("utf-8")


def _target(url: str, here: str, prefix: str) -> tuple[str, str] | None:
    """(entry, path inside it) of the asset ``url`` names from the file at site path ``here``;
    None if it names none (another page, another host, data:)."""
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    if not path or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path) or path.startswith("//"):
        return None
    marker = f"/{prefix}/{FOLDER}/"
    if path.startswith("/"):
        if marker not in path:
            return None
        rest = path.split(marker, 1)[1]
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), path))
        if not resolved.startswith(marker[1:]):
            return None
        rest = resolved[len(marker) - 1 :]
    entry, _, inside = rest.partition("/")
    return entry, inside


def _moved(url: str, here: str, prefix: str, where: dict[str, str], home: str = "") -> str:
    """``url``, read in the file at site path ``here`` (published at ``home`` if it moves too),
    pointed at the shared address of the asset it names; unchanged if it names none."""
    target = _target(url, here, prefix)
    if target is None or target[0] not in where:
        return url
    entry, inside = target
    suffix = url[len(re.split(r"[?#]", url, maxsplit=1)[0]) :]
    shared = f"{where[entry]}/{entry}" + (f"/{inside}" if inside else "")
    if url.startswith("/"):  # root-relative (the 404 page): under the same root
        return url.split(f"/{prefix}/{FOLDER}/", 1)[0] + f"/{shared}{suffix}"
    return posixpath.relpath(shared, posixpath.dirname(home or here) or ".") + suffix


def _blob_id(data: bytes) -> str:
    """The id git gives a file of these bytes (to compare with the branch without reading it)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()  # git's id of a blob
