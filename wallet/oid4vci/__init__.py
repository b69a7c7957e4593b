"""OpenID for Verifiable Credential Issuance 1.0, wallet side: a learner collects a credential from any standard
issuer into the inbox.

    models.py    offers, issuer and authorization server metadata, token and credential answers (pure parsing)
    client.py    the pre-authorized code flow over HTTP, through the outbound guard (no database)
    holder.py    the learner's holder key and the key proof JWT
    service.py   collect: run the flow, then put what was issued in the learner's inbox, pending
    schemas.py   the API's request and answer
    errors.py    the errors, in its module docstring
"""
