from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_collect_offer_type_1 import OfferCollectOfferType1


T = TypeVar("T", bound="OfferCollect")


@_attrs_define
class OfferCollect:
    """
    Attributes:
        offer (OfferCollectOfferType1 | str): The credential offer as the issuer gave it: an `openid-credential-
            offer://` link (or any URL) with a `credential_offer` or `credential_offer_uri` parameter, or the offer's JSON
            (as text or as an object).
        tx_code (None | str | Unset): The transaction code the issuer sent you separately (by e-mail, text message),
            when the offer asks for one.
    """

    offer: OfferCollectOfferType1 | str
    tx_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.offer_collect_offer_type_1 import OfferCollectOfferType1  # noqa: PLC0415

        offer: dict[str, Any] | str
        if isinstance(self.offer, OfferCollectOfferType1):
            offer = self.offer.to_dict()
        else:
            offer = self.offer

        tx_code: None | str | Unset
        if isinstance(self.tx_code, Unset):
            tx_code = UNSET
        else:
            tx_code = self.tx_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "offer": offer,
            }
        )
        if tx_code is not UNSET:
            field_dict["tx_code"] = tx_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_collect_offer_type_1 import OfferCollectOfferType1  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_offer(data: object) -> OfferCollectOfferType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offer_type_1 = OfferCollectOfferType1.from_dict(data)

                return offer_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OfferCollectOfferType1 | str, data)

        offer = _parse_offer(d.pop("offer"))

        def _parse_tx_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tx_code = _parse_tx_code(d.pop("tx_code", UNSET))

        offer_collect = cls(
            offer=offer,
            tx_code=tx_code,
        )

        return offer_collect
