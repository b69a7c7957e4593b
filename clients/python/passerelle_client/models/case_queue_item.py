from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_kind import CaseKind
from ..models.case_status import CaseStatus
from ..models.purpose import Purpose

T = TypeVar("T", bound="CaseQueueItem")


@_attrs_define
class CaseQueueItem:
    """
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        case_queue_item = cls(
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
        )

        case_queue_item.additional_properties = d
        return case_queue_item

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
