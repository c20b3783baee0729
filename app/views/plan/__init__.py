"""The Plan tab (План). The tab itself lives in `app.views.plan.tab` and imports pyqtgraph,
so this package is only imported when the tab is first shown."""
