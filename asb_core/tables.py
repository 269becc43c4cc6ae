"""Every table of every slice, imported in one place so that `Base.metadata` (Alembic, the
schema tests) knows them all."""

from asb_core.agencies.models import Agency, Principal
from asb_core.agencies.secrets import DeploymentSecret
from asb_core.assessments.models import Assessment
from asb_core.audit.models import (
    AuditAnchor,
    AuditAnchorHead,
    AuditAnchorTip,
    AuditChainHead,
    AuditEvent,
    AuditNote,
)
from asb_core.case_review.models import CaseReview, CaseReviewRecommendation
from asb_core.cases.models import (
    Case,
    CaseClosure,
    CaseEvent,
    CaseReferenceCounter,
    EscalationState,
)
from asb_core.dataprotection.models import LegalHold, RetentionSchedule
from asb_core.directory.models import DirectoryOrganization, DirectoryService, OpeningHours
from asb_core.escalation.models import EscalationFlag
from asb_core.incidents.models import DiaryEntry, IdempotencyKey, Incident
from asb_core.interventions.models import Intervention, InterventionBreach
from asb_core.orm import Base
from asb_core.parties.models import LookupBudget, Party, PartyIdentity, RepeatCallerLookup
from asb_core.referrals.models import Referral, ReferralDisclosure
from asb_core.sharing.models import Membership
from asb_core.targets.models import Target
from asb_core.updates.models import Update
from asb_core.webhooks.models import OutboxEvent, WebhookDelivery, WebhookSubscription

__all__ = [
    "DirectoryOrganization",
    "DirectoryService",
    "OpeningHours",
    "Referral",
    "ReferralDisclosure",
    "Agency",
    "Assessment",
    "AuditAnchor",
    "AuditAnchorHead",
    "AuditAnchorTip",
    "AuditChainHead",
    "AuditEvent",
    "AuditNote",
    "Base",
    "Case",
    "CaseClosure",
    "CaseEvent",
    "CaseReferenceCounter",
    "CaseReview",
    "CaseReviewRecommendation",
    "DeploymentSecret",
    "DiaryEntry",
    "EscalationFlag",
    "EscalationState",
    "IdempotencyKey",
    "Incident",
    "Intervention",
    "InterventionBreach",
    "LegalHold",
    "LookupBudget",
    "Membership",
    "OutboxEvent",
    "Party",
    "PartyIdentity",
    "Principal",
    "RepeatCallerLookup",
    "RetentionSchedule",
    "Target",
    "Update",
    "WebhookDelivery",
    "WebhookSubscription",
]
