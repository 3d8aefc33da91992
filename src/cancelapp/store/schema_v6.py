"""Schema version 6: what the EU right of withdrawal needs kept per request.

`request_messages.sent_at` is when the customer sent a message, where the channel says so apart
from its arrival (an email's Date header): a withdrawal is in time when sent before the period
ends (Directive 2011/83/EU Art. 11(2)). `requests.refund_due_on` is the day a statutory
withdrawal's refund is due (Art. 13(1)), kept with the verdict so the queue can sort by it;
`requests.acknowledged_at` is when CancelApp prepared the acknowledgement of its receipt.
"""

STATEMENTS = (
    "ALTER TABLE request_messages ADD COLUMN sent_at TEXT",
    "ALTER TABLE requests ADD COLUMN refund_due_on TEXT",
    "ALTER TABLE requests ADD COLUMN acknowledged_at TEXT",
)
