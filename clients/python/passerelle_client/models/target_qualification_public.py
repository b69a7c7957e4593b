from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.outcome_statement_output import OutcomeStatementOutput


T = TypeVar("T", bound="TargetQualificationPublic")


@_attrs_define
class TargetQualificationPublic:
    """
    Attributes:
        id (UUID):
        body_id (UUID):
        title (str):
        country (str):
        framework (None | str):
        level (None | str):
        eqf_level (int | None): The comparable EQF level (read through the framework when given).
        ects (float | None):
        field_of_study (None | str):
        learning_outcomes (list[OutcomeStatementOutput]):
        created_at (datetime.datetime):
    """

    id: UUID
    body_id: UUID
    title: str
    country: str
    framework: None | str
    level: None | str
    eqf_level: int | None
    ects: float | None
    field_of_study: None | str
    learning_outcomes: list[OutcomeStatementOutput]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        body_id = str(self.body_id)

        title = self.title

        country = self.country

        framework: None | str
        framework = self.framework

        level: None | str
        level = self.level

        eqf_level: int | None
        eqf_level = self.eqf_level

        ects: float | None
        ects = self.ects

        field_of_study: None | str
        field_of_study = self.field_of_study

        learning_outcomes = []
        for learning_outcomes_item_data in self.learning_outcomes:
            learning_outcomes_item = learning_outcomes_item_data.to_dict()
            learning_outcomes.append(learning_outcomes_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "body_id": body_id,
                "title": title,
                "country": country,
                "framework": framework,
                "level": level,
                "eqf_level": eqf_level,
                "ects": ects,
                "field_of_study": field_of_study,
                "learning_outcomes": learning_outcomes,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outcome_statement_output import OutcomeStatementOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        body_id = UUID(d.pop("body_id"))

        title = d.pop("title")

        country = d.pop("country")

        def _parse_framework(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        framework = _parse_framework(d.pop("framework"))

        def _parse_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level = _parse_level(d.pop("level"))

        def _parse_eqf_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        eqf_level = _parse_eqf_level(d.pop("eqf_level"))

        def _parse_ects(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ects = _parse_ects(d.pop("ects"))

        def _parse_field_of_study(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study"))

        learning_outcomes = []
        _learning_outcomes = d.pop("learning_outcomes")
        for learning_outcomes_item_data in _learning_outcomes:
            learning_outcomes_item = OutcomeStatementOutput.from_dict(learning_outcomes_item_data)

            learning_outcomes.append(learning_outcomes_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        target_qualification_public = cls(
            id=id,
            body_id=body_id,
            title=title,
            country=country,
            framework=framework,
            level=level,
            eqf_level=eqf_level,
            ects=ects,
            field_of_study=field_of_study,
            learning_outcomes=learning_outcomes,
            created_at=created_at,
        )

        target_qualification_public.additional_properties = d
        return target_qualification_public

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
