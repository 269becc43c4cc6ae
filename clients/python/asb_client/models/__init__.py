"""Contains all the data models used in inputs/outputs"""

from .agency_kind import AgencyKind
from .answers import Answers
from .assessment import Assessment
from .assessment_page import AssessmentPage
from .assessment_policy import AssessmentPolicy
from .assessment_policy_escalation import AssessmentPolicyEscalation
from .assessment_policy_hostility import AssessmentPolicyHostility
from .assessment_policy_referrals import AssessmentPolicyReferrals
from .assessment_policy_targets import AssessmentPolicyTargets
from .assessment_policy_thresholds import AssessmentPolicyThresholds
from .assessment_result import AssessmentResult
from .audit_event import AuditEvent
from .audit_page import AuditPage
from .case import Case
from .case_closed_event import CaseClosedEvent
from .case_closed_event_data import CaseClosedEventData
from .case_closure import CaseClosure
from .case_closure_list import CaseClosureList
from .case_level_changed_event import CaseLevelChangedEvent
from .case_level_changed_event_data import CaseLevelChangedEventData
from .case_lookup_log import CaseLookupLog
from .case_lookup_log_hits_item import CaseLookupLogHitsItem
from .case_lookup_log_hits_item_answered_type_0 import CaseLookupLogHitsItemAnsweredType0
from .case_lookup_log_hits_item_by_item import CaseLookupLogHitsItemByItem
from .case_lookup_log_keys_item import CaseLookupLogKeysItem
from .case_page import CasePage
from .case_patch import CasePatch
from .case_patch_status import CasePatchStatus
from .case_review import CaseReview
from .case_review_acknowledgement_input import CaseReviewAcknowledgementInput
from .case_review_decision_input import CaseReviewDecisionInput
from .case_review_escalation import CaseReviewEscalation
from .case_review_escalation_input import CaseReviewEscalationInput
from .case_review_escalation_result_input import CaseReviewEscalationResultInput
from .case_review_input import CaseReviewInput
from .case_review_list import CaseReviewList
from .case_review_meeting import CaseReviewMeeting
from .case_review_meeting_input import CaseReviewMeetingInput
from .case_review_outcome_input import CaseReviewOutcomeInput
from .case_review_recommendation import CaseReviewRecommendation
from .case_review_recommendation_input import CaseReviewRecommendationInput
from .case_review_result import CaseReviewResult
from .case_shared_event import CaseSharedEvent
from .case_shared_event_data import CaseSharedEventData
from .case_status import CaseStatus
from .category import Category
from .category_info import CategoryInfo
from .close_case_request import CloseCaseRequest
from .consent import Consent
from .consent_basis import ConsentBasis
from .consent_input import ConsentInput
from .consent_state import ConsentState
from .diary_amendment_input import DiaryAmendmentInput
from .diary_entry import DiaryEntry
from .diary_entry_added_event import DiaryEntryAddedEvent
from .diary_entry_added_event_data import DiaryEntryAddedEventData
from .diary_entry_added_event_data_diary_entry import DiaryEntryAddedEventDataDiaryEntry
from .diary_entry_batch_input import DiaryEntryBatchInput
from .diary_entry_batch_item import DiaryEntryBatchItem
from .diary_entry_batch_item_entry import DiaryEntryBatchItemEntry
from .diary_entry_batch_result import DiaryEntryBatchResult
from .diary_entry_batch_result_results_item import DiaryEntryBatchResultResultsItem
from .diary_entry_input import DiaryEntryInput
from .diary_entry_page import DiaryEntryPage
from .directory_service import DirectoryService
from .directory_service_attributes_item import DirectoryServiceAttributesItem
from .directory_service_attributes_item_taxonomy_term import DirectoryServiceAttributesItemTaxonomyTerm
from .directory_service_attributes_item_taxonomy_term_vocabulary import (
    DirectoryServiceAttributesItemTaxonomyTermVocabulary,
)
from .directory_service_contacts_item import DirectoryServiceContactsItem
from .directory_service_contacts_item_phones_item import DirectoryServiceContactsItemPhonesItem
from .directory_service_organization import DirectoryServiceOrganization
from .directory_service_page import DirectoryServicePage
from .directory_service_referral import DirectoryServiceReferral
from .directory_service_referral_method import DirectoryServiceReferralMethod
from .directory_service_schedules_item import DirectoryServiceSchedulesItem
from .directory_service_service_areas_item import DirectoryServiceServiceAreasItem
from .directory_service_status import DirectoryServiceStatus
from .embed_token import EmbedToken
from .embed_token_scopes_item import EmbedTokenScopesItem
from .erasure import Erasure
from .erasure_changed import ErasureChanged
from .erasure_fields_item import ErasureFieldsItem
from .erasure_input import ErasureInput
from .escalation_raised_event import EscalationRaisedEvent
from .escalation_raised_event_data import EscalationRaisedEventData
from .escalation_raised_event_data_flag import EscalationRaisedEventDataFlag
from .evaluate_request import EvaluateRequest
from .export_subject_access_format import ExportSubjectAccessFormat
from .field_error import FieldError
from .flag import Flag
from .flag_list import FlagList
from .frequency import Frequency
from .health import Health
from .hold_release_input import HoldReleaseInput
from .incident import Incident
from .incident_page import IncidentPage
from .incident_source import IncidentSource
from .intervention import Intervention
from .intervention_breach import InterventionBreach
from .intervention_breach_in_law import InterventionBreachInLaw
from .intervention_breach_input import InterventionBreachInput
from .intervention_input import InterventionInput
from .intervention_input_status import InterventionInputStatus
from .intervention_page import InterventionPage
from .intervention_status import InterventionStatus
from .intervention_status_change import InterventionStatusChange
from .intervention_status_change_status import InterventionStatusChangeStatus
from .intervention_type import InterventionType
from .judgement import Judgement
from .judgement_input import JudgementInput
from .legal_hold import LegalHold
from .legal_hold_input import LegalHoldInput
from .legal_hold_list import LegalHoldList
from .list_cases_target_state import ListCasesTargetState
from .list_webhook_deliveries_state import ListWebhookDeliveriesState
from .me import Me
from .meet_target_request import MeetTargetRequest
from .member import Member
from .member_list import MemberList
from .need_reason import NeedReason
from .nsir_type import NsirType
from .officer_report_input import OfficerReportInput
from .open_case_request import OpenCaseRequest
from .party import Party
from .party_erasure import PartyErasure
from .party_input import PartyInput
from .party_list import PartyList
from .party_patch import PartyPatch
from .party_removal import PartyRemoval
from .party_removal_input import PartyRemovalInput
from .party_role import PartyRole
from .perceived_by import PerceivedBy
from .policy_question import PolicyQuestion
from .policy_question_answer_type import PolicyQuestionAnswerType
from .policy_question_group import PolicyQuestionGroup
from .policy_question_points_type_1 import PolicyQuestionPointsType1
from .problem import Problem
from .queued_target import QueuedTarget
from .ready import Ready
from .reason import Reason
from .reassess_request import ReassessRequest
from .reassign_target_request import ReassignTargetRequest
from .referral import Referral
from .referral_answered_by import ReferralAnsweredBy
from .referral_changed_event import ReferralChangedEvent
from .referral_changed_event_data import ReferralChangedEventData
from .referral_changed_event_data_referral import ReferralChangedEventDataReferral
from .referral_consent_basis import ReferralConsentBasis
from .referral_consent_input import ReferralConsentInput
from .referral_handover_target_type_0 import ReferralHandoverTargetType0
from .referral_input import ReferralInput
from .referral_input_contact_route_type_1 import ReferralInputContactRouteType1
from .referral_input_contact_route_type_2_type_1 import ReferralInputContactRouteType2Type1
from .referral_input_contact_route_type_3_type_1 import ReferralInputContactRouteType3Type1
from .referral_outcome_type_1 import ReferralOutcomeType1
from .referral_outcome_type_2_type_1 import ReferralOutcomeType2Type1
from .referral_outcome_type_3_type_1 import ReferralOutcomeType3Type1
from .referral_page import ReferralPage
from .referral_service import ReferralService
from .referral_service_referral_method import ReferralServiceReferralMethod
from .referral_shared_type_0 import ReferralSharedType0
from .referral_shared_type_0_contact_route_type_0 import ReferralSharedType0ContactRouteType0
from .referral_shared_type_0_contact_route_type_0_by import ReferralSharedType0ContactRouteType0By
from .referral_state import ReferralState
from .referral_state_input import ReferralStateInput
from .referral_state_input_outcome_type_1 import ReferralStateInputOutcomeType1
from .referral_state_input_outcome_type_2_type_1 import ReferralStateInputOutcomeType2Type1
from .referral_state_input_outcome_type_3_type_1 import ReferralStateInputOutcomeType3Type1
from .referral_state_input_state import ReferralStateInputState
from .reopen_case_request import ReopenCaseRequest
from .repeat_caller_lookup import RepeatCallerLookup
from .repeat_caller_result import RepeatCallerResult
from .repeat_caller_result_contact_item import RepeatCallerResultContactItem
from .restricted_identity import RestrictedIdentity
from .retention_report import RetentionReport
from .retention_report_changes import RetentionReportChanges
from .retention_report_due_item import RetentionReportDueItem
from .retention_report_held_item import RetentionReportHeldItem
from .retention_report_schedules_item import RetentionReportSchedulesItem
from .risk_level import RiskLevel
from .role import Role
from .rule_id import RuleId
from .share_field import ShareField
from .share_request import ShareRequest
from .stat_cell_type_1 import StatCellType1
from .stat_list import StatList
from .stat_table import StatTable
from .statistics import Statistics
from .statistics_period import StatisticsPeriod
from .statistics_suppression import StatisticsSuppression
from .statistics_tables import StatisticsTables
from .strand import Strand
from .subject_access_export import SubjectAccessExport
from .subject_access_export_cases_item import SubjectAccessExportCasesItem
from .subject_access_export_cases_item_consent import SubjectAccessExportCasesItemConsent
from .subject_access_export_cases_item_diary_entries_type_0_item import (
    SubjectAccessExportCasesItemDiaryEntriesType0Item,
)
from .subject_access_export_cases_item_incidents_type_0_item import SubjectAccessExportCasesItemIncidentsType0Item
from .subject_access_export_cases_item_interventions_against_you_type_0_item import (
    SubjectAccessExportCasesItemInterventionsAgainstYouType0Item,
)
from .subject_access_export_cases_item_referrals_of_you_type_0_item import (
    SubjectAccessExportCasesItemReferralsOfYouType0Item,
)
from .subject_access_export_cases_item_referrals_of_you_type_0_item_consent_basis import (
    SubjectAccessExportCasesItemReferralsOfYouType0ItemConsentBasis,
)
from .subject_access_export_cases_item_referrals_of_you_type_0_item_shared_type_0 import (
    SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0,
)
from .subject_access_export_cases_item_updates_given_to_you_type_0_item import (
    SubjectAccessExportCasesItemUpdatesGivenToYouType0Item,
)
from .subject_access_export_generated_by import SubjectAccessExportGeneratedBy
from .subject_access_export_subject import SubjectAccessExportSubject
from .subject_access_export_subject_identity import SubjectAccessExportSubjectIdentity
from .suggested_services import SuggestedServices
from .suggested_services_items_item import SuggestedServicesItemsItem
from .suggested_services_items_item_reasons_item import SuggestedServicesItemsItemReasonsItem
from .suggested_services_needs_item import SuggestedServicesNeedsItem
from .target import Target
from .target_breached_event import TargetBreachedEvent
from .target_breached_event_data import TargetBreachedEventData
from .target_due_soon_event import TargetDueSoonEvent
from .target_due_soon_event_data import TargetDueSoonEventData
from .target_kind import TargetKind
from .target_list import TargetList
from .target_page import TargetPage
from .target_performance_table import TargetPerformanceTable
from .target_spec import TargetSpec
from .target_spec_every_or_within import TargetSpecEveryOrWithin
from .target_spec_unit import TargetSpecUnit
from .target_state import TargetState
from .timeline_event import TimelineEvent
from .timeline_event_kind import TimelineEventKind
from .timeline_event_summary import TimelineEventSummary
from .timeline_page import TimelinePage
from .update import Update
from .update_input import UpdateInput
from .update_kind import UpdateKind
from .update_page import UpdatePage
from .victim_input import VictimInput
from .victim_input_role import VictimInputRole
from .victim_satisfied import VictimSatisfied
from .victim_view import VictimView
from .victim_view_input import VictimViewInput
from .webhook_case_event_data import WebhookCaseEventData
from .webhook_case_summary import WebhookCaseSummary
from .webhook_case_summary_open_targets_item import WebhookCaseSummaryOpenTargetsItem
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_page import WebhookDeliveryPage
from .webhook_delivery_state import WebhookDeliveryState
from .webhook_event import WebhookEvent
from .webhook_event_type import WebhookEventType
from .webhook_input import WebhookInput
from .webhook_list import WebhookList
from .webhook_ping_event import WebhookPingEvent
from .webhook_ping_event_data import WebhookPingEventData
from .webhook_ping_event_data_webhook import WebhookPingEventDataWebhook
from .webhook_subscription import WebhookSubscription
from .webhook_subscription_created import WebhookSubscriptionCreated
from .webhook_target_summary import WebhookTargetSummary
from .work_queue_scope import WorkQueueScope
from .work_queue_state import WorkQueueState
from .yes_no import YesNo
from .yes_no_not_sure import YesNoNotSure

