from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WalletLearningSchemasLearningOutcomeOutput")


@_attrs_define
class WalletLearningSchemasLearningOutcomeOutput:
    """
    Attributes:
        text (str): What the learner knows or can do, in their words.
        esco_uri (None | str | Unset): ESCO skill or competence URI, when known.
    """

    text: str
    esco_uri: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        esco_uri: None | str | Unset
        if isinstance(self.esco_uri, Unset):
            esco_uri = UNSET
        else:
            esco_uri = self.esco_uri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if esco_uri is not UNSET:
            field_dict["esco_uri"] = esco_uri

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

        wallet_learning_schemas_learning_outcome_output = cls(
            text=text,
            esco_uri=esco_uri,
        )

        return wallet_learning_schemas_learning_outcome_output
