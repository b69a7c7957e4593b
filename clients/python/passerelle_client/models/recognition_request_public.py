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
    from ..models.body_ref import BodyRef
    from ..models.decision_public import DecisionPublic
    from ..models.declared_qualification_output import DeclaredQualificationOutput
    from ..models.target_qualification_public import TargetQualificationPublic


T = TypeVar("T", bound="RecognitionRequestPublic")


@_attrs_define
class RecognitionRequestPublic:
    """A recognition request as the learner sees it.

    Attributes:
        id (UUID):
        body (BodyRef):
        kind (CaseKind):
        purpose (Purpose):
        target (None | TargetQualificationPublic):
        statement (str):
        declared (list[DeclaredQualificationOutput]):
        status (CaseStatus):
        share_ids (list[UUID]): The shares that release your documents to the body.
        submitted_at (datetime.datetime):
        due_at (datetime.datetime): The body's announced time limit for a decision.
        overdue (bool):
        interview_at (datetime.datetime | None):
        decided_at (datetime.datetime | None):
        appeal_deadline (datetime.date | None):
        decisions (list[DecisionPublic]):
        version (int):
        learning_entry_ids (list[UUID] | Unset): Your self-recorded learning entries attached to the request.
    """

    id: UUID
    body: BodyRef
    kind: CaseKind
    purpose: Purpose
    target: None | TargetQualificationPublic
    statement: str
    declared: list[DeclaredQualificationOutput]
    status: CaseStatus
    share_ids: list[UUID]
    submitted_at: datetime.datetime
    due_at: datetime.datetime
    overdue: bool
    interview_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    appeal_deadline: datetime.date | None
    decisions: list[DecisionPublic]
    version: int
    learning_entry_ids: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.target_qualification_public import TargetQualificationPublic  # noqa: PLC0415

        id = str(self.id)

        body = self.body.to_dict()

        kind = self.kind.value

        purpose = self.purpose.value

        target: dict[str, Any] | None
        if isinstance(self.target, TargetQualificationPublic):
            target = self.target.to_dict()
        else:
            target = self.target

        statement = self.statement

        declared = []
        for declared_item_data in self.declared:
            declared_item = declared_item_data.to_dict()
            declared.append(declared_item)

        status = self.status.value

        share_ids = []
        for share_ids_item_data in self.share_ids:
            share_ids_item = str(share_ids_item_data)
            share_ids.append(share_ids_item)

        submitted_at = self.submitted_at.isoformat()

        due_at = self.due_at.isoformat()

        overdue = self.overdue

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

        learning_entry_ids: list[str] | Unset = UNSET
        if not isinstance(self.learning_entry_ids, Unset):
            learning_entry_ids = []
            for learning_entry_ids_item_data in self.learning_entry_ids:
                learning_entry_ids_item = str(learning_entry_ids_item_data)
                learning_entry_ids.append(learning_entry_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "body": body,
                "kind": kind,
                "purpose": purpose,
                "target": target,
                "statement": statement,
                "declared": declared,
                "status": status,
                "share_ids": share_ids,
                "submitted_at": submitted_at,
                "due_at": due_at,
                "overdue": overdue,
                "interview_at": interview_at,
                "decided_at": decided_at,
                "appeal_deadline": appeal_deadline,
                "decisions": decisions,
                "version": version,
            }
        )
        if learning_entry_ids is not UNSET:
            field_dict["learning_entry_ids"] = learning_entry_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.body_ref import BodyRef  # noqa: PLC0415
        from ..models.decision_public import DecisionPublic  # noqa: PLC0415
        from ..models.declared_qualification_output import DeclaredQualificationOutput  # noqa: PLC0415
        from ..models.target_qualification_public import TargetQualificationPublic  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        body = BodyRef.from_dict(d.pop("body"))

        kind = CaseKind(d.pop("kind"))

        purpose = Purpose(d.pop("purpose"))

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

        statement = d.pop("statement")

        declared = []
        _declared = d.pop("declared")
        for declared_item_data in _declared:
            declared_item = DeclaredQualificationOutput.from_dict(declared_item_data)

            declared.append(declared_item)

        status = CaseStatus(d.pop("status"))

        share_ids = []
        _share_ids = d.pop("share_ids")
        for share_ids_item_data in _share_ids:
            share_ids_item = UUID(share_ids_item_data)

            share_ids.append(share_ids_item)

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        overdue = d.pop("overdue")

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

        _learning_entry_ids = d.pop("learning_entry_ids", UNSET)
        learning_entry_ids: list[UUID] | Unset = UNSET
        if _learning_entry_ids is not UNSET:
            learning_entry_ids = []
            for learning_entry_ids_item_data in _learning_entry_ids:
                learning_entry_ids_item = UUID(learning_entry_ids_item_data)

                learning_entry_ids.append(learning_entry_ids_item)

        recognition_request_public = cls(
            id=id,
            body=body,
            kind=kind,
            purpose=purpose,
            target=target,
            statement=statement,
            declared=declared,
            status=status,
            share_ids=share_ids,
            submitted_at=submitted_at,
            due_at=due_at,
            overdue=overdue,
            interview_at=interview_at,
            decided_at=decided_at,
            appeal_deadline=appeal_deadline,
            decisions=decisions,
            version=version,
            learning_entry_ids=learning_entry_ids,
        )

        recognition_request_public.additional_properties = d
        return recognition_request_public

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
