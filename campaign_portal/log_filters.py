"""Logging filters: a refused request is one line in the log, not a traceback.

Django logs every PermissionDenied, bad request and CSRF failure on `django.request` with the
exception's traceback. A 403 is the portal doing its job (an officer opening another agency's
record), so the traceback only hides the real errors; the line keeps the path and the reason."""

import logging


class ClientErrorsOneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500 and record.exc_info:
            exception = record.exc_info[1]
            reason = str(exception) if exception is not None else ""
            if reason and reason not in record.getMessage() and isinstance(record.args, tuple):
                record.msg = f"{record.msg} ({type(exception).__name__}: %s)"
                record.args = (*record.args, reason)
            record.exc_info = None
            record.exc_text = None
        return True
