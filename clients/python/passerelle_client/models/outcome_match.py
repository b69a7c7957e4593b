from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome_match_basis import OutcomeMatchBasis

T = TypeVar("T", bound="OutcomeMatch")


@_attrs_define
class OutcomeMatch:
    """
    Attributes:
        target (str): The target qualification's learning outcome.
        target_esco_uri (None | str): The ESCO URI the target outcome names, if any.
        matched (str): The learner's outcome that covers it.
        matched_source (None | str): Where the learner's outcome comes from (a credential's title).
        score (float): From 0 to 1, three decimals: 1 for the same ESCO URI, 0.9 for a related URI.
        basis (OutcomeMatchBasis): `esco_uri`: both name the same ESCO URI; `related_uri`: a URI of one is related to
            the other's; `text`: their wording overlaps.
        shared_uri (None | str): For URI matches: the URI that links the two outcomes.
        shared_terms (list[str]): For text matches: the words both outcomes use (after stemming), as the target writes
            them, in the target's order.
    """

    target: str
    target_esco_uri: None | str
    matched: str
    matched_source: None | str
    score: float
    basis: OutcomeMatchBasis
    shared_uri: None | str
    shared_terms: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target = self.target

        target_esco_uri: None | str
        target_esco_uri = self.target_esco_uri

        matched = self.matched

        matched_source: None | str
        matched_source = self.matched_source

        score = self.score

        basis = self.basis.value

        shared_uri: None | str
        shared_uri = self.shared_uri

        shared_terms = self.shared_terms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target": target,
                "target_esco_uri": target_esco_uri,
                "matched": matched,
                "matched_source": matched_source,
                "score": score,
                "basis": basis,
                "shared_uri": shared_uri,
                "shared_terms": shared_terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target = d.pop("target")

        def _parse_target_esco_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_esco_uri = _parse_target_esco_uri(d.pop("target_esco_uri"))

        matched = d.pop("matched")

        def _parse_matched_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        matched_source = _parse_matched_source(d.pop("matched_source"))

        score = d.pop("score")

        basis = OutcomeMatchBasis(d.pop("basis"))

        def _parse_shared_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shared_uri = _parse_shared_uri(d.pop("shared_uri"))

        shared_terms = cast(list[str], d.pop("shared_terms"))

        outcome_match = cls(
            target=target,
            target_esco_uri=target_esco_uri,
            matched=matched,
            matched_source=matched_source,
            score=score,
            basis=basis,
            shared_uri=shared_uri,
            shared_terms=shared_terms,
        )

        outcome_match.additional_properties = d
        return outcome_match

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
