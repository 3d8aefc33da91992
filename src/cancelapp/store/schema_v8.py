"""Schema version 8: what each order cost the shop besides the goods, for Reports.

One row per order, written from every full read (`store.orders.upsert_orders`) and left alone
by the lean list reads that later replace its snapshot, so a cancelled order keeps the costs
read right after the cancel: `payment_fees` is what the payment provider charged on its
payments (JSON `{currency: amount}`; NULL when unknown: another gateway than Shopify Payments),
`refunded_shipping` the shipping the customer got back (JSON, shop currency; NULL when
Shopify did not say). Orders read before this version have no row: their costs are unknown
until they are read in full again.
"""

STATEMENTS = (
    """CREATE TABLE order_costs (
        order_id INTEGER PRIMARY KEY REFERENCES orders(id),
        payment_fees TEXT,
        refunded_shipping TEXT,
        read_at TEXT NOT NULL
    )""",
)
