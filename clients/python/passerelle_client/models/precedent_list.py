from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.precedent import Precedent
    from ..models.precedent_list_basis import PrecedentListBasis


T = TypeVar("T", bound="PrecedentList")


@_attrs_define
class PrecedentList:
    """
    Attributes:
        items (list[Precedent]):
        basis (PrecedentListBasis): What was looked for: issuer, qualification, EQF level, field.
    """

    items: list[Precedent]
    basis: PrecedentListBasis
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        basis = self.basis.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "basis": basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.precedent import Precedent  # noqa: PLC0415
        from ..models.precedent_list_basis import PrecedentListBasis  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Precedent.from_dict(items_item_data)

            items.append(items_item)

        basis = PrecedentListBasis.from_dict(d.pop("basis"))

        precedent_list = cls(
            items=items,
            basis=basis,
        )

        precedent_list.additional_properties = d
        return precedent_list

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
