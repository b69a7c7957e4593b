from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_share_share_landing_recipient import OpenShareShareLandingRecipient
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenShareShareLanding")


@_attrs_define
class OpenShareShareLanding:
    """What anyone with the link sees before revealing: who shares what kind of credential, and why.

    Attributes:
        shared_by (str):
        purpose (str):
        credentials (list[str]): The kind of each credential (its format, or its title if released).
        expires_at (datetime.datetime):
        recipient (OpenShareShareLandingRecipient):
        recipient_body (None | str | Unset):
        skills_profile (bool | Unset): Whether revealing also shows a skills profile built from what is shared. Default:
            False.
    """

    shared_by: str
    purpose: str
    credentials: list[str]
    expires_at: datetime.datetime
    recipient: OpenShareShareLandingRecipient
    recipient_body: None | str | Unset = UNSET
    skills_profile: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        shared_by = self.shared_by

        purpose = self.purpose

        credentials = self.credentials

        expires_at = self.expires_at.isoformat()

        recipient = self.recipient.value

        recipient_body: None | str | Unset
        if isinstance(self.recipient_body, Unset):
            recipient_body = UNSET
        else:
            recipient_body = self.recipient_body

        skills_profile = self.skills_profile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "shared_by": shared_by,
                "purpose": purpose,
                "credentials": credentials,
                "expires_at": expires_at,
                "recipient": recipient,
            }
        )
        if recipient_body is not UNSET:
            field_dict["recipient_body"] = recipient_body
        if skills_profile is not UNSET:
            field_dict["skills_profile"] = skills_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        shared_by = d.pop("shared_by")

        purpose = d.pop("purpose")

        credentials = cast(list[str], d.pop("credentials"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        recipient = OpenShareShareLandingRecipient(d.pop("recipient"))

        def _parse_recipient_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recipient_body = _parse_recipient_body(d.pop("recipient_body", UNSET))

        skills_profile = d.pop("skills_profile", UNSET)

        open_share_share_landing = cls(
            shared_by=shared_by,
            purpose=purpose,
            credentials=credentials,
            expires_at=expires_at,
            recipient=recipient,
            recipient_body=recipient_body,
            skills_profile=skills_profile,
        )

        open_share_share_landing.additional_properties = d
        return open_share_share_landing

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
