"""SalesDesk: a sales manager's working day in one offline desktop window."""

__version__ = "0.1.0"
APP_NAME = "SalesDesk"
ORG_NAME = "SalesDesk"
