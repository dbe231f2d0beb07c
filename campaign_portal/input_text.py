"""Every text that arrives with a request is composed (NFC) and loses its bidirectional controls
before any view, form or filter sees it: one mechanism that no form can forget, instead of a
`clean_*` per field. Query strings (the search boxes), posted fields and the names of uploaded
files go through `campaign_portal.text.plain_text`; spreadsheet cells go through it where they are
read (`campaign_portal.spreadsheets`). What leaves is cleaned as well (`campaign_portal.output_text`),
for text stored before this existed."""

from django.http import QueryDict

from .text import plain_text


def _plain(data: QueryDict) -> QueryDict:
    if all(plain_text(key) == key and all(plain_text(v) == v for v in values) for key, values in data.lists()):
        return data
    composed = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        composed.setlist(plain_text(key), [plain_text(value) for value in values])
    composed._mutable = False
    return composed


class ComposedInputMiddleware:
    """Replaces request.GET and request.POST by their plain forms, and cleans uploaded file names.
    Reading request.POST here parses the body as the CSRF check would anyway."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _plain(request.GET)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            request.POST = _plain(request.POST)
            for _field, uploads in request.FILES.lists():
                for upload in uploads:
                    upload.name = plain_text(upload.name)
        return self.get_response(request)
