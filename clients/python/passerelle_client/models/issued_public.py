from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.issued_public_state import IssuedPublicState

if TYPE_CHECKING:
    from ..models.issued_public_status_list import IssuedPublicStatusList


T = TypeVar("T", bound="IssuedPublic")


@_attrs_define
class IssuedPublic:
    """
    Attributes:
        id (UUID):
        achievement_id (UUID):
        external_id (None | str):
        recipient_name (str):
        state (IssuedPublicState):
        state_reason (None | str):
        delivery (str):
        issued_at (datetime.datetime):
        valid_until (datetime.datetime | None):
        status_list (IssuedPublicStatusList): Where the credential's status is published, and its index.
    """

    id: UUID
    achievement_id: UUID
    external_id: None | str
    recipient_name: str
    state: IssuedPublicState
    state_reason: None | str
    delivery: str
    issued_at: datetime.datetime
    valid_until: datetime.datetime | None
    status_list: IssuedPublicStatusList
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        achievement_id = str(self.achievement_id)

        external_id: None | str
        external_id = self.external_id

        recipient_name = self.recipient_name

        state = self.state.value

        state_reason: None | str
        state_reason = self.state_reason

        delivery = self.delivery

        issued_at = self.issued_at.isoformat()

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        status_list = self.status_list.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "achievement_id": achievement_id,
                "external_id": external_id,
                "recipient_name": recipient_name,
                "state": state,
                "state_reason": state_reason,
                "delivery": delivery,
                "issued_at": issued_at,
                "valid_until": valid_until,
                "status_list": status_list,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issued_public_status_list import IssuedPublicStatusList  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        achievement_id = UUID(d.pop("achievement_id"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        recipient_name = d.pop("recipient_name")

        state = IssuedPublicState(d.pop("state"))

        def _parse_state_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state_reason = _parse_state_reason(d.pop("state_reason"))

        delivery = d.pop("delivery")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        def _parse_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        status_list = IssuedPublicStatusList.from_dict(d.pop("status_list"))

        issued_public = cls(
            id=id,
            achievement_id=achievement_id,
            external_id=external_id,
            recipient_name=recipient_name,
            state=state,
            state_reason=state_reason,
            delivery=delivery,
            issued_at=issued_at,
            valid_until=valid_until,
            status_list=status_list,
        )

        issued_public.additional_properties = d
        return issued_public

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
