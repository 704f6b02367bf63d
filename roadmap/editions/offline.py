"""The offline copy as one zip: a folder named after the draft and language, index.html in it.

The zip is the same for the same files (sorted entries, fixed times), so its digest in the
manifest depends on the pages alone.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def zip_folder(folder: Path, out: Path, top: str) -> Path:
    """``folder``'s files under ``top/`` in the zip ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return out
