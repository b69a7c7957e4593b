"""Webhook errors.

WebhookEndpointNotFound (NotFound)     no such endpoint for this institution (another institution's too)
WebhookDeliveryNotFound (NotFound)     no such delivery for this institution (another institution's too)
WebhookURLRefused (InvalidInput)       the URL is not https, or names a private, loopback or link-local address
TooManyEndpoints (Conflict)            the institution already has `MAX_ENDPOINTS` endpoints
DeliveryNotDead (Conflict)             only a dead delivery can be redelivered
EndpointDisabled (Conflict)            redelivery to an endpoint that is disabled (enable it first)
"""

from __future__ import annotations

from core.errors import Conflict, InvalidInput, NotFound


class WebhookEndpointNotFound(NotFound):
    code = "webhook_endpoint_not_found"
    default_detail = "This institution has no such webhook endpoint."


class WebhookDeliveryNotFound(NotFound):
    code = "webhook_delivery_not_found"
    default_detail = "This institution has no such webhook delivery."


class WebhookURLRefused(InvalidInput):
    code = "webhook_url_refused"
    default_detail = "Webhooks are sent to public https URLs only."


class TooManyEndpoints(Conflict):
    code = "too_many_webhook_endpoints"
    default_detail = "This institution has as many webhook endpoints as it may; delete one first."


class DeliveryNotDead(Conflict):
    code = "webhook_delivery_not_dead"
    default_detail = "Only a dead delivery can be redelivered."


class EndpointDisabled(Conflict):
    code = "webhook_endpoint_disabled"
    default_detail = "The endpoint is disabled; enable it before redelivering to it."
