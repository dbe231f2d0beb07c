# Image for the web, worker and beat services of docker-compose.yml.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends \
        gettext libpango-1.0-0 libpangoft2-1.0-0 npm make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock package.json package-lock.json ./
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
RUN NPM_CONFIG_OMIT=dev make assets \
    && python manage.py compilemessages --ignore=node_modules -v 0 \
    && PORTAL_PRODUCTION=1 python manage.py collectstatic --noinput -v 0
RUN useradd --system --home /app portal && mkdir -p /data/media && chown -R portal /app /data
USER portal
EXPOSE 8000
CMD ["gunicorn", "campaign_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-class", "gthread", "--threads", "4"]
