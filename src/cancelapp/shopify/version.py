"""The Admin API version CancelApp speaks: the stable 2026-10 release, for every document
(buyer-requested order edits and return policy profiles included; never `unstable`)."""

API_VERSION = "2026-10"
