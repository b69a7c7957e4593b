from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.offer_update_participation_type_0 import OfferUpdateParticipationType0
from ..models.offer_update_stackability_type_0 import OfferUpdateStackabilityType0
from ..models.offer_update_status_type_0 import OfferUpdateStatusType0
from ..models.offer_update_supervision_type_0 import OfferUpdateSupervisionType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cost_input import CostInput
    from ..models.national_level_input import NationalLevelInput
    from ..models.outcome_in_input import OutcomeInInput
    from ..models.place_input import PlaceInput
    from ..models.quality_assurance_in_input import QualityAssuranceInInput


T = TypeVar("T", bound="OfferUpdate")


@_attrs_define
class OfferUpdate:
    """The fields to change; the offer as changed is validated again in full (Annex I included). `null` removes an
    optional field.

        Attributes:
            description (None | str | Unset):
            learning_outcomes (list[OutcomeInInput] | Unset):
            ects (float | None | Unset): Notional workload in ECTS credits.
            hours (float | None | Unset): Notional workload in hours.
            eqf_level (int | None | Unset):
            national_level (NationalLevelInput | None | Unset):
            field_of_study (None | str | Unset):
            assessment_type (None | str | Unset): Type of assessment (Annex I element 9).
            participation (None | OfferUpdateParticipationType0 | Unset): Form of participation (element 10).
            quality_assurance (None | QualityAssuranceInInput | Unset): Type of QA (element 11).
            prerequisites (None | str | Unset):
            supervision (None | OfferUpdateSupervisionType0 | Unset):
            stackability (None | OfferUpdateStackabilityType0 | Unset):
            stackable_towards (None | str | Unset): The credential it stacks towards.
            further_information (None | str | Unset):
            languages (list[str] | Unset): Languages of instruction (BCP 47: `en`, `pt-BR`).
            cost (CostInput | None | Unset): Unknown when absent; `amount: 0` is free of charge.
            starts_on (datetime.date | None | Unset):
            ends_on (datetime.date | None | Unset):
            place (None | PlaceInput | Unset): Where it takes place; absent for an online offer.
            url (None | str | Unset): Where to read more and enrol.
            achievement_id (None | Unset | UUID): The achievement definition of yours (`/v1/institutions/achievements`)
                issued on completion.
            awarded_credential (None | str | Unset): What is issued on completion, in words (`Micro-credential, Open Badges
                3.0`).
            title (None | str | Unset):
            status (None | OfferUpdateStatusType0 | Unset): `withdrawn` takes it out of the public catalogue; `published`
                puts it back.
    """

    description: None | str | Unset = UNSET
    learning_outcomes: list[OutcomeInInput] | Unset = UNSET
    ects: float | None | Unset = UNSET
    hours: float | None | Unset = UNSET
    eqf_level: int | None | Unset = UNSET
    national_level: NationalLevelInput | None | Unset = UNSET
    field_of_study: None | str | Unset = UNSET
    assessment_type: None | str | Unset = UNSET
    participation: None | OfferUpdateParticipationType0 | Unset = UNSET
    quality_assurance: None | QualityAssuranceInInput | Unset = UNSET
    prerequisites: None | str | Unset = UNSET
    supervision: None | OfferUpdateSupervisionType0 | Unset = UNSET
    stackability: None | OfferUpdateStackabilityType0 | Unset = UNSET
    stackable_towards: None | str | Unset = UNSET
    further_information: None | str | Unset = UNSET
    languages: list[str] | Unset = UNSET
    cost: CostInput | None | Unset = UNSET
    starts_on: datetime.date | None | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    place: None | PlaceInput | Unset = UNSET
    url: None | str | Unset = UNSET
    achievement_id: None | Unset | UUID = UNSET
    awarded_credential: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    status: None | OfferUpdateStatusType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.cost_input import CostInput  # noqa: PLC0415
        from ..models.national_level_input import NationalLevelInput  # noqa: PLC0415
        from ..models.place_input import PlaceInput  # noqa: PLC0415
        from ..models.quality_assurance_in_input import QualityAssuranceInInput  # noqa: PLC0415

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        learning_outcomes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learning_outcomes, Unset):
            learning_outcomes = []
            for learning_outcomes_item_data in self.learning_outcomes:
                learning_outcomes_item = learning_outcomes_item_data.to_dict()
                learning_outcomes.append(learning_outcomes_item)

        ects: float | None | Unset
        if isinstance(self.ects, Unset):
            ects = UNSET
        else:
            ects = self.ects

        hours: float | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        eqf_level: int | None | Unset
        if isinstance(self.eqf_level, Unset):
            eqf_level = UNSET
        else:
            eqf_level = self.eqf_level

        national_level: dict[str, Any] | None | Unset
        if isinstance(self.national_level, Unset):
            national_level = UNSET
        elif isinstance(self.national_level, NationalLevelInput):
            national_level = self.national_level.to_dict()
        else:
            national_level = self.national_level

        field_of_study: None | str | Unset
        if isinstance(self.field_of_study, Unset):
            field_of_study = UNSET
        else:
            field_of_study = self.field_of_study

        assessment_type: None | str | Unset
        if isinstance(self.assessment_type, Unset):
            assessment_type = UNSET
        else:
            assessment_type = self.assessment_type

        participation: None | str | Unset
        if isinstance(self.participation, Unset):
            participation = UNSET
        elif isinstance(self.participation, OfferUpdateParticipationType0):
            participation = self.participation.value
        else:
            participation = self.participation

        quality_assurance: dict[str, Any] | None | Unset
        if isinstance(self.quality_assurance, Unset):
            quality_assurance = UNSET
        elif isinstance(self.quality_assurance, QualityAssuranceInInput):
            quality_assurance = self.quality_assurance.to_dict()
        else:
            quality_assurance = self.quality_assurance

        prerequisites: None | str | Unset
        if isinstance(self.prerequisites, Unset):
            prerequisites = UNSET
        else:
            prerequisites = self.prerequisites

        supervision: None | str | Unset
        if isinstance(self.supervision, Unset):
            supervision = UNSET
        elif isinstance(self.supervision, OfferUpdateSupervisionType0):
            supervision = self.supervision.value
        else:
            supervision = self.supervision

        stackability: None | str | Unset
        if isinstance(self.stackability, Unset):
            stackability = UNSET
        elif isinstance(self.stackability, OfferUpdateStackabilityType0):
            stackability = self.stackability.value
        else:
            stackability = self.stackability

        stackable_towards: None | str | Unset
        if isinstance(self.stackable_towards, Unset):
            stackable_towards = UNSET
        else:
            stackable_towards = self.stackable_towards

        further_information: None | str | Unset
        if isinstance(self.further_information, Unset):
            further_information = UNSET
        else:
            further_information = self.further_information

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        cost: dict[str, Any] | None | Unset
        if isinstance(self.cost, Unset):
            cost = UNSET
        elif isinstance(self.cost, CostInput):
            cost = self.cost.to_dict()
        else:
            cost = self.cost

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        place: dict[str, Any] | None | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        elif isinstance(self.place, PlaceInput):
            place = self.place.to_dict()
        else:
            place = self.place

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        achievement_id: None | str | Unset
        if isinstance(self.achievement_id, Unset):
            achievement_id = UNSET
        elif isinstance(self.achievement_id, UUID):
            achievement_id = str(self.achievement_id)
        else:
            achievement_id = self.achievement_id

        awarded_credential: None | str | Unset
        if isinstance(self.awarded_credential, Unset):
            awarded_credential = UNSET
        else:
            awarded_credential = self.awarded_credential

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, OfferUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if learning_outcomes is not UNSET:
            field_dict["learning_outcomes"] = learning_outcomes
        if ects is not UNSET:
            field_dict["ects"] = ects
        if hours is not UNSET:
            field_dict["hours"] = hours
        if eqf_level is not UNSET:
            field_dict["eqf_level"] = eqf_level
        if national_level is not UNSET:
            field_dict["national_level"] = national_level
        if field_of_study is not UNSET:
            field_dict["field_of_study"] = field_of_study
        if assessment_type is not UNSET:
            field_dict["assessment_type"] = assessment_type
        if participation is not UNSET:
            field_dict["participation"] = participation
        if quality_assurance is not UNSET:
            field_dict["quality_assurance"] = quality_assurance
        if prerequisites is not UNSET:
            field_dict["prerequisites"] = prerequisites
        if supervision is not UNSET:
            field_dict["supervision"] = supervision
        if stackability is not UNSET:
            field_dict["stackability"] = stackability
        if stackable_towards is not UNSET:
            field_dict["stackable_towards"] = stackable_towards
        if further_information is not UNSET:
            field_dict["further_information"] = further_information
        if languages is not UNSET:
            field_dict["languages"] = languages
        if cost is not UNSET:
            field_dict["cost"] = cost
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if place is not UNSET:
            field_dict["place"] = place
        if url is not UNSET:
            field_dict["url"] = url
        if achievement_id is not UNSET:
            field_dict["achievement_id"] = achievement_id
        if awarded_credential is not UNSET:
            field_dict["awarded_credential"] = awarded_credential
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_input import CostInput  # noqa: PLC0415
        from ..models.national_level_input import NationalLevelInput  # noqa: PLC0415
        from ..models.outcome_in_input import OutcomeInInput  # noqa: PLC0415
        from ..models.place_input import PlaceInput  # noqa: PLC0415
        from ..models.quality_assurance_in_input import QualityAssuranceInInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _learning_outcomes = d.pop("learning_outcomes", UNSET)
        learning_outcomes: list[OutcomeInInput] | Unset = UNSET
        if _learning_outcomes is not UNSET:
            learning_outcomes = []
            for learning_outcomes_item_data in _learning_outcomes:
                learning_outcomes_item = OutcomeInInput.from_dict(learning_outcomes_item_data)

                learning_outcomes.append(learning_outcomes_item)

        def _parse_ects(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ects = _parse_ects(d.pop("ects", UNSET))

        def _parse_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_eqf_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        eqf_level = _parse_eqf_level(d.pop("eqf_level", UNSET))

        def _parse_national_level(data: object) -> NationalLevelInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                national_level_type_0 = NationalLevelInput.from_dict(data)

                return national_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NationalLevelInput | None | Unset, data)

        national_level = _parse_national_level(d.pop("national_level", UNSET))

        def _parse_field_of_study(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study", UNSET))

        def _parse_assessment_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assessment_type = _parse_assessment_type(d.pop("assessment_type", UNSET))

        def _parse_participation(data: object) -> None | OfferUpdateParticipationType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participation_type_0 = OfferUpdateParticipationType0(data)

                return participation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferUpdateParticipationType0 | Unset, data)

        participation = _parse_participation(d.pop("participation", UNSET))

        def _parse_quality_assurance(data: object) -> None | QualityAssuranceInInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quality_assurance_type_0 = QualityAssuranceInInput.from_dict(data)

                return quality_assurance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QualityAssuranceInInput | Unset, data)

        quality_assurance = _parse_quality_assurance(d.pop("quality_assurance", UNSET))

        def _parse_prerequisites(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prerequisites = _parse_prerequisites(d.pop("prerequisites", UNSET))

        def _parse_supervision(data: object) -> None | OfferUpdateSupervisionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supervision_type_0 = OfferUpdateSupervisionType0(data)

                return supervision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferUpdateSupervisionType0 | Unset, data)

        supervision = _parse_supervision(d.pop("supervision", UNSET))

        def _parse_stackability(data: object) -> None | OfferUpdateStackabilityType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stackability_type_0 = OfferUpdateStackabilityType0(data)

                return stackability_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferUpdateStackabilityType0 | Unset, data)

        stackability = _parse_stackability(d.pop("stackability", UNSET))

        def _parse_stackable_towards(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stackable_towards = _parse_stackable_towards(d.pop("stackable_towards", UNSET))

        def _parse_further_information(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        further_information = _parse_further_information(d.pop("further_information", UNSET))

        languages = cast(list[str], d.pop("languages", UNSET))

        def _parse_cost(data: object) -> CostInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cost_type_0 = CostInput.from_dict(data)

                return cost_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CostInput | None | Unset, data)

        cost = _parse_cost(d.pop("cost", UNSET))

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_place(data: object) -> None | PlaceInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_type_0 = PlaceInput.from_dict(data)

                return place_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceInput | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_achievement_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                achievement_id_type_0 = UUID(data)

                return achievement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        achievement_id = _parse_achievement_id(d.pop("achievement_id", UNSET))

        def _parse_awarded_credential(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        awarded_credential = _parse_awarded_credential(d.pop("awarded_credential", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_status(data: object) -> None | OfferUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = OfferUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        offer_update = cls(
            description=description,
            learning_outcomes=learning_outcomes,
            ects=ects,
            hours=hours,
            eqf_level=eqf_level,
            national_level=national_level,
            field_of_study=field_of_study,
            assessment_type=assessment_type,
            participation=participation,
            quality_assurance=quality_assurance,
            prerequisites=prerequisites,
            supervision=supervision,
            stackability=stackability,
            stackable_towards=stackable_towards,
            further_information=further_information,
            languages=languages,
            cost=cost,
            starts_on=starts_on,
            ends_on=ends_on,
            place=place,
            url=url,
            achievement_id=achievement_id,
            awarded_credential=awarded_credential,
            title=title,
            status=status,
        )

        return offer_update
