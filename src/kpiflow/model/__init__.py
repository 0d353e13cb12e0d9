"""The workspace model: tables, metrics, tree, stages, periods (pure, no I/O beyond reading YAML)."""
