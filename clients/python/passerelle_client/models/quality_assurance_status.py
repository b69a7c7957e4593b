from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quality_assurance_status_state import QualityAssuranceStatusState

if TYPE_CHECKING:
    from ..models.quality_assurance_status_registry_type_0 import QualityAssuranceStatusRegistryType0
    from ..models.quality_assurance_status_stated_type_0 import QualityAssuranceStatusStatedType0


T = TypeVar("T", bound="QualityAssuranceStatus")


@_attrs_define
class QualityAssuranceStatus:
    """
    Attributes:
        state (QualityAssuranceStatusState):
        stated (None | QualityAssuranceStatusStatedType0): What the credential states (type, body, accreditations).
        registry (None | QualityAssuranceStatusRegistryType0): The trust registry's accreditation record for the issuer.
        message (str):
    """

    state: QualityAssuranceStatusState
    stated: None | QualityAssuranceStatusStatedType0
    registry: None | QualityAssuranceStatusRegistryType0
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.quality_assurance_status_registry_type_0 import QualityAssuranceStatusRegistryType0  # noqa: PLC0415
        from ..models.quality_assurance_status_stated_type_0 import QualityAssuranceStatusStatedType0  # noqa: PLC0415

        state = self.state.value

        stated: dict[str, Any] | None
        if isinstance(self.stated, QualityAssuranceStatusStatedType0):
            stated = self.stated.to_dict()
        else:
            stated = self.stated

        registry: dict[str, Any] | None
        if isinstance(self.registry, QualityAssuranceStatusRegistryType0):
            registry = self.registry.to_dict()
        else:
            registry = self.registry

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "stated": stated,
                "registry": registry,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quality_assurance_status_registry_type_0 import QualityAssuranceStatusRegistryType0  # noqa: PLC0415
        from ..models.quality_assurance_status_stated_type_0 import QualityAssuranceStatusStatedType0  # noqa: PLC0415

        d = dict(src_dict)
        state = QualityAssuranceStatusState(d.pop("state"))

        def _parse_stated(data: object) -> None | QualityAssuranceStatusStatedType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stated_type_0 = QualityAssuranceStatusStatedType0.from_dict(data)

                return stated_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QualityAssuranceStatusStatedType0, data)

        stated = _parse_stated(d.pop("stated"))

        def _parse_registry(data: object) -> None | QualityAssuranceStatusRegistryType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                registry_type_0 = QualityAssuranceStatusRegistryType0.from_dict(data)

                return registry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QualityAssuranceStatusRegistryType0, data)

        registry = _parse_registry(d.pop("registry"))

        message = d.pop("message")

        quality_assurance_status = cls(
            state=state,
            stated=stated,
            registry=registry,
            message=message,
        )

        quality_assurance_status.additional_properties = d
        return quality_assurance_status

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
