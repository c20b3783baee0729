"""The orders area (issue 14): orders from won deals, shipments, the stock journal."""

from app.services.orders.service import OrdersService

__all__ = ["OrdersService"]
