from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.outcome_statement_input import OutcomeStatementInput


T = TypeVar("T", bound="TargetQualificationCreate")


@_attrs_define
class TargetQualificationCreate:
    """A qualification the body assesses against. Give its national framework and level (resolved to the EQF
    through the frameworks data) or, for a qualification outside any framework held, its EQF level.

        Attributes:
            title (str):
            country (None | str | Unset): Defaults to the body's country.
            framework (None | str | Unset): The framework's key or code (`DE-DQR`, `NFQ`); with `level`.
            level (None | str | Unset):
            eqf_level (int | None | Unset): Only without `framework` and `level`.
            ects (float | None | Unset):
            field_of_study (None | str | Unset): ISCED-F 2013 code (2, 3 or 4 digits).
            learning_outcomes (list[OutcomeStatementInput] | Unset):
    """

    title: str
    country: None | str | Unset = UNSET
    framework: None | str | Unset = UNSET
    level: None | str | Unset = UNSET
    eqf_level: int | None | Unset = UNSET
    ects: float | None | Unset = UNSET
    field_of_study: None | str | Unset = UNSET
    learning_outcomes: list[OutcomeStatementInput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        framework: None | str | Unset
        if isinstance(self.framework, Unset):
            framework = UNSET
        else:
            framework = self.framework

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

        eqf_level: int | None | Unset
        if isinstance(self.eqf_level, Unset):
            eqf_level = UNSET
        else:
            eqf_level = self.eqf_level

        ects: float | None | Unset
        if isinstance(self.ects, Unset):
            ects = UNSET
        else:
            ects = self.ects

        field_of_study: None | str | Unset
        if isinstance(self.field_of_study, Unset):
            field_of_study = UNSET
        else:
            field_of_study = self.field_of_study

        learning_outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learning_outcomes, Unset):
            learning_outcomes = []
            for learning_outcomes_item_data in self.learning_outcomes:
                learning_outcomes_item = learning_outcomes_item_data.to_dict()
                learning_outcomes.append(learning_outcomes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if framework is not UNSET:
            field_dict["framework"] = framework
        if level is not UNSET:
            field_dict["level"] = level
        if eqf_level is not UNSET:
            field_dict["eqf_level"] = eqf_level
        if ects is not UNSET:
            field_dict["ects"] = ects
        if field_of_study is not UNSET:
            field_dict["field_of_study"] = field_of_study
        if learning_outcomes is not UNSET:
            field_dict["learning_outcomes"] = learning_outcomes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outcome_statement_input import OutcomeStatementInput  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_framework(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        framework = _parse_framework(d.pop("framework", UNSET))

        def _parse_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        def _parse_eqf_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        eqf_level = _parse_eqf_level(d.pop("eqf_level", UNSET))

        def _parse_ects(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ects = _parse_ects(d.pop("ects", UNSET))

        def _parse_field_of_study(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study", UNSET))

        _learning_outcomes = d.pop("learning_outcomes", UNSET)
        learning_outcomes: list[OutcomeStatementInput] | Unset = UNSET
        if _learning_outcomes is not UNSET:
            learning_outcomes = []
            for learning_outcomes_item_data in _learning_outcomes:
                learning_outcomes_item = OutcomeStatementInput.from_dict(learning_outcomes_item_data)

                learning_outcomes.append(learning_outcomes_item)

        target_qualification_create = cls(
            title=title,
            country=country,
            framework=framework,
            level=level,
            eqf_level=eqf_level,
            ects=ects,
            field_of_study=field_of_study,
            learning_outcomes=learning_outcomes,
        )

        return target_qualification_create
