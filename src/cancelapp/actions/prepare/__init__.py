"""Preparing a decision: the plan of Shopify calls, built purely from the order, and its preview."""
