"""Finding earlier registrations of the same initiative: the same model comes back under a new
name in a later year or at another agency, and would be counted as new.

One function, `similar_initiatives_score`, with two backends that give the same scores: on
PostgreSQL the pg_trgm `similarity()` of the folded title and description, served by a trigram
index; on the embedded SQLite database the same measure computed here in Python, over a
candidate set bounded by the folded words the texts share (SQLite has no trigram index, and
scoring every initiative of a province in Python at each registration would not scale).

`trigram_similarity` reproduces pg_trgm's definition for folded (lower-case, unaccented) text:
each word is padded with two spaces before and one after, its three-letter windows are the
trigrams, and the score is the shared trigrams over all the trigrams of both texts.
"""

import re

from django.db import connection
from django.db.models import Case, F, IntegerField, QuerySet, TextField, Value, When
from django.db.models.functions import Concat

from .enums import InitiativeState
from .models import Initiative

# Below this, two initiatives of the same campaign theme ("cải cách hành chính", "một cửa") share
# enough common words to look alike; at and above it the reviewer's attention is worth asking.
SIMILARITY_THRESHOLD = 0.4
# A reviewer reads a handful of matches; more means the text is too generic to say anything.
MAX_MATCHES = 10
# The SQLite backend's candidates share at least this many distinct folded words with the text
# (fewer when the text itself has fewer words).
MIN_SHARED_WORDS = 3
# Syllables of one or two letters ("và", "của" fold to "va", "cua") are in every text.
_MIN_WORD_LENGTH = 3
_MAX_CANDIDATE_WORDS = 24

_WORD = re.compile(r"[^\W_]+")


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams of an already folded text."""
    grams: set[str] = set()
    for word in _WORD.findall(text):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def trigram_similarity(first: str, second: str) -> float:
    """pg_trgm's similarity(): shared trigrams over the union, 0 when either text has none."""
    a, b = trigrams(first), trigrams(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _candidates(initiative: Initiative) -> QuerySet[Initiative]:
    """What an initiative is compared with: the others already registered, in any campaign,
    year or agency, except those that already found this one (a pair is listed once)."""
    return (
        Initiative.objects.exclude(pk=initiative.pk)
        .exclude(state=InitiativeState.DRAFT)
        .exclude(similar_matches__similar_to=initiative)
    )


def _scores_postgresql(initiative: Initiative) -> list[tuple[int, float]]:
    with connection.cursor() as cursor:
        # `%` uses the trigram index with pg_trgm's own cut-off (0.3, below ours); the exact
        # threshold is applied on the score.
        cursor.execute("SET LOCAL pg_trgm.similarity_threshold = %s", [SIMILARITY_THRESHOLD])
    # extra(): Django has no expression for pg_trgm's `%` operator outside django.contrib.postgres;
    # the SQL is fixed and the text a bound parameter.
    rows = (
        _candidates(initiative)
        .extra(
            select={"score": "similarity(initiatives_initiative.match_text, %s)"},
            select_params=[initiative.match_text],
            where=["initiatives_initiative.match_text %% %s"],
            params=[initiative.match_text],
        )
        .order_by("-score", "pk")
        .values_list("pk", "score")
    )
    return [(pk, float(score)) for pk, score in rows if score >= SIMILARITY_THRESHOLD]


def candidate_words(text: str) -> list[str]:
    """The distinct words the SQLite backend looks for, the longest (the most telling) first."""
    words = {word for word in _WORD.findall(text) if len(word) >= _MIN_WORD_LENGTH}
    return sorted(words, key=lambda word: (-len(word), word))[:_MAX_CANDIDATE_WORDS]


def _scores_python(initiative: Initiative) -> list[tuple[int, float]]:
    words = candidate_words(initiative.match_text)
    if not words:
        return []
    padded = Concat(Value(" "), F("match_text"), Value(" "), output_field=TextField())
    shared = sum(
        (Case(When(padded_text__contains=f" {word} ", then=Value(1)), default=Value(0)) for word in words),
        start=Value(0, output_field=IntegerField()),
    )
    rows = (
        _candidates(initiative)
        .annotate(padded_text=padded)
        .annotate(shared_words=shared)
        .filter(shared_words__gte=min(MIN_SHARED_WORDS, len(words)))
        .values_list("pk", "match_text")
    )
    scores = [(pk, trigram_similarity(initiative.match_text, text)) for pk, text in rows]
    return sorted(
        ((pk, score) for pk, score in scores if score >= SIMILARITY_THRESHOLD), key=lambda row: (-row[1], row[0])
    )


def similar_initiatives_score(initiative: Initiative, *, backend: str | None = None) -> list[tuple[int, float]]:
    """(id, score) of the registered initiatives like this one, the most alike first.
    `backend` ("postgresql" or "python") defaults to the database's own."""
    if not initiative.match_text.strip():
        return []
    backend = backend or ("postgresql" if connection.vendor == "postgresql" else "python")
    scores = _scores_postgresql(initiative) if backend == "postgresql" else _scores_python(initiative)
    return scores[:MAX_MATCHES]
