"""Every text that arrives with a request is composed (NFC) before any view, form or filter sees
it: one mechanism that no form can forget, instead of a `clean_*` per field. Query strings (the
search boxes), posted fields and the names of uploaded files go through `campaign_portal.text.nfc`;
spreadsheet cells are composed where they are read (`campaign_portal.spreadsheets`)."""

from django.http import QueryDict

from .text import nfc


def _composed(data: QueryDict) -> QueryDict:
    if all(nfc(key) == key and all(nfc(v) == v for v in values) for key, values in data.lists()):
        return data
    composed = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        composed.setlist(nfc(key), [nfc(value) for value in values])
    composed._mutable = False
    return composed


class ComposedInputMiddleware:
    """Replaces request.GET and request.POST by their NFC forms, and composes uploaded file names.
    Reading request.POST here parses the body as the CSRF check would anyway."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _composed(request.GET)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            request.POST = _composed(request.POST)
            for _field, uploads in request.FILES.lists():
                for upload in uploads:
                    upload.name = nfc(upload.name)
        return self.get_response(request)
