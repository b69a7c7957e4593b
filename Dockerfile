# Passerelle: `docker build -t passerelle .`, then see docs/deploy.md.
#
# Two stages on the same base image, so the virtual environment's interpreter path (/usr/local/bin/python3.11)
# and the source path (/app) are identical in both: the venv and the editable install are copied, not rebuilt.

ARG PYTHON_IMAGE=python:3.11-slim

# --- builder: the locked dependencies in /opt/venv, the project installed editable from /app -----------------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INPUT=1

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}"

WORKDIR /app

# Dependencies first, in their own layer: it is rebuilt only when the lock changes. Every locked package has
# wheels for CPython 3.11 on glibc x86_64 and aarch64, so no compiler is needed (and none is in the slim image).
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --only-binary=:all: -r requirements.lock

# The source tree stays at /app: core/database.py finds the migrations at <core>/../alembic. The editable
# install puts /app on sys.path through a .pth file; hatchling comes from the lock (--no-build-isolation).
COPY pyproject.toml README.md alembic.ini ./
COPY alembic ./alembic
COPY core ./core
COPY wallet ./wallet
COPY recognition ./recognition
COPY api ./api
RUN pip install --no-cache-dir --no-deps --no-build-isolation -e . \
    && pip check \
    && python -m compileall -q api core wallet recognition alembic

# --- runtime ---------------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

LABEL org.opencontainers.image.title="Passerelle" \
      org.opencontainers.image.description="Learner wallet and recognition service for learning credentials" \
      org.opencontainers.image.licenses="EUPL-1.2"

# A fixed, unprivileged uid/gid, so volumes and Kubernetes securityContext can name them. The data directory is
# created here, before VOLUME, so a new named volume starts out owned by this user with mode 0700.
# DejaVu gives share PDFs every European script (without it they fall back to a Latin-1 core font).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --gid 10001 passerelle \
    && useradd --uid 10001 --gid 10001 --no-log-init --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin passerelle \
    && install -d -m 0700 -o passerelle -g passerelle /var/lib/passerelle

COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app

ENV PATH="/opt/venv/bin:${PATH}" \
    VIRTUAL_ENV=/opt/venv \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PASSERELLE_HOST=0.0.0.0 \
    PASSERELLE_DATA_DIR=/var/lib/passerelle

WORKDIR /app
USER 10001:10001
VOLUME ["/var/lib/passerelle"]
EXPOSE 8000

# Liveness only (no curl in the slim image). Proxies from the environment are bypassed; the port follows
# PASSERELLE_PORT. Readiness (/readyz) is for the orchestrator or the load balancer, not for this check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request as u; r = u.build_opener(u.ProxyHandler({})).open('http://127.0.0.1:%s/healthz' % os.environ.get('PASSERELLE_PORT', '8000'), timeout=4); sys.exit(r.status != 200)"]

ENTRYPOINT ["passerelle"]
CMD ["serve"]
