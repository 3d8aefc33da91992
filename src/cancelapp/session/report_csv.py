"""The Reports view's figures as CSV, for the merchant's spreadsheet (as the audit export:
UTF-8 with a BOM, `;` and a decimal comma where the merchant's locale writes one)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TextIO

from cancelapp.session.audit_csv import BOM, CsvStyle, spreadsheet_text
from cancelapp.session.reports import OUTCOMES, CancellationReport


def write_report_csv(
    report: CancellationReport,
    out: TextIO,
    *,
    style: CsvStyle,
    words: Mapping[str, str],
    reason_words: Callable[[str], str],
) -> None:
    """One table per section, each with a heading row; `words` are the merchant's words for
    the headings (keys: week, reason, product, units, currency, refunded, kept, requests,
    and each outcome)."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=style.separator, lineterminator="\r\n")

    def number(value: Decimal | float) -> str:
        return str(value).replace(".", style.decimal)

    writer.writerow([words["week"], *(words[o] for o in OUTCOMES)])
    for week in report.weeks:
        writer.writerow([week.start.isoformat(), *(week.counts[o] for o in OUTCOMES)])
    writer.writerow([])
    writer.writerow([words["reason"], words["requests"]])
    for reason, count in report.reasons:
        writer.writerow([reason_words(reason), count])
    writer.writerow([])
    writer.writerow([words["currency"], words["refunded"], words["kept"]])
    for currency in sorted(set(report.refunded) | set(report.kept)):
        writer.writerow(
            [
                currency,
                number(report.refunded.get(currency, Decimal(0))),
                number(report.kept.get(currency, Decimal(0))),
            ]
        )
    writer.writerow([])
    writer.writerow([words["product"], words["units"]])
    for title, units in report.products:
        writer.writerow([spreadsheet_text(title), units])
    if report.median_decision_hours is not None:
        writer.writerow([])
        writer.writerow([words["median_hours"], number(round(report.median_decision_hours, 1))])
