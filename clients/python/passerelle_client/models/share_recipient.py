from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShareRecipient")


@_attrs_define
class ShareRecipient:
    """At most one: an e-mail address (the viewer enters a one-time code sent there) or a recognition body.

    Attributes:
        email (None | str | Unset):
        body_id (None | Unset | UUID):
    """

    email: None | str | Unset = UNSET
    body_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        body_id: None | str | Unset
        if isinstance(self.body_id, Unset):
            body_id = UNSET
        elif isinstance(self.body_id, UUID):
            body_id = str(self.body_id)
        else:
            body_id = self.body_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if body_id is not UNSET:
            field_dict["body_id"] = body_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_body_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                body_id_type_0 = UUID(data)

                return body_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        body_id = _parse_body_id(d.pop("body_id", UNSET))

        share_recipient = cls(
            email=email,
            body_id=body_id,
        )

        return share_recipient
