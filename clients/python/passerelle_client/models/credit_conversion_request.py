from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditConversionRequest")


@_attrs_define
class CreditConversionRequest:
    """
    Attributes:
        value (float): The credits as stated.
        system (str): The credit system: `ECTS`, `UK`, `SCQF`, `hp`, `US-semester`, … (codes or their aliases).
        institution_id (None | Unset | UUID): Apply this institution's own rule for the system when it has one (an
            institution's token applies its own by default).
    """

    value: float
    system: str
    institution_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        system = self.system

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        elif isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "system": system,
            }
        )
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        system = d.pop("system")

        def _parse_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                institution_id_type_0 = UUID(data)

                return institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        institution_id = _parse_institution_id(d.pop("institution_id", UNSET))

        credit_conversion_request = cls(
            value=value,
            system=system,
            institution_id=institution_id,
        )

        return credit_conversion_request
