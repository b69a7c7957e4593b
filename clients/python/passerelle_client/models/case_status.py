from enum import StrEnum


class CaseStatus(StrEnum):
    APPEALED = "appealed"
    AWAITING_LEARNER = "awaiting_learner"
    DECIDED = "decided"
    IN_REVIEW = "in_review"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
