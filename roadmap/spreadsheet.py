"""A draft's tables as one XLSX workbook per language (openpyxl): it opens the same in every
spreadsheet program and locale, where a CSV's separator and encoding depend on the reader's
settings (French, Spanish and Russian ones expect semicolons).

Dates are date cells, numbers numbers; an Arabic workbook's sheets read right to left. The file
is the same for the same data (fixed times in it), so its digest in a manifest depends on the
data alone.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .i18n import language

Table = tuple[list[str], list[list]]  # a header, and rows of str, int, float, date or None
_INVALID = str.maketrans({c: " " for c in "[]:*?/\\"})  # not allowed in a sheet's name
_WIDEST = 60  # characters: longer texts wrap


def workbook(sheets: dict[str, Table], lang: str, when: dt.date) -> bytes:
    """``sheets``: name -> table, in order; ``when``: the date the file states (the draft's)."""
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook has
    for name, (header, rows) in sheets.items():
        _sheet(book, name, header, rows, rtl=language(lang).direction == "rtl")
    stamp = dt.datetime.combine(when, dt.time())
    book.properties.created = book.properties.modified = stamp
    book.properties.language = lang
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _fixed_times(raw.getvalue(), stamp)


def _sheet(book: Workbook, name: str, header: list[str], rows: list[list], *, rtl: bool) -> None:
    sheet = book.create_sheet(name.translate(_INVALID)[:31])
    sheet.sheet_view.rightToLeft = rtl
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"  # the header and the ids stay in view
    for number, column in enumerate(sheet.iter_cols(), start=1):
        width = max(len(_text(c.value)) for c in column)
        sheet.column_dimensions[get_column_letter(number)].width = min(width + 2, _WIDEST)
        for cell in column[1:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif len(_text(cell.value)) > _WIDEST:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _text(value) -> str:
    return "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value)


def _fixed_times(data: bytes, stamp: dt.datetime) -> bytes:
    """The same zip with every entry dated ``stamp``, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
