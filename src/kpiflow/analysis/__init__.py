"""One module per analysis; each returns a frozen, typed result."""
