from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grade_distribution_type_0 import GradeDistributionType0


T = TypeVar("T", bound="Grade")


@_attrs_define
class Grade:
    """
    Attributes:
        value (str):
        scheme (None | str | Unset): Grading scheme as described by the document.
        distribution (GradeDistributionType0 | None | Unset): Share of passing grades per grade (ELMO
            resultDistribution), when carried.
    """

    value: str
    scheme: None | str | Unset = UNSET
    distribution: GradeDistributionType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.grade_distribution_type_0 import GradeDistributionType0  # noqa: PLC0415

        value = self.value

        scheme: None | str | Unset
        if isinstance(self.scheme, Unset):
            scheme = UNSET
        else:
            scheme = self.scheme

        distribution: dict[str, Any] | None | Unset
        if isinstance(self.distribution, Unset):
            distribution = UNSET
        elif isinstance(self.distribution, GradeDistributionType0):
            distribution = self.distribution.to_dict()
        else:
            distribution = self.distribution

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
            }
        )
        if scheme is not UNSET:
            field_dict["scheme"] = scheme
        if distribution is not UNSET:
            field_dict["distribution"] = distribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_distribution_type_0 import GradeDistributionType0  # noqa: PLC0415

        d = dict(src_dict)
        value = d.pop("value")

        def _parse_scheme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scheme = _parse_scheme(d.pop("scheme", UNSET))

        def _parse_distribution(data: object) -> GradeDistributionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                distribution_type_0 = GradeDistributionType0.from_dict(data)

                return distribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GradeDistributionType0 | None | Unset, data)

        distribution = _parse_distribution(d.pop("distribution", UNSET))

        grade = cls(
            value=value,
            scheme=scheme,
            distribution=distribution,
        )

        return grade
