"""Plain data and rules: no Qt, no network, no disk."""
