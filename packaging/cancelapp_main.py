"""Entry script for the frozen build (PyInstaller needs a file, not an entry point)."""

from cancelapp.app import main

raise SystemExit(main())
