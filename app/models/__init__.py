"""SQLAlchemy mapped classes for the whole domain; no Qt, no services.

Importing this package registers every table on `Base.metadata`.
"""

from app.models.activities import (
    ACTIVITY_KINDS,
    ACTIVITY_PRIORITIES,
    ACTIVITY_PURPOSES,
    REPEAT_UNITS,
    Activity,
    ActivityMaterial,
)
from app.models.base import Base
from app.models.catalog import Product
from app.models.clients import CLIENT_KINDS, CLIENT_STATUSES, Client, ClientTag, Contact
from app.models.company import VAT_KINDS, CompanySettings, DocumentSequence, Setting
from app.models.deals import (
    Deal,
    DealLine,
    Objection,
    Stage,
    StageChange,
    StandardObjection,
    effective_probability,
    stage_is_open,
)
from app.models.feedback import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_STATUSES,
    Complaint,
    SatisfactionScore,
)
from app.models.market import Campaign, Competitor, CompetitorPrice
from app.models.mentoring import (
    LEARNING_KINDS,
    LEARNING_STATUSES,
    SKILLS,
    TRAINEE_STATUSES,
    AccompaniedMeeting,
    Assessment,
    ChecklistItem,
    ChecklistTemplate,
    LearningRecord,
    Trainee,
    TraineeTask,
)
from app.models.orders import (
    DEAL_DOCUMENT_KINDS,
    ORDER_STATUSES,
    SHIPMENT_STATUSES,
    STOCK_MOVEMENT_KINDS,
    DealDocument,
    Offer,
    Order,
    OrderLine,
    Payment,
    Shipment,
    ShipmentLine,
    StockMovement,
)
from app.models.plans import PlanTarget

__all__ = [
    "ACTIVITY_KINDS",
    "ACTIVITY_PRIORITIES",
    "ACTIVITY_PURPOSES",
    "CLIENT_KINDS",
    "CLIENT_STATUSES",
    "COMPLAINT_CATEGORIES",
    "COMPLAINT_STATUSES",
    "DEAL_DOCUMENT_KINDS",
    "LEARNING_KINDS",
    "LEARNING_STATUSES",
    "ORDER_STATUSES",
    "REPEAT_UNITS",
    "SHIPMENT_STATUSES",
    "SKILLS",
    "STOCK_MOVEMENT_KINDS",
    "TRAINEE_STATUSES",
    "VAT_KINDS",
    "AccompaniedMeeting",
    "Activity",
    "ActivityMaterial",
    "Assessment",
    "Base",
    "Campaign",
    "ChecklistItem",
    "ChecklistTemplate",
    "Client",
    "ClientTag",
    "CompanySettings",
    "Competitor",
    "CompetitorPrice",
    "Complaint",
    "Contact",
    "Deal",
    "DealDocument",
    "DealLine",
    "DocumentSequence",
    "LearningRecord",
    "Objection",
    "Offer",
    "Order",
    "OrderLine",
    "Payment",
    "PlanTarget",
    "Product",
    "SatisfactionScore",
    "Setting",
    "Shipment",
    "ShipmentLine",
    "Stage",
    "StageChange",
    "StandardObjection",
    "StockMovement",
    "Trainee",
    "TraineeTask",
    "effective_probability",
    "stage_is_open",
]
