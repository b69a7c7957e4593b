from enum import StrEnum


class WebhookEndpointCreateEventTypesItem(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DELIVERED = "delivered"
    INVITATION_CLAIMED = "invitation_claimed"
    INVITED = "invited"

    def __str__(self) -> str:
        return str(self.value)
