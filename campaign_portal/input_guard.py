"""The NUL character (U+0000) is refused at the door, for every form and filter alike.

PostgreSQL cannot store it in text (a NUL reaching a query or a save is a 500), no Vietnamese text
needs it, and a field-by-field check would leave the fields that are not text (dates, choices,
numbers) answering with a message about something else. One middleware sees every parameter (GET
and POST; Django already drops non-printable characters from upload names) before any view does,
and answers 400 with a Vietnamese page naming the fields to correct. A NUL written as a JSON escape
(`\\u0000`) is text until it is parsed: the one form that parses JSON (criterion parameters)
refuses it itself."""

from django.template.response import TemplateResponse

NUL = "\x00"


def _fields_with_nul(request) -> list[str]:
    fields = []
    for data in (request.GET, request.POST):
        for name, values in data.lists():
            if NUL in name or any(NUL in value for value in values):
                fields.append(name.replace(NUL, ""))
    return fields


class RefuseNulMiddleware:
    """After the session, locale and authentication middleware, so that the page is in the user's
    language and carries the user's navigation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        fields = _fields_with_nul(request)
        if fields:
            names = sorted(set(fields))
            context = {"fields": ", ".join(f"“{name}”" for name in names), "count": len(names)}
            return TemplateResponse(request, "campaign_portal/refused_nul.html", context, status=400).render()
        return self.get_response(request)
