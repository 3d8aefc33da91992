"""The selected request: its pane, how it is loaded, and the actions taken on it."""
