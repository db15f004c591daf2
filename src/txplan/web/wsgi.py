"""The WSGI application for gunicorn (`txplan serve`, or `gunicorn txplan.web.wsgi`).

Loading it refuses to start in production mode while the database holds a demo account.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "txplan.web.settings")
application = get_wsgi_application()


def _guard() -> None:
    from django.db import connections

    from txplan.web.ops import refuse_demo_in_production

    try:
        refuse_demo_in_production()
    finally:
        connections.close_all()


_guard()
