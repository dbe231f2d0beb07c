"""The narrative sections that staff write, in the order of the report (key, label, heading)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SectionSpec:
    key: str
    label: str


SECTIONS = [
    SectionSpec("i_1", _("I.1. Triển khai kế hoạch")),
    SectionSpec("i_2", _("I.2. Triển khai tổng kết")),
    SectionSpec("ii_1", _("II.1. Nhận thức, trách nhiệm")),
    SectionSpec("ii_2", _("II.2. Nhận xét sau danh sách mô hình, sáng kiến")),
    SectionSpec("ii_3", _("II.3. Thông tin, tuyên truyền")),
    SectionSpec("ii_4_1", _("II.4.1. Cải cách thủ tục hành chính")),
    SectionSpec("ii_4_2", _("II.4.2. Cải cách thể chế")),
    SectionSpec("ii_4_3", _("II.4.3. Tổ chức bộ máy, chế độ công vụ")),
    SectionSpec("ii_4_4", _("II.4.4. Công nghệ thông tin, chuyển đổi số")),
    SectionSpec("iii_1", _("III.1. Ưu điểm")),
    SectionSpec("iii_2", _("III.2. Tồn tại, hạn chế")),
    SectionSpec("iv", _("IV. Bài học kinh nghiệm")),
    SectionSpec("v", _("V. Kiến nghị, đề xuất")),
    SectionSpec("closing", _("Câu kết")),
]
SECTION_KEYS = [spec.key for spec in SECTIONS]
