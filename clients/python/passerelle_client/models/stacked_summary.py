from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.summary import Summary


T = TypeVar("T", bound="StackedSummary")


@_attrs_define
class StackedSummary:
    """
    Attributes:
        summary (Summary): What a credential says, normalised across formats. Empty fields mean the document did not
            say.
        label (None | str | Unset):
    """

    summary: Summary
    label: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary.to_dict()

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "summary": summary,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.summary import Summary  # noqa: PLC0415

        d = dict(src_dict)
        summary = Summary.from_dict(d.pop("summary"))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        stacked_summary = cls(
            summary=summary,
            label=label,
        )

        return stacked_summary
