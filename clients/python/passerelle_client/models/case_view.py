from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_kind import CaseKind
from ..models.case_status import CaseStatus
from ..models.purpose import Purpose
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_document import CaseDocument
    from ..models.decision_public import DecisionPublic
    from ..models.declared_qualification_output import DeclaredQualificationOutput
    from ..models.learning_entry_public import LearningEntryPublic
    from ..models.target_qualification_public import TargetQualificationPublic


T = TypeVar("T", bound="CaseView")


@_attrs_define
class CaseView:
    """A case as the body's officers see it: only what the learner released to the body.

    Attributes:
        id (UUID):
        kind (CaseKind):
        purpose (Purpose):
        status (CaseStatus):
        learner (str): The learner's display name.
        target_title (None | str):
        assigned_officer_id (None | UUID):
        submitted_at (datetime.datetime):
        due_at (datetime.datetime):
        overdue (bool):
        statement (str):
        declared (list[DeclaredQualificationOutput]):
        target (None | TargetQualificationPublic):
        documents (list[CaseDocument]): The released fields of each shared credential (active shares).
        interview_at (datetime.datetime | None):
        decided_at (datetime.datetime | None):
        appeal_deadline (datetime.date | None):
        decisions (list[DecisionPublic]):
        version (int):
        learning_entries (list[LearningEntryPublic] | Unset): Self-recorded learning the learner attached, each labelled
            `self_declared` or `endorsed`, with its endorsements and its evidence files (download them through
            `/v1/recognition/cases/{case_id}/learning/{entry_id}/evidence/{evidence_id}`).
    """

    id: UUID
    kind: CaseKind
    purpose: Purpose
    status: CaseStatus
    learner: str
    target_title: None | str
    assigned_officer_id: None | UUID
    submitted_at: datetime.datetime
    due_at: datetime.datetime
    overdue: bool
    statement: str
    declared: list[DeclaredQualificationOutput]
    target: None | TargetQualificationPublic
    documents: list[CaseDocument]
    interview_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    appeal_deadline: datetime.date | None
    decisions: list[DecisionPublic]
    version: int
    learning_entries: list[LearningEntryPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.target_qualification_public import TargetQualificationPublic  # noqa: PLC0415

        id = str(self.id)

        kind = self.kind.value

        purpose = self.purpose.value

        status = self.status.value

        learner = self.learner

        target_title: None | str
        target_title = self.target_title

        assigned_officer_id: None | str
        if isinstance(self.assigned_officer_id, UUID):
            assigned_officer_id = str(self.assigned_officer_id)
        else:
            assigned_officer_id = self.assigned_officer_id

        submitted_at = self.submitted_at.isoformat()

        due_at = self.due_at.isoformat()

        overdue = self.overdue

        statement = self.statement

        declared = []
        for declared_item_data in self.declared:
            declared_item = declared_item_data.to_dict()
            declared.append(declared_item)

        target: dict[str, Any] | None
        if isinstance(self.target, TargetQualificationPublic):
            target = self.target.to_dict()
        else:
            target = self.target

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        interview_at: None | str
        if isinstance(self.interview_at, datetime.datetime):
            interview_at = self.interview_at.isoformat()
        else:
            interview_at = self.interview_at

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        appeal_deadline: None | str
        if isinstance(self.appeal_deadline, datetime.date):
            appeal_deadline = self.appeal_deadline.isoformat()
        else:
            appeal_deadline = self.appeal_deadline

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        version = self.version

        learning_entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learning_entries, Unset):
            learning_entries = []
            for learning_entries_item_data in self.learning_entries:
                learning_entries_item = learning_entries_item_data.to_dict()
                learning_entries.append(learning_entries_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "purpose": purpose,
                "status": status,
                "learner": learner,
                "target_title": target_title,
                "assigned_officer_id": assigned_officer_id,
                "submitted_at": submitted_at,
                "due_at": due_at,
                "overdue": overdue,
                "statement": statement,
                "declared": declared,
                "target": target,
                "documents": documents,
                "interview_at": interview_at,
                "decided_at": decided_at,
                "appeal_deadline": appeal_deadline,
                "decisions": decisions,
                "version": version,
            }
        )
        if learning_entries is not UNSET:
            field_dict["learning_entries"] = learning_entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_document import CaseDocument  # noqa: PLC0415
        from ..models.decision_public import DecisionPublic  # noqa: PLC0415
        from ..models.declared_qualification_output import DeclaredQualificationOutput  # noqa: PLC0415
        from ..models.learning_entry_public import LearningEntryPublic  # noqa: PLC0415
        from ..models.target_qualification_public import TargetQualificationPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = CaseKind(d.pop("kind"))

        purpose = Purpose(d.pop("purpose"))

        status = CaseStatus(d.pop("status"))

        learner = d.pop("learner")

        def _parse_target_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_title = _parse_target_title(d.pop("target_title"))

        def _parse_assigned_officer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_officer_id_type_0 = UUID(data)

                return assigned_officer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assigned_officer_id = _parse_assigned_officer_id(d.pop("assigned_officer_id"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        overdue = d.pop("overdue")

        statement = d.pop("statement")

        declared = []
        _declared = d.pop("declared")
        for declared_item_data in _declared:
            declared_item = DeclaredQualificationOutput.from_dict(declared_item_data)

            declared.append(declared_item)

        def _parse_target(data: object) -> None | TargetQualificationPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = TargetQualificationPublic.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TargetQualificationPublic, data)

        target = _parse_target(d.pop("target"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = CaseDocument.from_dict(documents_item_data)

            documents.append(documents_item)

        def _parse_interview_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interview_at_type_0 = datetime.datetime.fromisoformat(data)

                return interview_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        interview_at = _parse_interview_at(d.pop("interview_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_appeal_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appeal_deadline_type_0 = datetime.date.fromisoformat(data)

                return appeal_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        appeal_deadline = _parse_appeal_deadline(d.pop("appeal_deadline"))

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = DecisionPublic.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        version = d.pop("version")

        _learning_entries = d.pop("learning_entries", UNSET)
        learning_entries: list[LearningEntryPublic] | Unset = UNSET
        if _learning_entries is not UNSET:
            learning_entries = []
            for learning_entries_item_data in _learning_entries:
                learning_entries_item = LearningEntryPublic.from_dict(learning_entries_item_data)

                learning_entries.append(learning_entries_item)

        case_view = cls(
            id=id,
            kind=kind,
            purpose=purpose,
            status=status,
            learner=learner,
            target_title=target_title,
            assigned_officer_id=assigned_officer_id,
            submitted_at=submitted_at,
            due_at=due_at,
            overdue=overdue,
            statement=statement,
            declared=declared,
            target=target,
            documents=documents,
            interview_at=interview_at,
            decided_at=decided_at,
            appeal_deadline=appeal_deadline,
            decisions=decisions,
            version=version,
            learning_entries=learning_entries,
        )

        case_view.additional_properties = d
        return case_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
