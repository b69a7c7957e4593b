"""Framework-free kernel: settings, database, errors, clock, ids, keys and JOSE wrappers.

Nothing here imports FastAPI, Starlette or the domain packages.
"""
