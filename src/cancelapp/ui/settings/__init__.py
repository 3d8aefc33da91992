"""The settings dialog, its intake tab, and putting saved settings into effect."""
