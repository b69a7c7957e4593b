"""Contains all the data models used in inputs/outputs"""

from .account_update import AccountUpdate
from .account_update_language_type_0 import AccountUpdateLanguageType0
from .achievement import Achievement
from .achievement_create import AchievementCreate
from .achievement_create_kind import AchievementCreateKind
from .achievement_create_participation_type_0 import AchievementCreateParticipationType0
from .achievement_create_stackability_type_0 import AchievementCreateStackabilityType0
from .achievement_create_supervision_type_0 import AchievementCreateSupervisionType0
from .achievement_page import AchievementPage
from .achievement_public import AchievementPublic
from .achievement_public_participation_type_0 import AchievementPublicParticipationType0
from .achievement_public_stackability_type_0 import AchievementPublicStackabilityType0
from .achievement_public_supervision_type_0 import AchievementPublicSupervisionType0
from .add_learning_evidence_files_body import AddLearningEvidenceFilesBody
from .advice import Advice
from .advice_suggestion import AdviceSuggestion
from .appeal_create import AppealCreate
from .attestation import Attestation
from .batch_item import BatchItem
from .batch_item_media_type import BatchItemMediaType
from .batch_item_result import BatchItemResult
from .batch_item_result_status import BatchItemResultStatus
from .batch_push import BatchPush
from .batch_result import BatchResult
from .batch_result_counts import BatchResultCounts
from .body_create import BodyCreate
from .body_issue_token import BodyIssueToken
from .body_issue_token_grant_type import BodyIssueTokenGrantType
from .body_kind import BodyKind
from .body_public import BodyPublic
from .body_ref import BodyRef
from .case_document import CaseDocument
from .case_event_page import CaseEventPage
from .case_event_public import CaseEventPublic
from .case_event_public_detail import CaseEventPublicDetail
from .case_kind import CaseKind
from .case_queue_item import CaseQueueItem
from .case_queue_page import CaseQueuePage
from .case_status import CaseStatus
from .case_view import CaseView
from .cell import Cell
from .change_issued_credential_state_action import ChangeIssuedCredentialStateAction
from .change_page import ChangePage
from .change_public import ChangePublic
from .change_public_new_values import ChangePublicNewValues
from .change_public_old_values import ChangePublicOldValues
from .check_name import CheckName
from .check_public import CheckPublic
from .check_public_evidence import CheckPublicEvidence
from .check_view import CheckView
from .claim_result import ClaimResult
from .client_create import ClientCreate
from .client_created import ClientCreated
from .client_key_set import ClientKeySet
from .client_key_set_keys_item import ClientKeySetKeysItem
from .collect_result import CollectResult
from .compare_result import CompareResult
from .compare_result_outcome import CompareResultOutcome
from .compare_source import CompareSource
from .completeness import Completeness
from .completeness_basis import CompletenessBasis
from .completeness_request import CompletenessRequest
from .consent_kind import ConsentKind
from .consent_page import ConsentPage
from .consent_public import ConsentPublic
from .converted_credits import ConvertedCredits
from .cost_input import CostInput
from .cost_output import CostOutput
from .credential_format import CredentialFormat
from .credential_page import CredentialPage
from .credential_public import CredentialPublic
from .credential_update import CredentialUpdate
from .credit_conversion import CreditConversion
from .credit_conversion_request import CreditConversionRequest
from .credit_rule_correction import CreditRuleCorrection
from .credit_rule_correction_basis_type_0 import CreditRuleCorrectionBasisType0
from .credit_rule_correction_status_type_0 import CreditRuleCorrectionStatusType0
from .credit_rule_create import CreditRuleCreate
from .credit_rule_public import CreditRulePublic
from .credit_rule_public_basis import CreditRulePublicBasis
from .credit_rule_public_scope import CreditRulePublicScope
from .credit_rule_public_status import CreditRulePublicStatus
from .credit_value import CreditValue
from .credits_ import Credits
from .decision_create import DecisionCreate
from .decision_public import DecisionPublic
from .declared_qualification_input import DeclaredQualificationInput
from .declared_qualification_output import DeclaredQualificationOutput
from .deferred_credential import DeferredCredential
from .delivery_public import DeliveryPublic
from .delivery_public_status import DeliveryPublicStatus
from .documents_add import DocumentsAdd
from .element_assessment import ElementAssessment
from .element_assessment_element import ElementAssessmentElement
from .element_assessment_evidence import ElementAssessmentEvidence
from .element_assessment_finding import ElementAssessmentFinding
from .element_status import ElementStatus
from .element_status_element import ElementStatusElement
from .element_status_state import ElementStatusState
from .endorsement_confirm import EndorsementConfirm
from .endorsement_invitation import EndorsementInvitation
from .endorsement_public import EndorsementPublic
from .endorsement_request_create import EndorsementRequestCreate
from .endorsement_request_created import EndorsementRequestCreated
from .endorsement_request_created_status import EndorsementRequestCreatedStatus
from .endorsement_request_public import EndorsementRequestPublic
from .endorsement_request_public_status import EndorsementRequestPublicStatus
from .endorser_public import EndorserPublic
from .entry_for_endorser import EntryForEndorser
from .eqf_reading import EqfReading
from .eqf_reading_basis import EqfReadingBasis
from .eqf_reading_status_type_0 import EqfReadingStatusType0
from .erasure_request import ErasureRequest
from .evidence_listed import EvidenceListed
from .evidence_public import EvidencePublic
from .evidence_public_media_type import EvidencePublicMediaType
from .export_request import ExportRequest
from .field_of_study import FieldOfStudy
from .field_of_study_status_type_0 import FieldOfStudyStatusType0
from .framework_levels import FrameworkLevels
from .framework_public import FrameworkPublic
from .framework_public_kind import FrameworkPublicKind
from .framework_public_status import FrameworkPublicStatus
from .get_authorization_server_metadata_response_getauthorizationservermetadata import (
    GetAuthorizationServerMetadataResponseGetauthorizationservermetadata,
)
from .get_credential_issuer_metadata_response_getcredentialissuermetadata import (
    GetCredentialIssuerMetadataResponseGetcredentialissuermetadata,
)
from .get_institution_keys_response_getinstitutionkeys import GetInstitutionKeysResponseGetinstitutionkeys
from .get_jwt_vc_issuer_metadata_response_getjwtvcissuermetadata import (
    GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata,
)
from .get_recognition_body_keys_response_getrecognitionbodykeys import (
    GetRecognitionBodyKeysResponseGetrecognitionbodykeys,
)
from .get_recognition_body_status_list_document import GetRecognitionBodyStatusListDocument
from .get_status_list_document import GetStatusListDocument
from .get_transaction_log_format import GetTransactionLogFormat
from .get_transaction_log_type_type_0_item import GetTransactionLogTypeType0Item
from .get_uptake_statistics_format_type_0 import GetUptakeStatisticsFormatType0
from .grade import Grade
from .grade_band import GradeBand
from .grade_conversion import GradeConversion
from .grade_conversion_request import GradeConversionRequest
from .grade_count import GradeCount
from .grade_distribution_type_0 import GradeDistributionType0
from .grading_table_create import GradingTableCreate
from .grading_table_create_cycle import GradingTableCreateCycle
from .grading_table_public import GradingTablePublic
from .grading_table_public_cycle import GradingTablePublicCycle
from .grading_table_public_grades_item import GradingTablePublicGradesItem
from .grading_table_ref import GradingTableRef
from .health import Health
from .home_band import HomeBand
from .http_validation_error import HTTPValidationError
from .import_credential_files_body import ImportCredentialFilesBody
from .import_result import ImportResult
from .import_result_counts import ImportResultCounts
from .import_wallet_files_body import ImportWalletFilesBody
from .inbox_item_public import InboxItemPublic
from .inbox_item_public_source import InboxItemPublicSource
from .inbox_item_public_status import InboxItemPublicStatus
from .inbox_item_public_summary import InboxItemPublicSummary
from .inbox_page import InboxPage
from .information_request import InformationRequest
from .institution_create import InstitutionCreate
from .institution_created import InstitutionCreated
from .institution_created_auth_method import InstitutionCreatedAuthMethod
from .institution_event_page import InstitutionEventPage
from .institution_event_public import InstitutionEventPublic
from .institution_event_public_data import InstitutionEventPublicData
from .institution_kind import InstitutionKind
from .institution_ref import InstitutionRef
from .interview_record import InterviewRecord
from .invitation_claim import InvitationClaim
from .issue_item import IssueItem
from .issue_item_result import IssueItemResult
from .issue_item_result_status import IssueItemResultStatus
from .issue_recipient import IssueRecipient
from .issue_request import IssueRequest
from .issue_request_delivery import IssueRequestDelivery
from .issue_request_formats_item import IssueRequestFormatsItem
from .issue_result import IssueResult
from .issued_public import IssuedPublic
from .issued_public_state import IssuedPublicState
from .issued_public_status_list import IssuedPublicStatusList
from .issuer import Issuer
from .issuer_ref import IssuerRef
from .item_problem import ItemProblem
from .jwks import JWKS
from .jwks_keys_item import JWKSKeysItem
from .learner import Learner
from .learning_entry_create import LearningEntryCreate
from .learning_entry_page import LearningEntryPage
from .learning_entry_public import LearningEntryPublic
from .learning_entry_update import LearningEntryUpdate
from .learning_kind import LearningKind
from .level import Level
from .level_correction import LevelCorrection
from .level_correction_qf_ehea_cycle_type_0 import LevelCorrectionQfEheaCycleType0
from .level_correction_status_type_0 import LevelCorrectionStatusType0
from .level_public import LevelPublic
from .level_public_descriptors_type_0 import LevelPublicDescriptorsType0
from .level_public_qf_ehea_cycle_type_0 import LevelPublicQfEheaCycleType0
from .level_public_status import LevelPublicStatus
from .linked_part import LinkedPart
from .list_grading_tables_cycle_type_0 import ListGradingTablesCycleType0
from .list_inbox_status_type_0 import ListInboxStatusType0
from .list_webhook_deliveries_status_type_0 import ListWebhookDeliveriesStatusType0
from .log_entry import LogEntry
from .log_entry_type import LogEntryType
from .log_page import LogPage
from .measure_statistics import MeasureStatistics
from .measure_statistics_breakdowns import MeasureStatisticsBreakdowns
from .measure_statistics_measure import MeasureStatisticsMeasure
from .national_level_input import NationalLevelInput
from .note_create import NoteCreate
from .offer_collect import OfferCollect
from .offer_collect_offer_type_1 import OfferCollectOfferType1
from .offer_create import OfferCreate
from .offer_create_participation_type_0 import OfferCreateParticipationType0
from .offer_create_stackability_type_0 import OfferCreateStackabilityType0
from .offer_create_supervision_type_0 import OfferCreateSupervisionType0
from .offer_page import OfferPage
from .offer_suggestion import OfferSuggestion
from .offer_suggestion_participation_type_0 import OfferSuggestionParticipationType0
from .offer_update import OfferUpdate
from .offer_update_participation_type_0 import OfferUpdateParticipationType0
from .offer_update_stackability_type_0 import OfferUpdateStackabilityType0
from .offer_update_status_type_0 import OfferUpdateStatusType0
from .offer_update_supervision_type_0 import OfferUpdateSupervisionType0
from .open_share_share_landing import OpenShareShareLanding
from .open_share_share_landing_recipient import OpenShareShareLandingRecipient
from .outcome_coverage import OutcomeCoverage
from .outcome_in_input import OutcomeInInput
from .outcome_in_output import OutcomeInOutput
from .outcome_input import OutcomeInput
from .outcome_match import OutcomeMatch
from .outcome_match_basis import OutcomeMatchBasis
from .outcome_statement_input import OutcomeStatementInput
from .outcome_statement_output import OutcomeStatementOutput
from .packet_levels import PacketLevels
from .packet_levels_qf_ehea_cycles_item import PacketLevelsQfEheaCyclesItem
from .place_input import PlaceInput
from .place_output import PlaceOutput
from .precedent import Precedent
from .precedent_list import PrecedentList
from .precedent_list_basis import PrecedentListBasis
from .precedent_match import PrecedentMatch
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .provider_ref import ProviderRef
from .purpose import Purpose
from .quality_assurance import QualityAssurance
from .quality_assurance_in_input import QualityAssuranceInInput
from .quality_assurance_in_output import QualityAssuranceInOutput
from .quality_assurance_status import QualityAssuranceStatus
from .quality_assurance_status_registry_type_0 import QualityAssuranceStatusRegistryType0
from .quality_assurance_status_state import QualityAssuranceStatusState
from .quality_assurance_status_stated_type_0 import QualityAssuranceStatusStatedType0
from .reading import Reading
from .recipient import Recipient
from .recognition_cases_models_outcome import RecognitionCasesModelsOutcome
from .recognition_offers_schemas_offer_public import RecognitionOffersSchemasOfferPublic
from .recognition_offers_schemas_offer_public_ects_basis_type_0 import RecognitionOffersSchemasOfferPublicEctsBasisType0
from .recognition_offers_schemas_offer_public_participation_type_0 import (
    RecognitionOffersSchemasOfferPublicParticipationType0,
)
from .recognition_offers_schemas_offer_public_stackability_type_0 import (
    RecognitionOffersSchemasOfferPublicStackabilityType0,
)
from .recognition_offers_schemas_offer_public_status import RecognitionOffersSchemasOfferPublicStatus
from .recognition_offers_schemas_offer_public_supervision_type_0 import (
    RecognitionOffersSchemasOfferPublicSupervisionType0,
)
from .recognition_packet import RecognitionPacket
from .recognition_packet_issuer_type_0 import RecognitionPacketIssuerType0
from .recognition_request_create import RecognitionRequestCreate
from .recognition_request_page import RecognitionRequestPage
from .recognition_request_public import RecognitionRequestPublic
from .recognition_schemas_national_level import RecognitionSchemasNationalLevel
from .requested_endorser_input import RequestedEndorserInput
from .requested_endorser_output import RequestedEndorserOutput
from .role import Role
from .rotate_institution_key_response_rotateinstitutionkey import RotateInstitutionKeyResponseRotateinstitutionkey
from .sensitive_field_warning import SensitiveFieldWarning
from .share_create import ShareCreate
from .share_created import ShareCreated
from .share_created_state import ShareCreatedState
from .share_event_page import ShareEventPage
from .share_event_public import ShareEventPublic
from .share_event_public_event import ShareEventPublicEvent
from .share_event_public_viewer_class import ShareEventPublicViewerClass
from .share_item_create import ShareItemCreate
from .share_item_create_fields_item import ShareItemCreateFieldsItem
from .share_item_public import ShareItemPublic
from .share_page import SharePage
from .share_preview import SharePreview
from .share_public import SharePublic
from .share_public_state import SharePublicState
from .share_recipient import ShareRecipient
from .share_update import ShareUpdate
from .shared_credential import SharedCredential
from .shared_credential_fields import SharedCredentialFields
from .shared_credential_recognition_type_0 import SharedCredentialRecognitionType0
from .shared_credential_validity import SharedCredentialValidity
from .shared_skill import SharedSkill
from .signup_request import SignupRequest
from .skill_credential import SkillCredential
from .skill_public import SkillPublic
from .skills_profile import SkillsProfile
from .skipped_credential import SkippedCredential
from .stack_item import StackItem
from .stack_request import StackRequest
from .stack_result import StackResult
from .stack_target import StackTarget
from .stack_totals import StackTotals
from .stack_totals_ects_by_eqf_level import StackTotalsEctsByEqfLevel
from .stacked_summary import StackedSummary
from .state_change import StateChange
from .stated_level import StatedLevel
from .substantial_difference_input import SubstantialDifferenceInput
from .substantial_difference_input_element import SubstantialDifferenceInputElement
from .substantial_difference_output import SubstantialDifferenceOutput
from .substantial_difference_output_element import SubstantialDifferenceOutputElement
from .summary import Summary
from .summary_missing_item import SummaryMissingItem
from .target_levels import TargetLevels
from .target_qualification_create import TargetQualificationCreate
from .target_qualification_public import TargetQualificationPublic
from .token_response import TokenResponse
from .trust_certificate_create import TrustCertificateCreate
from .trust_entry_public import TrustEntryPublic
from .trust_entry_public_accreditation import TrustEntryPublicAccreditation
from .trust_entry_public_keys_item import TrustEntryPublicKeysItem
from .trust_issuer_create import TrustIssuerCreate
from .trust_issuer_create_accreditation import TrustIssuerCreateAccreditation
from .trust_issuer_create_keys_item import TrustIssuerCreateKeysItem
from .uncovered_outcome import UncoveredOutcome
from .uncovered_outcome_nearest_basis_type_0 import UncoveredOutcomeNearestBasisType0
from .uptake_statistics import UptakeStatistics
from .user_public import UserPublic
from .user_public_language import UserPublicLanguage
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .verification_basis import VerificationBasis
from .verification_basis_state import VerificationBasisState
from .verification_brief import VerificationBrief
from .verification_brief_checks import VerificationBriefChecks
from .verification_public import VerificationPublic
from .verification_view import VerificationView
from .verify_document_files_body import VerifyDocumentFilesBody
from .wallet_issuing_schemas_national_level import WalletIssuingSchemasNationalLevel
from .wallet_issuing_schemas_offer_public import WalletIssuingSchemasOfferPublic
from .wallet_learning_schemas_learning_outcome_input import WalletLearningSchemasLearningOutcomeInput
from .wallet_learning_schemas_learning_outcome_output import WalletLearningSchemasLearningOutcomeOutput
from .wallet_summary_model_learning_outcome import WalletSummaryModelLearningOutcome
from .wallet_verification_result_outcome import WalletVerificationResultOutcome
from .webhook_delivery_page import WebhookDeliveryPage
from .webhook_delivery_public import WebhookDeliveryPublic
from .webhook_delivery_public_status import WebhookDeliveryPublicStatus
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_create_event_types_item import WebhookEndpointCreateEventTypesItem
from .webhook_endpoint_created import WebhookEndpointCreated
from .webhook_endpoint_list import WebhookEndpointList
from .webhook_endpoint_public import WebhookEndpointPublic
from .webhook_secret_rotated import WebhookSecretRotated

