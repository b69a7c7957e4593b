"""Offer errors (the Annex I refusal is hosted issuing's `AnnexIncomplete`, 422 `annex_i_incomplete`).

OfferNotFound (NotFound)               no such offer — for its institution: none of its own; for anyone else: none
                                       published
UnknownFieldOfStudy (InvalidInput)     an ISCED-F code the frameworks data does not hold
UnknownEqfLevel (InvalidInput)         an EQF level the frameworks data does not hold
UnknownAchievement (InvalidInput)      `achievement_id` names no achievement definition of this institution, or an
                                       archived one
"""

from __future__ import annotations

from core.errors import InvalidInput, NotFound


class OfferNotFound(NotFound):
    code = "offer_not_found"
    default_detail = "There is no such offer."


class UnknownFieldOfStudy(InvalidInput):
    code = "unknown_field_of_study"


class UnknownEqfLevel(InvalidInput):
    code = "unknown_eqf_level"


class UnknownAchievement(InvalidInput):
    code = "unknown_achievement"
    default_detail = "`achievement_id` names none of your achievement definitions that is still issued."
