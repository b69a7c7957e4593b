"""Webhooks for institutions' systems, per Standard Webhooks: endpoints, signed deliveries, retries, dead letters."""
