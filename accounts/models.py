import rules
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import Role


class PortalUserManager(UserManager):
    """Usernames are matched regardless of case: on a phone the keyboard capitalises the first
    letter ("Bactramy"), and the officer means the same account."""

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices, default=Role.AGENCY_OFFICER)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan, đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("Bắt buộc với cán bộ đầu mối: tài khoản chỉ thao tác trên hồ sơ của cơ quan này."),
    )
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = pgettext_lazy("plural", "người dùng")
        constraints = [
            # Log-in matches usernames regardless of case, so two accounts may not differ by case alone.
            models.UniqueConstraint(
                Lower("username"),
                name="accounts_user_username_ci_unique",
                violation_error_message=_(
                    "Đã có tài khoản với tên đăng nhập này (không phân biệt chữ hoa, chữ thường)."
                ),
            )
        ]

    def clean(self) -> None:
        super().clean()
        if self.role == Role.AGENCY_OFFICER and not self.agency_id:
            raise ValidationError({"agency": _("Cán bộ đầu mối phải thuộc một cơ quan, đơn vị.")})

    @property
    def is_reviewer(self) -> bool:
        return self.is_active and self.role == Role.REVIEWER

    @property
    def is_official(self) -> bool:
        return self.is_active and self.role == Role.OFFICIAL

    @property
    def is_administrator(self) -> bool:
        return self.is_active and (self.role == Role.ADMINISTRATOR or self.is_superuser)

    @property
    def is_agency_officer(self) -> bool:
        return self.is_active and self.role == Role.AGENCY_OFFICER and self.agency_id is not None

    def has_perm(self, perm: str, obj=None) -> bool:
        """The portal's permissions are django-rules predicates and the rules alone answer them:
        Django would let a superuser pass every check, yet the administrator manages users and
        agencies and reads no agency's records (DESIGN.md section 2). Django's own model
        permissions (the admin site's) keep their usual meaning."""
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names, then the given name (Nguyễn Thị Hoa)."""
        return f"{self.last_name} {self.first_name}".strip()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
