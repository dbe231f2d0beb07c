"""Demo log-ins for every role. Idempotent: existing accounts keep their passwords reset to the
demo password so that the printed table is always right."""

from django.core.management.base import CommandError
from django.db import transaction

from accounts.enums import Role
from accounts.models import User
from agencies.models import Agency

DEMO_PASSWORD = "ThiDua@2024"
# The focal officers of the other agencies with demo dossiers: `hoso.<agency>`, same password.
FOCAL_OFFICER_PREFIX = "hoso."

# (username, last name, first name, role, agency name or None, position, active)
DEMO_ACCOUNTS = [
    ("chuyenvien.snv", "Nguyễn Thị", "Hoa", Role.REVIEWER, "Sở Nội vụ", "Chuyên viên Phòng CCHC", True),
    ("banthidua.snv", "Trần Văn", "Minh", Role.REVIEWER, "Sở Nội vụ", "Chuyên viên Ban Thi đua – Khen thưởng", True),
    ("lanhdao.tinh", "Lê Văn", "Dũng", Role.OFFICIAL, "Ủy ban nhân dân tỉnh Quảng Nam", "Phó Chủ tịch UBND tỉnh", True),
    ("giamdoc.snv", "Phạm Thị", "Lan", Role.OFFICIAL, "Sở Nội vụ", "Phó Giám đốc Sở Nội vụ", True),
    ("quantri", "Võ Văn", "Quản", Role.ADMINISTRATOR, None, "Quản trị hệ thống", True),
    ("bactramy", "Hồ Thị", "Thu", Role.AGENCY_OFFICER, "UBND huyện Bắc Trà My", "Chuyên viên Phòng Nội vụ", True),
    ("xatradoc", "Đinh Văn", "Sơn", Role.AGENCY_OFFICER, "UBND xã Trà Đốc", "Công chức Văn phòng – Thống kê", True),
    ("tamky", "Nguyễn Văn", "An", Role.AGENCY_OFFICER, "UBND thành phố Tam Kỳ", "Chuyên viên Phòng Nội vụ", True),
    ("hoian", "Trương Thị", "Mai", Role.AGENCY_OFFICER, "UBND thành phố Hội An", "Chuyên viên Phòng Nội vụ", True),
    ("sogtvt", "Phan Văn", "Bình", Role.AGENCY_OFFICER, "Sở Giao thông vận tải", "Chuyên viên Văn phòng Sở", True),
    ("cucthue", "Lâm Thị", "Ngọc", Role.AGENCY_OFFICER, "Cục Thuế tỉnh Quảng Nam", "Chuyên viên Văn phòng Cục", True),
    ("bhxh", "Huỳnh Văn", "Tâm", Role.AGENCY_OFFICER, "Bảo hiểm xã hội tỉnh Quảng Nam", "Chuyên viên Văn phòng", True),
    (
        "nongson",
        "Nguyễn Thị",
        "Hạnh",
        Role.AGENCY_OFFICER,
        "UBND huyện Nông Sơn",
        "Chuyên viên Phòng Nội vụ (đơn vị đã sáp nhập)",
        True,
    ),
    ("bikhoa", "Trần Thị", "Khóa", Role.AGENCY_OFFICER, "UBND huyện Quế Sơn", "Tài khoản đã khóa (minh họa)", False),
]


@transaction.atomic
def load_accounts() -> str:
    for username, last, first, role, agency_name, position, active in DEMO_ACCOUNTS:
        agency = Agency.objects.filter(name=agency_name, valid_from__isnull=True).first() if agency_name else None
        if agency_name and agency is None:
            raise CommandError(f"Thiếu cơ quan “{agency_name}”: hãy chạy load_agencies trước.")
        user, _ = User.objects.get_or_create(username=username)
        user.last_name, user.first_name, user.role, user.agency = last, first, role, agency
        user.position, user.is_active = position, active
        user.email = f"{username}@demo.quangnam.gov.vn"
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.save()
    return f"Tài khoản minh họa: {len(DEMO_ACCOUNTS)} tài khoản đã sẵn sàng."
