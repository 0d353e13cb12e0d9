"""Sources -> canonical tables: formats, encodings, mappings, presets and the all-or-nothing load."""
