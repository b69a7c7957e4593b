from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.substantial_difference_input_element import SubstantialDifferenceInputElement

T = TypeVar("T", bound="SubstantialDifferenceInput")


@_attrs_define
class SubstantialDifferenceInput:
    """
    Attributes:
        element (SubstantialDifferenceInputElement): Which of the five elements (or `other`) the difference is in.
        description (str): The difference, and why it is substantial for the purpose.
    """

    element: SubstantialDifferenceInputElement
    description: str

    def to_dict(self) -> dict[str, Any]:
        element = self.element.value

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "element": element,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        element = SubstantialDifferenceInputElement(d.pop("element"))

        description = d.pop("description")

        substantial_difference_input = cls(
            element=element,
            description=description,
        )

        return substantial_difference_input
