"""What cancellations cost: the Reports window and its charts."""
