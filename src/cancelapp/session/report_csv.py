"""The Reports view's figures as CSV, for the merchant's spreadsheet (as the audit export:
UTF-8 with a BOM, `;` and a decimal comma where the merchant's locale writes one)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TextIO

from cancelapp.domain.money import Money
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
    the headings (keys: week, reason, product, units, currency, refunded, kept, shipping,
    fees, requests, kind, withdrawals, goodwill, median_hours, cancelled_orders, fees_unknown,
    shipping_unknown, and each outcome)."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=style.separator, lineterminator="\r\n")

    def number(value: Decimal | float) -> str:
        return str(value).replace(".", style.decimal)

    writer.writerow([words["week"], *(words[o] for o in OUTCOMES)])
    for week in report.weeks:
        writer.writerow([week.start.isoformat(), *(week.counts[o] for o in OUTCOMES)])
    writer.writerow([])
    writer.writerow([words["kind"], words["requests"]])
    writer.writerow([words["withdrawals"], report.withdrawals])
    writer.writerow([words["goodwill"], report.goodwill])
    writer.writerow([])
    writer.writerow([words["reason"], words["requests"]])
    for reason, count in report.reasons:
        writer.writerow([reason_words(reason), count])
    writer.writerow([])
    amounts = (report.refunded, report.kept, report.refunded_shipping, report.payment_fees)
    writer.writerow([words[w] for w in ("currency", "refunded", "kept", "shipping", "fees")])
    for currency in sorted(set().union(*amounts)):
        writer.writerow([currency, *(number(_at_precision(a, currency)) for a in amounts)])
    writer.writerow([])
    writer.writerow([words["cancelled_orders"], report.cancelled_orders])
    writer.writerow([words["fees_unknown"], report.fees_unknown])
    writer.writerow([words["shipping_unknown"], report.shipping_unknown])
    writer.writerow([])
    writer.writerow([words["product"], words["units"]])
    for title, units in report.products:
        writer.writerow([spreadsheet_text(title), units])
    if report.median_decision_hours is not None:
        writer.writerow([])
        writer.writerow([words["median_hours"], number(round(report.median_decision_hours, 1))])


def _at_precision(amounts: Mapping[str, Decimal], currency: str) -> Decimal:
    """The amount in `currency` at its minor units (0 written as 0.00 in DKK)."""
    return Money(amounts.get(currency, Decimal(0)), currency).quantized().amount
