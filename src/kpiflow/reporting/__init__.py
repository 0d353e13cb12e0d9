"""Reports built from a workspace's analyses: the Excel workbook."""
