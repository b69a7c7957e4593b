from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_event_public_detail import CaseEventPublicDetail


T = TypeVar("T", bound="CaseEventPublic")


@_attrs_define
class CaseEventPublic:
    """
    Attributes:
        id (UUID):
        at (datetime.datetime):
        action (str):
        actor_role (str):
        actor_id (None | UUID):
        internal (bool): An officers' internal note: the learner sees that it exists, not its text.
        detail (CaseEventPublicDetail):
    """

    id: UUID
    at: datetime.datetime
    action: str
    actor_role: str
    actor_id: None | UUID
    internal: bool
    detail: CaseEventPublicDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        at = self.at.isoformat()

        action = self.action

        actor_role = self.actor_role

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        internal = self.internal

        detail = self.detail.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "action": action,
                "actor_role": actor_role,
                "actor_id": actor_id,
                "internal": internal,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_event_public_detail import CaseEventPublicDetail  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        action = d.pop("action")

        actor_role = d.pop("actor_role")

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        internal = d.pop("internal")

        detail = CaseEventPublicDetail.from_dict(d.pop("detail"))

        case_event_public = cls(
            id=id,
            at=at,
            action=action,
            actor_role=actor_role,
            actor_id=actor_id,
            internal=internal,
            detail=detail,
        )

        case_event_public.additional_properties = d
        return case_event_public

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
