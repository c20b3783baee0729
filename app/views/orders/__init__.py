"""The orders area's views (issue 14): the Orders tab, the order editor, the shipment and
payment dialogs."""
