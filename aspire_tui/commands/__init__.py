"""Click commands, one module each, imported lazily by `aspire_tui.cli`."""
