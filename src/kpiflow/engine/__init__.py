"""The engine seam: the database driver and SQL tooling live here and nowhere else."""
