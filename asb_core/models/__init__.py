"""SQLAlchemy models. Importing this package registers every table on `Base.metadata`."""

from asb_core.models.agency import Agency, Principal
from asb_core.models.assessment import Assessment
from asb_core.models.audit import (
    AuditAnchor,
    AuditAnchorHead,
    AuditAnchorTip,
    AuditChainHead,
    AuditEvent,
)
from asb_core.models.base import Base
from asb_core.models.case import (
    Case,
    CaseEvent,
    CaseReferenceCounter,
    EscalationState,
    Membership,
)
from asb_core.models.diary import DiaryEntry, IdempotencyKey, Incident
from asb_core.models.party import Party, PartyIdentity
from asb_core.models.secrets import DeploymentSecret
from asb_core.models.webhooks import OutboxEvent, WebhookDelivery, WebhookSubscription
from asb_core.models.work import CaseReview, EscalationFlag, Target, Update

__all__ = [
    "Agency",
    "Assessment",
    "AuditAnchor",
    "AuditAnchorHead",
    "AuditAnchorTip",
    "AuditChainHead",
    "AuditEvent",
    "Base",
    "Case",
    "CaseEvent",
    "CaseReferenceCounter",
    "CaseReview",
    "DeploymentSecret",
    "DiaryEntry",
    "EscalationFlag",
    "EscalationState",
    "IdempotencyKey",
    "Incident",
    "Membership",
    "OutboxEvent",
    "Party",
    "PartyIdentity",
    "Principal",
    "Target",
    "Update",
    "WebhookDelivery",
    "WebhookSubscription",
]
