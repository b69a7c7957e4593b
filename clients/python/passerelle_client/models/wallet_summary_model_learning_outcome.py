from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WalletSummaryModelLearningOutcome")


@_attrs_define
class WalletSummaryModelLearningOutcome:
    """
    Attributes:
        text (str):
        esco_uri (None | str | Unset): ESCO skill or competence URI when the document gives one.
        related (list[str] | Unset): Other framework URIs (skills, competences).
    """

    text: str
    esco_uri: None | str | Unset = UNSET
    related: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        esco_uri: None | str | Unset
        if isinstance(self.esco_uri, Unset):
            esco_uri = UNSET
        else:
            esco_uri = self.esco_uri

        related: list[str] | Unset = UNSET
        if not isinstance(self.related, Unset):
            related = self.related

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if esco_uri is not UNSET:
            field_dict["esco_uri"] = esco_uri
        if related is not UNSET:
            field_dict["related"] = related

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_esco_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        esco_uri = _parse_esco_uri(d.pop("esco_uri", UNSET))

        related = cast(list[str], d.pop("related", UNSET))

        wallet_summary_model_learning_outcome = cls(
            text=text,
            esco_uri=esco_uri,
            related=related,
        )

        return wallet_summary_model_learning_outcome
