"""Activities: the editor, the completion dialog, the call log, reminders and the calendar."""
