"""Carrying out a plan: journal, send each step, confirm from the order, write the side records."""
