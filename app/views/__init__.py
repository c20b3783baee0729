"""Qt widgets, item models and dialogs; they call services only (never SQLAlchemy)."""