__all__ = (
    "AccountUpdate",
    "AccountUpdateLanguageType0",
    "Achievement",
    "AchievementCreate",
    "AchievementCreateKind",
    "AchievementCreateParticipationType0",
    "AchievementCreateStackabilityType0",
    "AchievementCreateSupervisionType0",
    "AchievementPage",
    "AchievementPublic",
    "AchievementPublicParticipationType0",
    "AchievementPublicStackabilityType0",
    "AchievementPublicSupervisionType0",
    "AddLearningEvidenceFilesBody",
    "Advice",
    "AdviceSuggestion",
    "AppealCreate",
    "Attestation",
    "BatchItem",
    "BatchItemMediaType",
    "BatchItemResult",
    "BatchItemResultStatus",
    "BatchPush",
    "BatchResult",
    "BatchResultCounts",
    "BodyCreate",
    "BodyIssueToken",
    "BodyIssueTokenGrantType",
    "BodyKind",
    "BodyPublic",
    "BodyRef",
    "CaseDocument",
    "CaseEventPage",
    "CaseEventPublic",
    "CaseEventPublicDetail",
    "CaseKind",
    "CaseQueueItem",
    "CaseQueuePage",
    "CaseStatus",
    "CaseView",
    "Cell",
    "ChangeIssuedCredentialStateAction",
    "ChangePage",
    "ChangePublic",
    "ChangePublicNewValues",
    "ChangePublicOldValues",
    "CheckName",
    "CheckPublic",
    "CheckPublicEvidence",
    "CheckView",
    "ClaimResult",
    "ClientCreate",
    "ClientCreated",
    "ClientKeySet",
    "ClientKeySetKeysItem",
    "CollectResult",
    "CompareResult",
    "CompareResultOutcome",
    "CompareSource",
    "Completeness",
    "CompletenessBasis",
    "CompletenessRequest",
    "ConsentKind",
    "ConsentPage",
    "ConsentPublic",
    "ConvertedCredits",
    "CostInput",
    "CostOutput",
    "CredentialFormat",
    "CredentialPage",
    "CredentialPublic",
    "CredentialUpdate",
    "CreditConversion",
    "CreditConversionRequest",
    "CreditRuleCorrection",
    "CreditRuleCorrectionBasisType0",
    "CreditRuleCorrectionStatusType0",
    "CreditRuleCreate",
    "CreditRulePublic",
    "CreditRulePublicBasis",
    "CreditRulePublicScope",
    "CreditRulePublicStatus",
    "Credits",
    "CreditValue",
    "DecisionCreate",
    "DecisionPublic",
    "DeclaredQualificationInput",
    "DeclaredQualificationOutput",
    "DeferredCredential",
    "DeliveryPublic",
    "DeliveryPublicStatus",
    "DocumentsAdd",
    "ElementAssessment",
    "ElementAssessmentElement",
    "ElementAssessmentEvidence",
    "ElementAssessmentFinding",
    "ElementStatus",
    "ElementStatusElement",
    "ElementStatusState",
    "EndorsementConfirm",
    "EndorsementInvitation",
    "EndorsementPublic",
    "EndorsementRequestCreate",
    "EndorsementRequestCreated",
    "EndorsementRequestCreatedStatus",
    "EndorsementRequestPublic",
    "EndorsementRequestPublicStatus",
    "EndorserPublic",
    "EntryForEndorser",
    "EqfReading",
    "EqfReadingBasis",
    "EqfReadingStatusType0",
    "ErasureRequest",
    "EvidenceListed",
    "EvidencePublic",
    "EvidencePublicMediaType",
    "ExportRequest",
    "FieldOfStudy",
    "FieldOfStudyStatusType0",
    "FrameworkLevels",
    "FrameworkPublic",
    "FrameworkPublicKind",
    "FrameworkPublicStatus",
    "GetAuthorizationServerMetadataResponseGetauthorizationservermetadata",
    "GetCredentialIssuerMetadataResponseGetcredentialissuermetadata",
    "GetInstitutionKeysResponseGetinstitutionkeys",
    "GetJwtVcIssuerMetadataResponseGetjwtvcissuermetadata",
    "GetRecognitionBodyKeysResponseGetrecognitionbodykeys",
    "GetRecognitionBodyStatusListDocument",
    "GetStatusListDocument",
    "GetTransactionLogFormat",
    "GetTransactionLogTypeType0Item",
    "GetUptakeStatisticsFormatType0",
    "Grade",
    "GradeBand",
    "GradeConversion",
    "GradeConversionRequest",
    "GradeCount",
    "GradeDistributionType0",
    "GradingTableCreate",
    "GradingTableCreateCycle",
    "GradingTablePublic",
    "GradingTablePublicCycle",
    "GradingTablePublicGradesItem",
    "GradingTableRef",
    "Health",
    "HomeBand",
    "HTTPValidationError",
    "ImportCredentialFilesBody",
    "ImportResult",
    "ImportResultCounts",
    "ImportWalletFilesBody",
    "InboxItemPublic",
    "InboxItemPublicSource",
    "InboxItemPublicStatus",
    "InboxItemPublicSummary",
    "InboxPage",
    "InformationRequest",
    "InstitutionCreate",
    "InstitutionCreated",
    "InstitutionCreatedAuthMethod",
    "InstitutionEventPage",
    "InstitutionEventPublic",
    "InstitutionEventPublicData",
    "InstitutionKind",
    "InstitutionRef",
    "InterviewRecord",
    "InvitationClaim",
    "IssuedPublic",
    "IssuedPublicState",
    "IssuedPublicStatusList",
    "IssueItem",
    "IssueItemResult",
    "IssueItemResultStatus",
    "Issuer",
    "IssueRecipient",
    "IssueRequest",
    "IssueRequestDelivery",
    "IssueRequestFormatsItem",
    "IssueResult",
    "IssuerRef",
    "ItemProblem",
    "JWKS",
    "JWKSKeysItem",
    "Learner",
    "LearningEntryCreate",
    "LearningEntryPage",
    "LearningEntryPublic",
    "LearningEntryUpdate",
    "LearningKind",
    "Level",
    "LevelCorrection",
    "LevelCorrectionQfEheaCycleType0",
    "LevelCorrectionStatusType0",
    "LevelPublic",
    "LevelPublicDescriptorsType0",
    "LevelPublicQfEheaCycleType0",
    "LevelPublicStatus",
    "LinkedPart",
    "ListGradingTablesCycleType0",
    "ListInboxStatusType0",
    "ListWebhookDeliveriesStatusType0",
    "LogEntry",
    "LogEntryType",
    "LogPage",
    "MeasureStatistics",
    "MeasureStatisticsBreakdowns",
    "MeasureStatisticsMeasure",
    "NationalLevelInput",
    "NoteCreate",
    "OfferCollect",
    "OfferCollectOfferType1",
    "OfferCreate",
    "OfferCreateParticipationType0",
    "OfferCreateStackabilityType0",
    "OfferCreateSupervisionType0",
    "OfferPage",
    "OfferSuggestion",
    "OfferSuggestionParticipationType0",
    "OfferUpdate",
    "OfferUpdateParticipationType0",
    "OfferUpdateStackabilityType0",
    "OfferUpdateStatusType0",
    "OfferUpdateSupervisionType0",
    "OpenShareShareLanding",
    "OpenShareShareLandingRecipient",
    "OutcomeCoverage",
    "OutcomeInInput",
    "OutcomeInOutput",
    "OutcomeInput",
    "OutcomeMatch",
    "OutcomeMatchBasis",
    "OutcomeStatementInput",
    "OutcomeStatementOutput",
    "PacketLevels",
    "PacketLevelsQfEheaCyclesItem",
    "PlaceInput",
    "PlaceOutput",
    "Precedent",
    "PrecedentList",
    "PrecedentListBasis",
    "PrecedentMatch",
    "Problem",
    "ProblemErrorsType0Item",
    "ProviderRef",
    "Purpose",
    "QualityAssurance",
    "QualityAssuranceInInput",
    "QualityAssuranceInOutput",
    "QualityAssuranceStatus",
    "QualityAssuranceStatusRegistryType0",
    "QualityAssuranceStatusState",
    "QualityAssuranceStatusStatedType0",
    "Reading",
    "Recipient",
    "RecognitionCasesModelsOutcome",
    "RecognitionOffersSchemasOfferPublic",
    "RecognitionOffersSchemasOfferPublicEctsBasisType0",
    "RecognitionOffersSchemasOfferPublicParticipationType0",
    "RecognitionOffersSchemasOfferPublicStackabilityType0",
    "RecognitionOffersSchemasOfferPublicStatus",
    "RecognitionOffersSchemasOfferPublicSupervisionType0",
    "RecognitionPacket",
    "RecognitionPacketIssuerType0",
    "RecognitionRequestCreate",
    "RecognitionRequestPage",
    "RecognitionRequestPublic",
    "RecognitionSchemasNationalLevel",
    "RequestedEndorserInput",
    "RequestedEndorserOutput",
    "Role",
    "RotateInstitutionKeyResponseRotateinstitutionkey",
    "SensitiveFieldWarning",
    "ShareCreate",
    "ShareCreated",
    "ShareCreatedState",
    "SharedCredential",
    "SharedCredentialFields",
    "SharedCredentialRecognitionType0",
    "SharedCredentialValidity",
    "SharedSkill",
    "ShareEventPage",
    "ShareEventPublic",
    "ShareEventPublicEvent",
    "ShareEventPublicViewerClass",
    "ShareItemCreate",
    "ShareItemCreateFieldsItem",
    "ShareItemPublic",
    "SharePage",
    "SharePreview",
    "SharePublic",
    "SharePublicState",
    "ShareRecipient",
    "ShareUpdate",
    "SignupRequest",
    "SkillCredential",
    "SkillPublic",
    "SkillsProfile",
    "SkippedCredential",
    "StackedSummary",
    "StackItem",
    "StackRequest",
    "StackResult",
    "StackTarget",
    "StackTotals",
    "StackTotalsEctsByEqfLevel",
    "StateChange",
    "StatedLevel",
    "SubstantialDifferenceInput",
    "SubstantialDifferenceInputElement",
    "SubstantialDifferenceOutput",
    "SubstantialDifferenceOutputElement",
    "Summary",
    "SummaryMissingItem",
    "TargetLevels",
    "TargetQualificationCreate",
    "TargetQualificationPublic",
    "TokenResponse",
    "TrustCertificateCreate",
    "TrustEntryPublic",
    "TrustEntryPublicAccreditation",
    "TrustEntryPublicKeysItem",
    "TrustIssuerCreate",
    "TrustIssuerCreateAccreditation",
    "TrustIssuerCreateKeysItem",
    "UncoveredOutcome",
    "UncoveredOutcomeNearestBasisType0",
    "UptakeStatistics",
    "UserPublic",
    "UserPublicLanguage",
    "ValidationError",
    "ValidationErrorContext",
    "VerificationBasis",
    "VerificationBasisState",
    "VerificationBrief",
    "VerificationBriefChecks",
    "VerificationPublic",
    "VerificationView",
    "VerifyDocumentFilesBody",
    "WalletIssuingSchemasNationalLevel",
    "WalletIssuingSchemasOfferPublic",
    "WalletLearningSchemasLearningOutcomeInput",
    "WalletLearningSchemasLearningOutcomeOutput",
    "WalletSummaryModelLearningOutcome",
    "WalletVerificationResultOutcome",
    "WebhookDeliveryPage",
    "WebhookDeliveryPublic",
    "WebhookDeliveryPublicStatus",
    "WebhookEndpointCreate",
    "WebhookEndpointCreated",
    "WebhookEndpointCreateEventTypesItem",
    "WebhookEndpointList",
    "WebhookEndpointPublic",
    "WebhookSecretRotated",
)
