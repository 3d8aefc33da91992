"""The Admin API versions CancelApp speaks."""

API_VERSION = "2026-10"

# Only `unstable` has buyer-initiated requested edits (the native cancellation requests).
UNSTABLE_VERSION = "unstable"
