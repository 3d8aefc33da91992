"""Schema version 10: a customer's message after the merchant decided is never missed.

A message about an order whose request is already decided (declined, approved and carried
out) joins that request on purpose: a reply to our decline must not open a new decision. So
the message is marked instead. `request_messages.after_decision` says it joined the request
after the decision (kept for good: the detail shows it so), and `requests.unread_since` says
when the first of those not yet marked read arrived (NULL: none); the queue shows the request
in "Needs decision" until the merchant marks it read.

Messages such a request already holds are marked the same way when they arrived after its
latest decision, so an upgrade shows what earlier versions kept unseen.
"""

STATEMENTS = (
    "ALTER TABLE request_messages ADD COLUMN after_decision INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE requests ADD COLUMN unread_since TEXT",
    # The queue's first page reads the few unread ones apart from the undecided ones.
    "CREATE INDEX requests_unread ON requests(store_id) WHERE unread_since IS NOT NULL",
    """UPDATE request_messages SET after_decision = 1 WHERE id IN (
        SELECT m.id FROM request_messages m JOIN requests r ON r.id = m.request_id
        WHERE r.state IN ('queued', 'in_progress', 'done', 'declined') AND m.received_at > (
            SELECT max(d.decided_at) FROM decisions d WHERE d.request_id = r.id))""",
    """UPDATE requests SET unread_since = (
        SELECT min(m.received_at) FROM request_messages m
        WHERE m.request_id = requests.id AND m.after_decision)
       WHERE id IN (SELECT request_id FROM request_messages WHERE after_decision)""",
)
