"""Schema version 9: an order can have more than one request over time.

A buyer may ask again in Shopify after the merchant declined (a new requested order edit):
that is a new request, with its own edit id and lines, while the declined one keeps its
history. Requests for one order still merge while one of them is undecided (see
`store.requests.add_request`), so one order-wide unique index no longer fits; a Shopify
requested edit still makes one request only.
"""

STATEMENTS = (
    "DROP INDEX requests_one_per_order",
    """CREATE INDEX requests_by_order ON requests(store_id, order_gid)
        WHERE order_gid IS NOT NULL""",
    """CREATE UNIQUE INDEX requests_one_per_edit ON requests(store_id, native_edit_id)
        WHERE native_edit_id IS NOT NULL""",
)
