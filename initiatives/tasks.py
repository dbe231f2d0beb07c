from celery import shared_task

from .services import similar_initiatives_find


@shared_task(name="initiatives.similar_initiatives_find")
def similar_initiatives_find_task(initiative_ids: list[int]) -> int:
    """Find the similar initiatives of newly registered or imported ones; returns the matches stored."""
    return sum(len(similar_initiatives_find(initiative_id=pk)) for pk in initiative_ids)
