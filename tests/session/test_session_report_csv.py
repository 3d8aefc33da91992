"""The report's CSV in a Danish spreadsheet, and the reason merges file."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from cancelapp.session.audit_csv import CsvStyle
from cancelapp.session.reason_merges import load_merges, merges_path, save_merges
from cancelapp.session.report_csv import write_report_csv
from cancelapp.session.reports import CancellationReport, WeekRow

WORDS = {
    "week": "Uge",
    "cancelled": "Annulleret",
    "declined": "Afvist",
    "open": "Åben",
    "reason": "Årsag",
    "requests": "Anmodninger",
    "currency": "Valuta",
    "refunded": "Refunderet",
    "kept": "Beholdt",
    "product": "Produkt",
    "units": "Stk.",
    "median_hours": "Median timer",
    "kind": "Art",
    "withdrawals": "Lovpligtige fortrydelser",
    "goodwill": "Annulleringer af goodwill",
    "shipping": "Fragt refunderet",
    "fees": "Betalingsgebyrer beholdt af Shopify",
    "cancelled_orders": "Annullerede ordrer",
    "fees_unknown": "Annullerede ordrer med ukendte betalingsgebyrer",
    "shipping_unknown": "Annullerede ordrer med ukendt fragt",
}


def test_the_csv_opens_in_a_danish_spreadsheet() -> None:
    report = CancellationReport(
        since=datetime(2026, 11, 2, tzinfo=UTC),
        until=datetime(2026, 11, 16, tzinfo=UTC),
        requests=3,
        outcomes={"cancelled": 2, "declined": 1, "open": 0},
        weeks=(
            WeekRow(date(2026, 11, 2), {"cancelled": 2, "declined": 0, "open": 0}),
            WeekRow(date(2026, 11, 9), {"cancelled": 0, "declined": 1, "open": 0}),
        ),
        reasons=(("wrong_item", 2), ("none_given", 1)),
        refunded={"DKK": Decimal("1948.50")},
        kept={"DKK": Decimal("48.70")},
        products=(("=HYPERLINK(evil)", 2),),
        decision_hours=(1.5, 2.5),
        withdrawals=1,
        cancelled_orders=2,
        refunded_shipping={"DKK": Decimal("49.00"), "SEK": Decimal("69.00")},
        payment_fees={"DKK": Decimal("37.62")},
        fees_unknown=1,
        shipping_unknown=0,
    )
    out = io.StringIO()
    write_report_csv(
        report, out, style=CsvStyle(","), words=WORDS, reason_words=lambda r: r.upper()
    )
    text = out.getvalue()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == ["Uge", "Annulleret", "Afvist", "Åben"]
    assert rows[1] == ["2026-11-02", "2", "0", "0"]
    assert ["WRONG_ITEM", "2"] in rows
    assert ["Lovpligtige fortrydelser", "1"] in rows and ["Annulleringer af goodwill", "2"] in rows
    assert ["Valuta", "Refunderet", "Beholdt", "Fragt refunderet", WORDS["fees"]] in rows
    assert ["DKK", "1948,50", "48,70", "49,00", "37,62"] in rows
    assert ["SEK", "0,00", "0,00", "69,00", "0,00"] in rows  # only shipping refunded in SEK
    assert ["Annullerede ordrer", "2"] in rows
    assert ["Annullerede ordrer med ukendte betalingsgebyrer", "1"] in rows
    assert ["Annullerede ordrer med ukendt fragt", "0"] in rows
    assert ["'=HYPERLINK(evil)", "2"] in rows  # never a formula
    assert rows[-1] == ["Median timer", "2,0"]


def test_reason_merges_survive_a_bad_file(tmp_path: Path) -> None:
    path = merges_path(tmp_path, 3)
    assert load_merges(path) == {}
    save_merges(path, {"changed_mind": "found_cheaper"})
    assert load_merges(path) == {"changed_mind": "found_cheaper"}
    path.write_text('{"changed_mind": "nonsense", "x": "other", "other": "other"}')
    assert load_merges(path) == {}
    path.write_text("not json")
    assert load_merges(path) == {}
