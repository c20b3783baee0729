"""The Сделки tab: the pipeline kanban, the deal editor, the catalog and stage settings."""
