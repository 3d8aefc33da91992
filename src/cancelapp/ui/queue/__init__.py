"""The request queue: its model, index, view, verdict badges, cache reading and refresh timer."""
