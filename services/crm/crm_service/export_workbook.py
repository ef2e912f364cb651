"""The client export's workbook: the header and the client rows (cells per `domain.exports.COLUMNS`)
written to an .xlsx by xlsxwriter in `constant_memory` mode.

xlsxwriter flushes each row to a temporary file as soon as the next one starts, so memory stays
flat however many clients there are; but its per-cell path (a cell object per value, a dispatch
on its type, three regular expressions, an attribute list) is most of an export's time. So the
rows go through `StreamedSheet`, an xlsxwriter worksheet class (`add_worksheet(worksheet_class=)`)
that writes a plain row's XML itself, exactly as xlsxwriter would, and hands any other row
(a value to escape, a surrounding space, a very long text) to xlsxwriter's own `write_*` methods.
`test_client_exports.py` holds both ways to the same bytes.

Only `write_xlsx` imports xlsxwriter, so crm and the benchmark load it when an export runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from crm_service.domain import exports as rules

# A text xlsxwriter writes unchanged and without `xml:space="preserve"`: no XML specials, no
# control characters (escaped as _xHHHH_), no space at either end, and no "_x" (a literal
# "_x0041_" is escaped too). Anything else goes through xlsxwriter.
_PLAIN = re.compile(r"[^\s&<>\x00-\x1f\ufffe\uffff](?:[^&<>\x00-\x1f\ufffe\uffff]*[^\s&<>\x00-\x1f\ufffe\uffff])?")
_SHORT = 16_000  # xlsxwriter cuts texts over 32,767 UTF-16 units; far below that there is nothing to cut
# Excel's serial day numbers (the 1900 system): from 1 March 1900 on, days since 30 December 1899
# (Excel counts a 29 February 1900 that never was). Earlier dates go through xlsxwriter.
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
_FIRST_PLAIN_DAY = date(1900, 3, 1)


def _plain(value: str) -> bool:
    return len(value) < _SHORT and "_x" not in value and _PLAIN.fullmatch(value) is not None


@cache
def streamed_sheet_class() -> type:
    """The worksheet class, built on first use so that importing this module costs no xlsxwriter."""
    from xlsxwriter.worksheet import Worksheet

    class StreamedSheet(Worksheet):
        """A constant-memory worksheet that appends rows of texts and dates (empty cells skipped)."""

        def append_rows(self, rows: Iterable[Sequence[object]], first_row: int, date_format: Any) -> int:
            """Write `rows` from `first_row` on; the number written. Call once, after every row
            written with xlsxwriter's own methods and before any other row is."""
            from xlsxwriter.utility import xl_col_to_name

            self._write_single_row(first_row)  # flush what xlsxwriter holds (the header)
            style = f' s="{date_format._get_xf_index()}"'
            columns = [xl_col_to_name(c) for c in range(len(rules.COLUMNS))]
            row = first_row - 1
            for row, cells in enumerate(rows, start=first_row):
                parts = self._row_xml(row, cells, columns, style)
                if parts is None:
                    self._write_with_xlsxwriter(row, cells, date_format)
                else:
                    self.fh.write("".join(parts))
            return row - first_row + 1

        def _row_xml(self, row: int, cells: Sequence[object], columns: list[str], style: str) -> list[str] | None:
            """The row's XML as xlsxwriter writes it, or None when a cell needs xlsxwriter's care."""
            r = str(row + 1)
            parts = [f'<row r="{r}">']
            last = -1
            for column, value in enumerate(cells):
                if isinstance(value, str):
                    if not value:
                        continue
                    if not _plain(value):
                        return None
                    parts.append(f'<c r="{columns[column]}{r}" t="inlineStr"><is><t>{value}</t></is></c>')
                elif type(value) is date and value >= _FIRST_PLAIN_DAY and not self.date_1904:
                    parts.append(f'<c r="{columns[column]}{r}"{style}><v>{value.toordinal() - _EXCEL_EPOCH}</v></c>')
                elif value is None:
                    continue
                else:  # an older date, a datetime, a number: xlsxwriter's
                    return None
                last = column
            if last < 0:
                return []  # an empty row is not written, as xlsxwriter does not
            self._check_dimensions(row, last)
            parts.append("</row>")
            return parts

        def _write_with_xlsxwriter(self, row: int, cells: Sequence[object], date_format: Any) -> None:
            for column, value in enumerate(cells):
                if isinstance(value, date):
                    self.write_datetime(row, column, value, date_format)
                elif value:
                    self.write_string(row, column, str(value))
            self._write_single_row(row + 1)  # flush it now: the next rows are written directly

    return StreamedSheet


def write_xlsx(rows: Iterable[Sequence[object]], path: Path, lang: str) -> int:
    """Write the header and `rows` (cells per COLUMNS: texts, dates or None) to `path`; the
    number of rows written."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "tmpdir": str(path.parent)})
    try:
        sheet = workbook.add_worksheet("Clientes", worksheet_class=streamed_sheet_class())
        bold = workbook.add_format({"bold": True})
        day = workbook.add_format({"num_format": "dd/mm/yyyy" if lang != "en" else "yyyy-mm-dd"})
        for index, width in enumerate(rules.WIDTHS):
            sheet.set_column(index, index, width)
        sheet.write_row(0, 0, rules.HEADERS[lang], bold)
        count = sheet.append_rows(rows, 1, day)
        sheet.autofilter(0, 0, count, len(rules.COLUMNS) - 1)
        sheet.freeze_panes(1, 0)
    finally:
        workbook.close()
    return count
