"""What happens before the main window: the log files, and start-up failures the merchant
sees (a message box with what happened, what to do and the data folder), never only stderr."""
