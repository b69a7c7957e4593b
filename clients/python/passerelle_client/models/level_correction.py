from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.level_correction_qf_ehea_cycle_type_0 import LevelCorrectionQfEheaCycleType0
from ..models.level_correction_status_type_0 import LevelCorrectionStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="LevelCorrection")


@_attrs_define
class LevelCorrection:
    """An administrator's correction of a framework level; only the fields sent change. `reason` is required.

    Attributes:
        reason (str):
        eqf_levels (list[int] | None | Unset):
        decided_by (None | str | Unset):
        qf_ehea_cycle (LevelCorrectionQfEheaCycleType0 | None | Unset):
        aliases (list[str] | None | Unset):
        examples (list[str] | None | Unset):
        note (None | str | Unset):
        source_url (None | str | Unset):
        as_of (datetime.date | None | Unset):
        status (LevelCorrectionStatusType0 | None | Unset):
    """

    reason: str
    eqf_levels: list[int] | None | Unset = UNSET
    decided_by: None | str | Unset = UNSET
    qf_ehea_cycle: LevelCorrectionQfEheaCycleType0 | None | Unset = UNSET
    aliases: list[str] | None | Unset = UNSET
    examples: list[str] | None | Unset = UNSET
    note: None | str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    as_of: datetime.date | None | Unset = UNSET
    status: LevelCorrectionStatusType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        eqf_levels: list[int] | None | Unset
        if isinstance(self.eqf_levels, Unset):
            eqf_levels = UNSET
        elif isinstance(self.eqf_levels, list):
            eqf_levels = self.eqf_levels

        else:
            eqf_levels = self.eqf_levels

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        qf_ehea_cycle: None | str | Unset
        if isinstance(self.qf_ehea_cycle, Unset):
            qf_ehea_cycle = UNSET
        elif isinstance(self.qf_ehea_cycle, LevelCorrectionQfEheaCycleType0):
            qf_ehea_cycle = self.qf_ehea_cycle.value
        else:
            qf_ehea_cycle = self.qf_ehea_cycle

        aliases: list[str] | None | Unset
        if isinstance(self.aliases, Unset):
            aliases = UNSET
        elif isinstance(self.aliases, list):
            aliases = self.aliases

        else:
            aliases = self.aliases

        examples: list[str] | None | Unset
        if isinstance(self.examples, Unset):
            examples = UNSET
        elif isinstance(self.examples, list):
            examples = self.examples

        else:
            examples = self.examples

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, LevelCorrectionStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if eqf_levels is not UNSET:
            field_dict["eqf_levels"] = eqf_levels
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if qf_ehea_cycle is not UNSET:
            field_dict["qf_ehea_cycle"] = qf_ehea_cycle
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if examples is not UNSET:
            field_dict["examples"] = examples
        if note is not UNSET:
            field_dict["note"] = note
        if source_url is not UNSET:
            field_dict["source_url"] = source_url
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_eqf_levels(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                eqf_levels_type_0 = cast(list[int], data)

                return eqf_levels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        eqf_levels = _parse_eqf_levels(d.pop("eqf_levels", UNSET))

        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_qf_ehea_cycle(data: object) -> LevelCorrectionQfEheaCycleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                qf_ehea_cycle_type_0 = LevelCorrectionQfEheaCycleType0(data)

                return qf_ehea_cycle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelCorrectionQfEheaCycleType0 | None | Unset, data)

        qf_ehea_cycle = _parse_qf_ehea_cycle(d.pop("qf_ehea_cycle", UNSET))

        def _parse_aliases(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                aliases_type_0 = cast(list[str], data)

                return aliases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        aliases = _parse_aliases(d.pop("aliases", UNSET))

        def _parse_examples(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                examples_type_0 = cast(list[str], data)

                return examples_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        examples = _parse_examples(d.pop("examples", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_source_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_url = _parse_source_url(d.pop("source_url", UNSET))

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_status(data: object) -> LevelCorrectionStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = LevelCorrectionStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelCorrectionStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        level_correction = cls(
            reason=reason,
            eqf_levels=eqf_levels,
            decided_by=decided_by,
            qf_ehea_cycle=qf_ehea_cycle,
            aliases=aliases,
            examples=examples,
            note=note,
            source_url=source_url,
            as_of=as_of,
            status=status,
        )

        return level_correction
