"""Pages and JSON answers leave without bidirectional controls, whatever was stored.

Input loses them at the door (`campaign_portal.input_text`, the spreadsheet reader), but a title
written by a Django shell, raw SQL or an earlier release may still hold a right-to-left override,
and one such character in a list would print the rest of its line backwards. Cleaning the answer
once, here, is the one place no template can forget; the report renderers and the spreadsheet
writer do the same for their files. The controls are whole UTF-8 sequences (UTF-8 never starts a
character inside another), so they are removed from the bytes without decoding the page. Django's
`JsonResponse` escapes them (`\\u202e`), so JSON loses the escapes too, not an escaped backslash
followed by the same letters. Files (streaming answers) are sent as stored."""

import re

from .text import BIDI_CONTROLS


def _raw_pattern(chars) -> bytes:
    """The controls' UTF-8 sequences as one branch per leading bytes with a class of last bytes,
    instead of one branch per control: the regex engine tries the branches at every byte of a page."""
    by_lead: dict[bytes, list[bytes]] = {}
    for char in chars:
        encoded = char.encode()
        by_lead.setdefault(encoded[:-1], []).append(encoded[-1:])
    return b"|".join(
        re.escape(lead) + b"[" + b"".join(re.escape(last) for last in lasts) + b"]" for lead, lasts in by_lead.items()
    )


_RAW = re.compile(_raw_pattern(BIDI_CONTROLS))
_ESCAPE = rb"\\u(?:" + b"|".join(f"{ord(char):04x}".encode() for char in BIDI_CONTROLS) + rb")"
# Looked for first, since the search with a literal start is fast and the exact pattern is not.
_ANY_ESCAPE = re.compile(_ESCAPE, re.IGNORECASE)
# An escape is a backslash that is not itself escaped: preceded by an even run of backslashes.
_ESCAPED = re.compile(rb"(?<!\\)((?:\\\\)*)" + _ESCAPE, re.IGNORECASE)
_TEXT_TYPES = ("text/", "application/json")


def _utf8(content_type: str) -> bool:
    return "charset=" not in content_type or "charset=utf-8" in content_type.replace(" ", "")


class BidiFreeOutputMiddleware:
    """Inside CommonMiddleware, which sets the Content-Length of the cleaned answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "").lower()
        if response.streaming or not content_type.startswith(_TEXT_TYPES) or not _utf8(content_type):
            return response
        content, removed = _RAW.subn(b"", response.content)
        if content_type.startswith("application/json") and _ANY_ESCAPE.search(content):
            content, escapes = _ESCAPED.subn(rb"\1", content)
            removed += escapes
        if removed:
            response.content = content
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(content))
        return response
