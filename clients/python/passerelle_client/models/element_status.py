from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.element_status_element import ElementStatusElement
from ..models.element_status_state import ElementStatusState

T = TypeVar("T", bound="ElementStatus")


@_attrs_define
class ElementStatus:
    """
    Attributes:
        element (ElementStatusElement):
        label (str):
        mandatory (bool):
        state (ElementStatusState):
    """

    element: ElementStatusElement
    label: str
    mandatory: bool
    state: ElementStatusState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        element = self.element.value

        label = self.label

        mandatory = self.mandatory

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "element": element,
                "label": label,
                "mandatory": mandatory,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        element = ElementStatusElement(d.pop("element"))

        label = d.pop("label")

        mandatory = d.pop("mandatory")

        state = ElementStatusState(d.pop("state"))

        element_status = cls(
            element=element,
            label=label,
            mandatory=mandatory,
            state=state,
        )

        element_status.additional_properties = d
        return element_status

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
