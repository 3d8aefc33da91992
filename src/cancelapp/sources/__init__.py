"""Request intake: every channel a customer uses to ask for a cancellation.

Sources (`native`, `order_tag`, `email_source`, `csv_import`, `manual`) turn what they read
into `IncomingRequest` candidates carrying their provenance; `matching` ties a candidate to its
order only when that is certain; `intake.take_in` stores candidates through the store's request
repository, which keeps one undecided entry per order (Shopify's own requests: one per
requested edit) and never stores a message twice.
"""