__all__ = (
    "AgencyKind",
    "Answers",
    "Assessment",
    "AssessmentPage",
    "AssessmentPolicy",
    "AssessmentPolicyEscalation",
    "AssessmentPolicyHostility",
    "AssessmentPolicyReferrals",
    "AssessmentPolicyTargets",
    "AssessmentPolicyThresholds",
    "AssessmentResult",
    "AuditEvent",
    "AuditPage",
    "Case",
    "CaseClosedEvent",
    "CaseClosedEventData",
    "CaseClosure",
    "CaseClosureList",
    "CaseLevelChangedEvent",
    "CaseLevelChangedEventData",
    "CaseLookupLog",
    "CaseLookupLogHitsItem",
    "CaseLookupLogHitsItemAnsweredType0",
    "CaseLookupLogHitsItemByItem",
    "CaseLookupLogKeysItem",
    "CasePage",
    "CasePatch",
    "CasePatchStatus",
    "CaseReview",
    "CaseReviewAcknowledgementInput",
    "CaseReviewDecisionInput",
    "CaseReviewEscalation",
    "CaseReviewEscalationInput",
    "CaseReviewEscalationResultInput",
    "CaseReviewInput",
    "CaseReviewList",
    "CaseReviewMeeting",
    "CaseReviewMeetingInput",
    "CaseReviewOutcomeInput",
    "CaseReviewRecommendation",
    "CaseReviewRecommendationInput",
    "CaseReviewResult",
    "CaseSharedEvent",
    "CaseSharedEventData",
    "CaseStatus",
    "Category",
    "CategoryInfo",
    "CloseCaseRequest",
    "Consent",
    "ConsentBasis",
    "ConsentInput",
    "ConsentState",
    "DiaryAmendmentInput",
    "DiaryEntry",
    "DiaryEntryAddedEvent",
    "DiaryEntryAddedEventData",
    "DiaryEntryAddedEventDataDiaryEntry",
    "DiaryEntryBatchInput",
    "DiaryEntryBatchItem",
    "DiaryEntryBatchItemEntry",
    "DiaryEntryBatchResult",
    "DiaryEntryBatchResultResultsItem",
    "DiaryEntryInput",
    "DiaryEntryPage",
    "DirectoryService",
    "DirectoryServiceAttributesItem",
    "DirectoryServiceAttributesItemTaxonomyTerm",
    "DirectoryServiceAttributesItemTaxonomyTermVocabulary",
    "DirectoryServiceContactsItem",
    "DirectoryServiceContactsItemPhonesItem",
    "DirectoryServiceOrganization",
    "DirectoryServicePage",
    "DirectoryServiceReferral",
    "DirectoryServiceReferralMethod",
    "DirectoryServiceSchedulesItem",
    "DirectoryServiceServiceAreasItem",
    "DirectoryServiceStatus",
    "EmbedToken",
    "EmbedTokenScopesItem",
    "Erasure",
    "ErasureChanged",
    "ErasureFieldsItem",
    "ErasureInput",
    "EscalationRaisedEvent",
    "EscalationRaisedEventData",
    "EscalationRaisedEventDataFlag",
    "EvaluateRequest",
    "ExportSubjectAccessFormat",
    "FieldError",
    "Flag",
    "FlagList",
    "Frequency",
    "Health",
    "HoldReleaseInput",
    "Incident",
    "IncidentPage",
    "IncidentSource",
    "Intervention",
    "InterventionBreach",
    "InterventionBreachInLaw",
    "InterventionBreachInput",
    "InterventionInput",
    "InterventionInputStatus",
    "InterventionPage",
    "InterventionStatus",
    "InterventionStatusChange",
    "InterventionStatusChangeStatus",
    "InterventionType",
    "Judgement",
    "JudgementInput",
    "LegalHold",
    "LegalHoldInput",
    "LegalHoldList",
    "ListCasesTargetState",
    "ListWebhookDeliveriesState",
    "Me",
    "MeetTargetRequest",
    "Member",
    "MemberList",
    "NeedReason",
    "NsirType",
    "OfficerReportInput",
    "OpenCaseRequest",
    "Party",
    "PartyErasure",
    "PartyInput",
    "PartyList",
    "PartyPatch",
    "PartyRemoval",
    "PartyRemovalInput",
    "PartyRole",
    "PerceivedBy",
    "PolicyQuestion",
    "PolicyQuestionAnswerType",
    "PolicyQuestionGroup",
    "PolicyQuestionPointsType1",
    "Problem",
    "QueuedTarget",
    "Ready",
    "Reason",
    "ReassessRequest",
    "ReassignTargetRequest",
    "Referral",
    "ReferralAnsweredBy",
    "ReferralChangedEvent",
    "ReferralChangedEventData",
    "ReferralChangedEventDataReferral",
    "ReferralConsentBasis",
    "ReferralConsentInput",
    "ReferralHandoverTargetType0",
    "ReferralInput",
    "ReferralInputContactRouteType1",
    "ReferralInputContactRouteType2Type1",
    "ReferralInputContactRouteType3Type1",
    "ReferralOutcomeType1",
    "ReferralOutcomeType2Type1",
    "ReferralOutcomeType3Type1",
    "ReferralPage",
    "ReferralService",
    "ReferralServiceReferralMethod",
    "ReferralSharedType0",
    "ReferralSharedType0ContactRouteType0",
    "ReferralSharedType0ContactRouteType0By",
    "ReferralState",
    "ReferralStateInput",
    "ReferralStateInputOutcomeType1",
    "ReferralStateInputOutcomeType2Type1",
    "ReferralStateInputOutcomeType3Type1",
    "ReferralStateInputState",
    "ReopenCaseRequest",
    "RepeatCallerLookup",
    "RepeatCallerResult",
    "RepeatCallerResultContactItem",
    "RestrictedIdentity",
    "RetentionReport",
    "RetentionReportChanges",
    "RetentionReportDueItem",
    "RetentionReportHeldItem",
    "RetentionReportSchedulesItem",
    "RiskLevel",
    "Role",
    "RuleId",
    "ShareField",
    "ShareRequest",
    "StatCellType1",
    "Statistics",
    "StatisticsPeriod",
    "StatisticsSuppression",
    "StatisticsTables",
    "StatList",
    "StatTable",
    "Strand",
    "SubjectAccessExport",
    "SubjectAccessExportCasesItem",
    "SubjectAccessExportCasesItemConsent",
    "SubjectAccessExportCasesItemDiaryEntriesType0Item",
    "SubjectAccessExportCasesItemIncidentsType0Item",
    "SubjectAccessExportCasesItemInterventionsAgainstYouType0Item",
    "SubjectAccessExportCasesItemReferralsOfYouType0Item",
    "SubjectAccessExportCasesItemReferralsOfYouType0ItemConsentBasis",
    "SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0",
    "SubjectAccessExportCasesItemUpdatesGivenToYouType0Item",
    "SubjectAccessExportGeneratedBy",
    "SubjectAccessExportSubject",
    "SubjectAccessExportSubjectIdentity",
    "SuggestedServices",
    "SuggestedServicesItemsItem",
    "SuggestedServicesItemsItemReasonsItem",
    "SuggestedServicesNeedsItem",
    "Target",
    "TargetBreachedEvent",
    "TargetBreachedEventData",
    "TargetDueSoonEvent",
    "TargetDueSoonEventData",
    "TargetKind",
    "TargetList",
    "TargetPage",
    "TargetPerformanceTable",
    "TargetSpec",
    "TargetSpecEveryOrWithin",
    "TargetSpecUnit",
    "TargetState",
    "TimelineEvent",
    "TimelineEventKind",
    "TimelineEventSummary",
    "TimelinePage",
    "Update",
    "UpdateInput",
    "UpdateKind",
    "UpdatePage",
    "VictimInput",
    "VictimInputRole",
    "VictimSatisfied",
    "VictimView",
    "VictimViewInput",
    "WebhookCaseEventData",
    "WebhookCaseSummary",
    "WebhookCaseSummaryOpenTargetsItem",
    "WebhookDelivery",
    "WebhookDeliveryPage",
    "WebhookDeliveryState",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookInput",
    "WebhookList",
    "WebhookPingEvent",
    "WebhookPingEventData",
    "WebhookPingEventDataWebhook",
    "WebhookSubscription",
    "WebhookSubscriptionCreated",
    "WebhookTargetSummary",
    "WorkQueueScope",
    "WorkQueueState",
    "YesNo",
    "YesNoNotSure",
)
