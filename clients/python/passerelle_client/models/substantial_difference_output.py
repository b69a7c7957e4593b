from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.substantial_difference_output_element import SubstantialDifferenceOutputElement

T = TypeVar("T", bound="SubstantialDifferenceOutput")


@_attrs_define
class SubstantialDifferenceOutput:
    """
    Attributes:
        element (SubstantialDifferenceOutputElement): Which of the five elements (or `other`) the difference is in.
        description (str): The difference, and why it is substantial for the purpose.
    """

    element: SubstantialDifferenceOutputElement
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
        element = SubstantialDifferenceOutputElement(d.pop("element"))

        description = d.pop("description")

        substantial_difference_output = cls(
            element=element,
            description=description,
        )

        return substantial_difference_output
