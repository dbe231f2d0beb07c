"""vietnamese_sort_key and vietnamese_order (campaign_portal/text.py): Đ after D, tones in order."""

import random

from agencies.models import Agency
from campaign_portal.text import vietnamese_order, vietnamese_sort_key
from tests.factories import AgencyFactory

DICTIONARY_ORDER = [
    "An",
    "Ăn",
    "Ân",
    "Ba",
    "Bà",
    "Bả",
    "Bã",
    "Bá",
    "Bạ",
    "Bình",
    "Duy Xuyên",
    "Đại Lộc",
    "Điện Bàn",
    "Đông Giang",
    "Ông",
    "Ơn",
    "Ung",
    "Ưng",
]


def test_sort_key_follows_the_vietnamese_dictionary():
    shuffled = random.Random(4064).sample(DICTIONARY_ORDER, len(DICTIONARY_ORDER))
    assert sorted(shuffled, key=vietnamese_sort_key) == DICTIONARY_ORDER


def test_sort_key_takes_look_alike_d_as_the_vietnamese_letter():
    assert sorted(["Ðông Giang", "Duy Xuyên"], key=vietnamese_sort_key) == ["Duy Xuyên", "Ðông Giang"]


def test_order_by_in_the_database_is_the_same_as_the_sort_key(db):
    names = ["UBND huyện Đại Lộc", "UBND huyện Duy Xuyên", "UBND thị xã Điện Bàn", "UBND huyện Đông Giang"]
    for name in names:
        AgencyFactory(name=name)
    ordered = list(
        Agency.objects.filter(name__in=names).order_by(vietnamese_order("name")).values_list("name", flat=True)
    )
    assert ordered == sorted(names, key=vietnamese_sort_key)
    assert ordered[0] == "UBND huyện Duy Xuyên"
