from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.deferred_credential import DeferredCredential
    from ..models.inbox_item_public import InboxItemPublic
    from ..models.skipped_credential import SkippedCredential


T = TypeVar("T", bound="CollectResult")


@_attrs_define
class CollectResult:
    """
    Attributes:
        items (list[InboxItemPublic]): The collected credentials, now pending in your inbox.
        deferred (list[DeferredCredential]): Credentials the issuer will issue later (OpenID4VCI deferred issuance).
            Passerelle does not fetch them yet: ask the issuer for a new offer once they are ready.
        skipped (list[SkippedCredential]): Offered credentials that were not collected, and why.
    """

    items: list[InboxItemPublic]
    deferred: list[DeferredCredential]
    skipped: list[SkippedCredential]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        deferred = []
        for deferred_item_data in self.deferred:
            deferred_item = deferred_item_data.to_dict()
            deferred.append(deferred_item)

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "deferred": deferred,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deferred_credential import DeferredCredential  # noqa: PLC0415
        from ..models.inbox_item_public import InboxItemPublic  # noqa: PLC0415
        from ..models.skipped_credential import SkippedCredential  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = InboxItemPublic.from_dict(items_item_data)

            items.append(items_item)

        deferred = []
        _deferred = d.pop("deferred")
        for deferred_item_data in _deferred:
            deferred_item = DeferredCredential.from_dict(deferred_item_data)

            deferred.append(deferred_item)

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = SkippedCredential.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        collect_result = cls(
            items=items,
            deferred=deferred,
            skipped=skipped,
        )

        collect_result.additional_properties = d
        return collect_result

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
