from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.converted_credits import ConvertedCredits


T = TypeVar("T", bound="StackItem")


@_attrs_define
class StackItem:
    """
    Attributes:
        credential_id (None | UUID):
        title (None | str):
        ects (float | None):
        credits_ (list[ConvertedCredits]):
        eqf_levels (list[int]):
        field_of_study (None | str):
        stackability (None | str):
        counts (bool):
        reasons (list[str]): Why the item does not count, when it does not.
    """

    credential_id: None | UUID
    title: None | str
    ects: float | None
    credits_: list[ConvertedCredits]
    eqf_levels: list[int]
    field_of_study: None | str
    stackability: None | str
    counts: bool
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credential_id: None | str
        if isinstance(self.credential_id, UUID):
            credential_id = str(self.credential_id)
        else:
            credential_id = self.credential_id

        title: None | str
        title = self.title

        ects: float | None
        ects = self.ects

        credits_ = []
        for credits_item_data in self.credits_:
            credits_item = credits_item_data.to_dict()
            credits_.append(credits_item)

        eqf_levels = self.eqf_levels

        field_of_study: None | str
        field_of_study = self.field_of_study

        stackability: None | str
        stackability = self.stackability

        counts = self.counts

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_id": credential_id,
                "title": title,
                "ects": ects,
                "credits": credits_,
                "eqf_levels": eqf_levels,
                "field_of_study": field_of_study,
                "stackability": stackability,
                "counts": counts,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.converted_credits import ConvertedCredits  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_ects(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ects = _parse_ects(d.pop("ects"))

        credits_ = []
        _credits_ = d.pop("credits")
        for credits_item_data in _credits_:
            credits_item = ConvertedCredits.from_dict(credits_item_data)

            credits_.append(credits_item)

        eqf_levels = cast(list[int], d.pop("eqf_levels"))

        def _parse_field_of_study(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study"))

        def _parse_stackability(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stackability = _parse_stackability(d.pop("stackability"))

        counts = d.pop("counts")

        reasons = cast(list[str], d.pop("reasons"))

        stack_item = cls(
            credential_id=credential_id,
            title=title,
            ects=ects,
            credits_=credits_,
            eqf_levels=eqf_levels,
            field_of_study=field_of_study,
            stackability=stackability,
            counts=counts,
            reasons=reasons,
        )

        stack_item.additional_properties = d
        return stack_item

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
