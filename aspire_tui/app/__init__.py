"""The Textual app: ``aspire`` with no arguments. It renders the loop's event stream and sends commands."""
