from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.share_item_create import ShareItemCreate
    from ..models.share_recipient import ShareRecipient


T = TypeVar("T", bound="ShareCreate")


@_attrs_define
class ShareCreate:
    """
    Attributes:
        items (list[ShareItemCreate]):
        purpose (str): Why you share, in your words; the viewer sees it.
        expires_in_days (int | None | Unset): Defaults to 30 days; at most the service's maximum (365 by default).
        max_views (int | None | Unset): How many reveals the link allows.
        recipient (None | ShareRecipient | Unset):
        notify_first_reveal (bool | Unset): E-mail me when the share is first opened. Default: False.
        include_skills_profile (bool | Unset): Also show a skills profile built from the learning outcomes this share
            releases (the `learning_outcomes` and `achievements` fields you choose per credential), never from credentials
            or fields outside the share. Needs at least one credential whose released fields state learning outcomes.
            Default: False.
    """

    items: list[ShareItemCreate]
    purpose: str
    expires_in_days: int | None | Unset = UNSET
    max_views: int | None | Unset = UNSET
    recipient: None | ShareRecipient | Unset = UNSET
    notify_first_reveal: bool | Unset = False
    include_skills_profile: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.share_recipient import ShareRecipient  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        purpose = self.purpose

        expires_in_days: int | None | Unset
        if isinstance(self.expires_in_days, Unset):
            expires_in_days = UNSET
        else:
            expires_in_days = self.expires_in_days

        max_views: int | None | Unset
        if isinstance(self.max_views, Unset):
            max_views = UNSET
        else:
            max_views = self.max_views

        recipient: dict[str, Any] | None | Unset
        if isinstance(self.recipient, Unset):
            recipient = UNSET
        elif isinstance(self.recipient, ShareRecipient):
            recipient = self.recipient.to_dict()
        else:
            recipient = self.recipient

        notify_first_reveal = self.notify_first_reveal

        include_skills_profile = self.include_skills_profile

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "purpose": purpose,
            }
        )
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days
        if max_views is not UNSET:
            field_dict["max_views"] = max_views
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if notify_first_reveal is not UNSET:
            field_dict["notify_first_reveal"] = notify_first_reveal
        if include_skills_profile is not UNSET:
            field_dict["include_skills_profile"] = include_skills_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share_item_create import ShareItemCreate  # noqa: PLC0415
        from ..models.share_recipient import ShareRecipient  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ShareItemCreate.from_dict(items_item_data)

            items.append(items_item)

        purpose = d.pop("purpose")

        def _parse_expires_in_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_in_days = _parse_expires_in_days(d.pop("expires_in_days", UNSET))

        def _parse_max_views(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_views = _parse_max_views(d.pop("max_views", UNSET))

        def _parse_recipient(data: object) -> None | ShareRecipient | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recipient_type_0 = ShareRecipient.from_dict(data)

                return recipient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShareRecipient | Unset, data)

        recipient = _parse_recipient(d.pop("recipient", UNSET))

        notify_first_reveal = d.pop("notify_first_reveal", UNSET)

        include_skills_profile = d.pop("include_skills_profile", UNSET)

        share_create = cls(
            items=items,
            purpose=purpose,
            expires_in_days=expires_in_days,
            max_views=max_views,
            recipient=recipient,
            notify_first_reveal=notify_first_reveal,
            include_skills_profile=include_skills_profile,
        )

        return share_create
