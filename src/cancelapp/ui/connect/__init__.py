"""The connect wizard: its pages and the wizard that walks them."""
