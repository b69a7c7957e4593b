from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.issue_request_delivery import IssueRequestDelivery
from ..models.issue_request_formats_item import IssueRequestFormatsItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_item import IssueItem


T = TypeVar("T", bound="IssueRequest")


@_attrs_define
class IssueRequest:
    """
    Attributes:
        items (list[IssueItem]):
        delivery (IssueRequestDelivery | Unset): `inbox`: into the learner's Passerelle inbox (by learner id or e-mail;
            they accept or decline). `offer`: an OpenID4VCI credential offer (pre-authorized code) any standard wallet can
            collect. Default: IssueRequestDelivery.INBOX.
        formats (list[IssueRequestFormatsItem] | Unset): `dc+sd-jwt` (SD-JWT VC, selectively disclosable) and/or
            `vc+jwt` (Open Badges 3.0).
        tx_code (bool | Unset): Offers only: protect the offer with a one-time code the learner types. Default: True.
    """

    items: list[IssueItem]
    delivery: IssueRequestDelivery | Unset = IssueRequestDelivery.INBOX
    formats: list[IssueRequestFormatsItem] | Unset = UNSET
    tx_code: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        delivery: str | Unset = UNSET
        if not isinstance(self.delivery, Unset):
            delivery = self.delivery.value

        formats: list[str] | Unset = UNSET
        if not isinstance(self.formats, Unset):
            formats = []
            for formats_item_data in self.formats:
                formats_item = formats_item_data.value
                formats.append(formats_item)

        tx_code = self.tx_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )
        if delivery is not UNSET:
            field_dict["delivery"] = delivery
        if formats is not UNSET:
            field_dict["formats"] = formats
        if tx_code is not UNSET:
            field_dict["tx_code"] = tx_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_item import IssueItem  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = IssueItem.from_dict(items_item_data)

            items.append(items_item)

        _delivery = d.pop("delivery", UNSET)
        delivery: IssueRequestDelivery | Unset
        if isinstance(_delivery, Unset):
            delivery = UNSET
        else:
            delivery = IssueRequestDelivery(_delivery)

        _formats = d.pop("formats", UNSET)
        formats: list[IssueRequestFormatsItem] | Unset = UNSET
        if _formats is not UNSET:
            formats = []
            for formats_item_data in _formats:
                formats_item = IssueRequestFormatsItem(formats_item_data)

                formats.append(formats_item)

        tx_code = d.pop("tx_code", UNSET)

        issue_request = cls(
            items=items,
            delivery=delivery,
            formats=formats,
            tx_code=tx_code,
        )

        return issue_request
