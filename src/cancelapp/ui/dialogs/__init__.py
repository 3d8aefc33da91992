"""Dialogs of the File and Help menus: CSV import, typed-in requests, audit log, About."""
