from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.endorsement_request_created_status import EndorsementRequestCreatedStatus

if TYPE_CHECKING:
    from ..models.requested_endorser_output import RequestedEndorserOutput


T = TypeVar("T", bound="EndorsementRequestCreated")


@_attrs_define
class EndorsementRequestCreated:
    """
    Attributes:
        id (UUID):
        entry_id (UUID):
        endorser (RequestedEndorserOutput):
        message (None | str):
        status (EndorsementRequestCreatedStatus):
        expires_at (datetime.datetime): When the link stops working (it works once).
        created_at (datetime.datetime):
        used_at (datetime.datetime | None):
        withdrawn_at (datetime.datetime | None):
        url (str): The one-time link for the endorser (a page). Shown once: only its hash is kept.
        api_url (str): The same link for programs: `GET` to read, `POST` to confirm (JSON).
    """

    id: UUID
    entry_id: UUID
    endorser: RequestedEndorserOutput
    message: None | str
    status: EndorsementRequestCreatedStatus
    expires_at: datetime.datetime
    created_at: datetime.datetime
    used_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    url: str
    api_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        entry_id = str(self.entry_id)

        endorser = self.endorser.to_dict()

        message: None | str
        message = self.message

        status = self.status.value

        expires_at = self.expires_at.isoformat()

        created_at = self.created_at.isoformat()

        used_at: None | str
        if isinstance(self.used_at, datetime.datetime):
            used_at = self.used_at.isoformat()
        else:
            used_at = self.used_at

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        url = self.url

        api_url = self.api_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entry_id": entry_id,
                "endorser": endorser,
                "message": message,
                "status": status,
                "expires_at": expires_at,
                "created_at": created_at,
                "used_at": used_at,
                "withdrawn_at": withdrawn_at,
                "url": url,
                "api_url": api_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requested_endorser_output import RequestedEndorserOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        entry_id = UUID(d.pop("entry_id"))

        endorser = RequestedEndorserOutput.from_dict(d.pop("endorser"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        status = EndorsementRequestCreatedStatus(d.pop("status"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                used_at_type_0 = datetime.datetime.fromisoformat(data)

                return used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        used_at = _parse_used_at(d.pop("used_at"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        url = d.pop("url")

        api_url = d.pop("api_url")

        endorsement_request_created = cls(
            id=id,
            entry_id=entry_id,
            endorser=endorser,
            message=message,
            status=status,
            expires_at=expires_at,
            created_at=created_at,
            used_at=used_at,
            withdrawn_at=withdrawn_at,
            url=url,
            api_url=api_url,
        )

        endorsement_request_created.additional_properties = d
        return endorsement_request_created

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
