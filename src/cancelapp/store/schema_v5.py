"""Schema version 5: replies to customers, journaled before they are sent (`store.outbox`).

A reply is written here with its Message-ID before anything reaches the mail server, and its
`state` walks journaled -> submitting -> sent -> filed (the copy is in the Sent folder). A
restart finds each unfinished reply in the state it was left in and finishes it without sending
it twice; `unknown` waits for the merchant to say whether it arrived. `message` keeps the exact
bytes handed to the server, so a message sent again is the same message (same Message-ID).
"""

STATEMENTS = (
    """CREATE TABLE outgoing_mail (
        id INTEGER PRIMARY KEY,
        store_id INTEGER NOT NULL REFERENCES stores(id),
        request_id INTEGER NOT NULL REFERENCES requests(id),
        message_id TEXT NOT NULL UNIQUE,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        language TEXT NOT NULL,
        in_reply_to TEXT,
        state TEXT NOT NULL,
        message BLOB,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE INDEX outgoing_mail_unfinished ON outgoing_mail(store_id, state)
        WHERE state NOT IN ('filed', 'dropped')""",
)
