"""Qt widgets and models. No SQL or HTTP here."""
