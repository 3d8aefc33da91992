"""The session layer: what a window asks of a store (refresh, verdicts, details, commands).

Qt-free plain functions and values, run by `ui/` on workers; the import-boundary test keeps it so.
"""
