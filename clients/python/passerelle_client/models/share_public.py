from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.share_public_state import SharePublicState

if TYPE_CHECKING:
    from ..models.share_item_public import ShareItemPublic
    from ..models.share_recipient import ShareRecipient


T = TypeVar("T", bound="SharePublic")


@_attrs_define
class SharePublic:
    """
    Attributes:
        id (UUID):
        purpose (str):
        state (SharePublicState):
        expires_at (datetime.datetime):
        max_views (int | None):
        views (int):
        recipient (None | ShareRecipient):
        notify_first_reveal (bool):
        include_skills_profile (bool):
        items (list[ShareItemPublic]):
        first_revealed_at (datetime.datetime | None):
        revoked_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    purpose: str
    state: SharePublicState
    expires_at: datetime.datetime
    max_views: int | None
    views: int
    recipient: None | ShareRecipient
    notify_first_reveal: bool
    include_skills_profile: bool
    items: list[ShareItemPublic]
    first_revealed_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.share_recipient import ShareRecipient  # noqa: PLC0415

        id = str(self.id)

        purpose = self.purpose

        state = self.state.value

        expires_at = self.expires_at.isoformat()

        max_views: int | None
        max_views = self.max_views

        views = self.views

        recipient: dict[str, Any] | None
        if isinstance(self.recipient, ShareRecipient):
            recipient = self.recipient.to_dict()
        else:
            recipient = self.recipient

        notify_first_reveal = self.notify_first_reveal

        include_skills_profile = self.include_skills_profile

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        first_revealed_at: None | str
        if isinstance(self.first_revealed_at, datetime.datetime):
            first_revealed_at = self.first_revealed_at.isoformat()
        else:
            first_revealed_at = self.first_revealed_at

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "purpose": purpose,
                "state": state,
                "expires_at": expires_at,
                "max_views": max_views,
                "views": views,
                "recipient": recipient,
                "notify_first_reveal": notify_first_reveal,
                "include_skills_profile": include_skills_profile,
                "items": items,
                "first_revealed_at": first_revealed_at,
                "revoked_at": revoked_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share_item_public import ShareItemPublic  # noqa: PLC0415
        from ..models.share_recipient import ShareRecipient  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        purpose = d.pop("purpose")

        state = SharePublicState(d.pop("state"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_max_views(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_views = _parse_max_views(d.pop("max_views"))

        views = d.pop("views")

        def _parse_recipient(data: object) -> None | ShareRecipient:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recipient_type_0 = ShareRecipient.from_dict(data)

                return recipient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShareRecipient, data)

        recipient = _parse_recipient(d.pop("recipient"))

        notify_first_reveal = d.pop("notify_first_reveal")

        include_skills_profile = d.pop("include_skills_profile")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ShareItemPublic.from_dict(items_item_data)

            items.append(items_item)

        def _parse_first_revealed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_revealed_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_revealed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_revealed_at = _parse_first_revealed_at(d.pop("first_revealed_at"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        share_public = cls(
            id=id,
            purpose=purpose,
            state=state,
            expires_at=expires_at,
            max_views=max_views,
            views=views,
            recipient=recipient,
            notify_first_reveal=notify_first_reveal,
            include_skills_profile=include_skills_profile,
            items=items,
            first_revealed_at=first_revealed_at,
            revoked_at=revoked_at,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        share_public.additional_properties = d
        return share_public

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
