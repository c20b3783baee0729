"""The market and the voice of the client (issue 16), one module per feature.

- `competitors`: the competitor register with SWOT (theirs and ours), their prices against
  our catalog (comparison, import of a price list), the deals lost to each
- `campaigns`: campaigns and channels with cost lines, effectiveness (leads, deals, won,
  revenue, cost per lead and per won deal, ROI), the mailing list (CSV, vCard)
- `feedback`: complaints (рекламации) with corrective tasks, NPS/CSAT, churn reasons
- `service`: `MarketService`, the features above over one unit of work

Each feature's DTOs live in its module (`from app.services.market.campaigns import …`).
"""

from app.services.market.service import MarketService

__all__ = ["MarketService"]
