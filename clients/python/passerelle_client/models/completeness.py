from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.completeness_basis import CompletenessBasis
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element_status import ElementStatus
    from ..models.verification_basis import VerificationBasis


T = TypeVar("T", bound="Completeness")


@_attrs_define
class Completeness:
    """
    Attributes:
        basis (CompletenessBasis):
        credential_id (None | UUID):
        verification (VerificationBasis):
        mandatory (list[ElementStatus]): The 11 mandatory elements of Annex I, in its order.
        optional (list[ElementStatus]): The 5 optional elements of Annex I.
        mandatory_present (int): Mandatory elements present and backed by a passed signature check.
        mandatory_unverifiable (int): Mandatory elements present but not backed by a passed signature.
        mandatory_missing (int):
        optional_present (int): Optional elements present, verifiable or not.
        all_mandatory_present (bool): No mandatory element is missing (verifiable or not).
        statement (str | Unset):  Default: 'Completeness against Annex I of the 2022 Council Recommendation on micro-
            credentials says which standard elements the credential states; it is not a validation or a recognition of the
            credential.'.
    """

    basis: CompletenessBasis
    credential_id: None | UUID
    verification: VerificationBasis
    mandatory: list[ElementStatus]
    optional: list[ElementStatus]
    mandatory_present: int
    mandatory_unverifiable: int
    mandatory_missing: int
    optional_present: int
    all_mandatory_present: bool
    statement: str | Unset = (
        "Completeness against Annex I of the 2022 Council Recommendation on micro-credentials says which standard elements the credential states; it is not a validation or a recognition of the credential."
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        basis = self.basis.value

        credential_id: None | str
        if isinstance(self.credential_id, UUID):
            credential_id = str(self.credential_id)
        else:
            credential_id = self.credential_id

        verification = self.verification.to_dict()

        mandatory = []
        for mandatory_item_data in self.mandatory:
            mandatory_item = mandatory_item_data.to_dict()
            mandatory.append(mandatory_item)

        optional = []
        for optional_item_data in self.optional:
            optional_item = optional_item_data.to_dict()
            optional.append(optional_item)

        mandatory_present = self.mandatory_present

        mandatory_unverifiable = self.mandatory_unverifiable

        mandatory_missing = self.mandatory_missing

        optional_present = self.optional_present

        all_mandatory_present = self.all_mandatory_present

        statement = self.statement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "basis": basis,
                "credential_id": credential_id,
                "verification": verification,
                "mandatory": mandatory,
                "optional": optional,
                "mandatory_present": mandatory_present,
                "mandatory_unverifiable": mandatory_unverifiable,
                "mandatory_missing": mandatory_missing,
                "optional_present": optional_present,
                "all_mandatory_present": all_mandatory_present,
            }
        )
        if statement is not UNSET:
            field_dict["statement"] = statement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.element_status import ElementStatus  # noqa: PLC0415
        from ..models.verification_basis import VerificationBasis  # noqa: PLC0415

        d = dict(src_dict)
        basis = CompletenessBasis(d.pop("basis"))

        def _parse_credential_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                credential_id_type_0 = UUID(data)

                return credential_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        credential_id = _parse_credential_id(d.pop("credential_id"))

        verification = VerificationBasis.from_dict(d.pop("verification"))

        mandatory = []
        _mandatory = d.pop("mandatory")
        for mandatory_item_data in _mandatory:
            mandatory_item = ElementStatus.from_dict(mandatory_item_data)

            mandatory.append(mandatory_item)

        optional = []
        _optional = d.pop("optional")
        for optional_item_data in _optional:
            optional_item = ElementStatus.from_dict(optional_item_data)

            optional.append(optional_item)

        mandatory_present = d.pop("mandatory_present")

        mandatory_unverifiable = d.pop("mandatory_unverifiable")

        mandatory_missing = d.pop("mandatory_missing")

        optional_present = d.pop("optional_present")

        all_mandatory_present = d.pop("all_mandatory_present")

        statement = d.pop("statement", UNSET)

        completeness = cls(
            basis=basis,
            credential_id=credential_id,
            verification=verification,
            mandatory=mandatory,
            optional=optional,
            mandatory_present=mandatory_present,
            mandatory_unverifiable=mandatory_unverifiable,
            mandatory_missing=mandatory_missing,
            optional_present=optional_present,
            all_mandatory_present=all_mandatory_present,
            statement=statement,
        )

        completeness.additional_properties = d
        return completeness

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
