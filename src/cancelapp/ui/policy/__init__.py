"""The policy editor, its rule form, and the flow that re-judges after a save."""
