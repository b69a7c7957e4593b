"""Errors of recognition requests and cases.

CaseNotFound (NotFound)                 no such case for this learner, or in this officer's body
BodyNotFound (NotFound)                 no such recognition body
UnknownBody (InvalidInput)              the request names no registered recognition body
UnknownTarget (InvalidInput)            the request names a target qualification the body does not have
UnknownLearningEntry (InvalidInput)     the request names self-recorded learning entries not in the learner's wallet
OutcomeNotAllowed (InvalidInput)        an outcome the case's kind does not allow (an assessment outside a passport case)
CaseClosed (Conflict)                   the case is withdrawn or decided: it takes no more of this action
WrongStatus (Conflict)                  the action does not fit the case's status; `status` says which it is
InterviewRequired (Conflict)            a qualifications-passport case is decided only after its interview
AppealDeadlinePassed (Conflict)         the appeal came after its deadline; `deadline` says which day it was
FourEyes (PermissionDenied)             an appeal is decided by an officer who did not decide the case before
"""

from __future__ import annotations

from datetime import date

from core.errors import Conflict, InvalidInput, NotFound, PermissionDenied


class CaseNotFound(NotFound):
    code = "case_not_found"
    default_detail = "There is no such recognition case."


class BodyNotFound(NotFound):
    code = "body_not_found"
    default_detail = "There is no such recognition body."


class UnknownBody(InvalidInput):
    code = "unknown_body"
    default_detail = "There is no recognition body with this id."


class UnknownTarget(InvalidInput):
    code = "unknown_target"
    default_detail = "The body has no target qualification with this id."


class UnknownLearningEntry(InvalidInput):
    code = "unknown_learning_entry"
    default_detail = "Some of the learning entries named are not in your wallet."

    def __init__(self, entry_ids: list[str]) -> None:
        super().__init__(entry_ids=entry_ids)


class OutcomeNotAllowed(InvalidInput):
    code = "outcome_not_allowed"


class CaseClosed(Conflict):
    code = "case_closed"


class WrongStatus(Conflict):
    code = "wrong_status"

    def __init__(self, detail: str, status: str) -> None:
        super().__init__(detail, status=status)


class InterviewRequired(Conflict):
    code = "interview_required"
    default_detail = "A qualifications-passport assessment is decided after the interview: record it first."


class AppealDeadlinePassed(Conflict):
    code = "appeal_deadline_passed"

    def __init__(self, deadline: date) -> None:
        super().__init__(
            f"The appeal period ended on {deadline.isoformat()}; the decision can no longer be appealed here.",
            deadline=deadline.isoformat(),
        )


class FourEyes(PermissionDenied):
    code = "four_eyes"
    default_detail = "An appeal is decided by an officer who did not decide this case before."
