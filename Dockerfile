# checkin-bot container image; docs/operations.md explains how to run and back it up.
#   docker build -t checkin-bot .
#   docker run -d --name checkin-bot --restart on-failure:5 --env-file checkin.env \
#       -v checkin-data:/data checkin-bot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MPLCONFIGDIR=/tmp/matplotlib \
    DATABASE_PATH=/data/checkin.db

# The bot never runs as root.
RUN groupadd --system --gid 10001 checkin \
    && useradd --system --uid 10001 --gid checkin --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin checkin

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY locales ./locales
COPY examples ./examples
# Editable on purpose: the translations are read from /app/locales, next to the code, and a
# plain `pip install .` does not carry them along yet (see docs/operations.md).
RUN pip install -e . \
    && mkdir -p /data \
    && chown checkin:checkin /data \
    && chmod 0700 /data

VOLUME ["/data"]
USER checkin
# Only used in webhook mode (WEBHOOK_URL set), behind a reverse proxy that terminates HTTPS.
EXPOSE 8443
CMD ["checkin-bot", "run"]
