"""Recognition errors. Each names what the caller can send instead (`valid_values`) when there is a short list.

UnknownCountry (NotFound)              no framework is shipped for this country; `valid_values` lists the countries
UnknownFramework (NotFound)            no such framework (in this country); `valid_values` lists the frameworks
UnknownLevel (NotFound)                the framework has no such level; `valid_values` lists its level labels
FrameworkRequired (InvalidInput)       the country has several current frameworks and none was named
UnknownCreditSystem (InvalidInput)     no conversion rule for this credit system; `valid_values` lists the systems
LevelNotFound (NotFound)               no framework level with this id
CreditRuleNotFound (NotFound)          no credit rule with this id that this caller may change
DuplicateCreditRule (Conflict)         the institution already has its own rule for this credit system
GradingTableNotFound (NotFound)        no grading table with this id (that this caller may change, when writing)
GradeNotInTable (InvalidInput)         the grade is not one of the table's grades; `valid_values` lists them
InvalidGradingTable (InvalidInput)     a table without awarded grades, or with a grade twice
InvalidCorrection (InvalidInput)       a correction that breaks a data rule (several EQF levels and nothing saying what decides)
"""

from __future__ import annotations

from collections.abc import Iterable

from core.errors import Conflict, InvalidInput, NotFound

MAX_LISTED = 60


def _listing(values: Iterable[str]) -> list[str]:
    return list(values)[:MAX_LISTED]


class UnknownCountry(NotFound):
    code = "unknown_country"

    def __init__(self, country: str, valid: Iterable[str]) -> None:
        values = _listing(valid)
        super().__init__(
            f"No qualifications framework is held for country {country!r}. Valid values: {', '.join(values)}.",
            valid_values=values,
        )


class UnknownFramework(NotFound):
    code = "unknown_framework"

    def __init__(self, framework: str, valid: Iterable[str], *, country: str | None = None) -> None:
        values = _listing(valid)
        where = f" for {country}" if country else ""
        super().__init__(
            f"There is no framework {framework!r}{where}. Valid values: {', '.join(values)}.", valid_values=values
        )


class UnknownLevel(NotFound):
    code = "unknown_level"

    def __init__(self, level: str, framework: str, valid: Iterable[str]) -> None:
        values = _listing(valid)
        super().__init__(f"{framework} has no level {level!r}. Valid values: {', '.join(values)}.", valid_values=values)


class FrameworkRequired(InvalidInput):
    code = "framework_required"

    def __init__(self, country: str, valid: Iterable[str]) -> None:
        values = _listing(valid)
        super().__init__(
            f"{country} has several qualifications frameworks; name one with `framework`. Valid values: "
            f"{', '.join(values)}.",
            valid_values=values,
        )


class UnknownCreditSystem(InvalidInput):
    code = "unknown_credit_system"

    def __init__(self, system: str, valid: Iterable[str]) -> None:
        values = _listing(valid)
        super().__init__(
            f"There is no conversion rule for the credit system {system!r}. Valid values: {', '.join(values)}.",
            valid_values=values,
        )


class LevelNotFound(NotFound):
    code = "level_not_found"
    default_detail = "There is no framework level with this id."


class CreditRuleNotFound(NotFound):
    code = "credit_rule_not_found"
    default_detail = "There is no credit rule with this id that you may change."


class DuplicateCreditRule(Conflict):
    code = "duplicate_credit_rule"
    default_detail = "This institution already has its own rule for this credit system; change or delete that one."


class GradingTableNotFound(NotFound):
    code = "grading_table_not_found"
    default_detail = "There is no grading table with this id that you may use here."


class GradeNotInTable(InvalidInput):
    code = "grade_not_in_table"

    def __init__(self, grade: str, valid: Iterable[str]) -> None:
        values = _listing(valid)
        super().__init__(
            f"The grade {grade!r} is not in the foreign grading table. Valid values: {', '.join(values)}.",
            valid_values=values,
        )


class InvalidGradingTable(InvalidInput):
    code = "invalid_grading_table"
    default_detail = "A grading table needs distinct grades, best first, and at least one grade awarded."


class InvalidCorrection(InvalidInput):
    code = "invalid_correction"
    default_detail = "The correction breaks a rule of the frameworks data."
