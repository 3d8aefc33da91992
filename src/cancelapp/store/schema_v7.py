"""Schema version 7: one verdict per request, kept whole, with the moment it stops holding.

`verdict_json` is the whole verdict (reasons, the conditions looked at, the suggested action
and reply) that the queue, the detail pane and Approve all read; `verdict_valid_until` is the
last moment it holds (`Verdict.valid_until`; NULL when time alone never changes it), after
which the request is judged again. A decision keeps the verdict it was made under
(`decisions.verdict_json`, with the policy's digest), for the record and its PDF. Requests
judged before this version are judged again: the engine's version in the policy digest changed.
"""

STATEMENTS = (
    "ALTER TABLE requests ADD COLUMN verdict_json TEXT",
    "ALTER TABLE requests ADD COLUMN verdict_valid_until TEXT",
    """CREATE INDEX requests_verdict_expiry ON requests(store_id, verdict_valid_until)
        WHERE verdict_valid_until IS NOT NULL""",
    "ALTER TABLE decisions ADD COLUMN verdict_json TEXT",
    "ALTER TABLE decisions ADD COLUMN verdict_policy_hash TEXT",
)
