from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_suggestion import OfferSuggestion
    from ..models.stack_item import StackItem
    from ..models.stack_target import StackTarget
    from ..models.stack_totals import StackTotals


T = TypeVar("T", bound="StackResult")


@_attrs_define
class StackResult:
    """
    Attributes:
        target (StackTarget):
        items (list[StackItem]):
        totals (StackTotals):
        ects_missing (float):
        met (bool):
        missing (list[str]): What is still missing, in words.
        suggested_offers (list[OfferSuggestion] | Unset): Published offers of the catalogue that would count towards the
            target (its field, at or above its EQF level, with a workload), those that fit in what is missing first; empty
            once the target is met. Suggestions only: whether to take one is the learner's choice.
        caveat (str | Unset):  Default: 'Totals show how the credentials add up against the target; whether they may be
            combined into a qualification is decided by the institution awarding it.'.
        caveat_explanation (str | Unset): The caveat in plain words. Both follow `Accept-Language` (docs/languages.md).
            Default: 'Adding up credits shows how close you are to a qualification, but only the institution that awards it
            decides whether your credentials can be combined.'.
    """

    target: StackTarget
    items: list[StackItem]
    totals: StackTotals
    ects_missing: float
    met: bool
    missing: list[str]
    suggested_offers: list[OfferSuggestion] | Unset = UNSET
    caveat: str | Unset = (
        "Totals show how the credentials add up against the target; whether they may be combined into a qualification is decided by the institution awarding it."
    )
    caveat_explanation: str | Unset = (
        "Adding up credits shows how close you are to a qualification, but only the institution that awards it decides whether your credentials can be combined."
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target = self.target.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        totals = self.totals.to_dict()

        ects_missing = self.ects_missing

        met = self.met

        missing = self.missing

        suggested_offers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.suggested_offers, Unset):
            suggested_offers = []
            for suggested_offers_item_data in self.suggested_offers:
                suggested_offers_item = suggested_offers_item_data.to_dict()
                suggested_offers.append(suggested_offers_item)

        caveat = self.caveat

        caveat_explanation = self.caveat_explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target": target,
                "items": items,
                "totals": totals,
                "ects_missing": ects_missing,
                "met": met,
                "missing": missing,
            }
        )
        if suggested_offers is not UNSET:
            field_dict["suggested_offers"] = suggested_offers
        if caveat is not UNSET:
            field_dict["caveat"] = caveat
        if caveat_explanation is not UNSET:
            field_dict["caveat_explanation"] = caveat_explanation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_suggestion import OfferSuggestion  # noqa: PLC0415
        from ..models.stack_item import StackItem  # noqa: PLC0415
        from ..models.stack_target import StackTarget  # noqa: PLC0415
        from ..models.stack_totals import StackTotals  # noqa: PLC0415

        d = dict(src_dict)
        target = StackTarget.from_dict(d.pop("target"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = StackItem.from_dict(items_item_data)

            items.append(items_item)

        totals = StackTotals.from_dict(d.pop("totals"))

        ects_missing = d.pop("ects_missing")

        met = d.pop("met")

        missing = cast(list[str], d.pop("missing"))

        _suggested_offers = d.pop("suggested_offers", UNSET)
        suggested_offers: list[OfferSuggestion] | Unset = UNSET
        if _suggested_offers is not UNSET:
            suggested_offers = []
            for suggested_offers_item_data in _suggested_offers:
                suggested_offers_item = OfferSuggestion.from_dict(suggested_offers_item_data)

                suggested_offers.append(suggested_offers_item)

        caveat = d.pop("caveat", UNSET)

        caveat_explanation = d.pop("caveat_explanation", UNSET)

        stack_result = cls(
            target=target,
            items=items,
            totals=totals,
            ects_missing=ects_missing,
            met=met,
            missing=missing,
            suggested_offers=suggested_offers,
            caveat=caveat,
            caveat_explanation=caveat_explanation,
        )

        stack_result.additional_properties = d
        return stack_result

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
