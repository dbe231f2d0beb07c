"""The award register across campaigns and years: the list with its search and filters, its Excel
export, and the import of the awards made before the portal."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE, Column, workbook_write

from .. import register, services
from ..register_forms import AwardRecordForm, RegisterFilterForm, RegisterImportForm

# A register export holds at most this many rows: beyond it, filter by year.
EXPORT_LIMIT = 20000


def _filtered(request) -> tuple[RegisterFilterForm, object]:
    form = RegisterFilterForm(
        request.GET or None, forms_held=register.register_forms(), years=register.register_years()
    )
    values = form.cleaned_data if form.is_valid() else {}
    entries = register.register_entries(
        text=values.get("q") or "",
        nominee_type=values.get("nominee_type") or "",
        form=values.get("form") or "",
        year=values.get("year"),
        source=values.get("source") or "",
    )
    return form, entries


class RegisterView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "awards/register.html"
    permission_required = "awards.view_register"
    page_size = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, entries = _filtered(self.request)
        page = Paginator(entries, self.page_size).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            page_obj=page,
            rows=register.register_rows(page),
            query_string=query.urlencode(),
            can_import=self.request.user.has_perm("awards.import_register"),
        )
        return context


def _export_columns() -> list[Column]:
    return [
        Column(_("STT"), 6),
        Column(_("Tập thể, cá nhân"), 34, wrap=True),
        Column(_("Chức vụ, đơn vị công tác"), 30, wrap=True),
        Column(_("Đối tượng"), 10),
        Column(_("Cơ quan, đơn vị (tại thời điểm khen thưởng)"), 32, wrap=True),
        Column(_("Nay là"), 28, wrap=True),
        Column(_("Hình thức khen thưởng"), 30, wrap=True),
        Column(_("Số quyết định"), 16),
        Column(_("Ngày quyết định"), 14),
        Column(_("Phong trào, ghi chú"), 36, wrap=True),
        Column(_("Nguồn"), 18),
    ]


class RegisterExportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.view_register"

    def get(self, request):
        _form, entries = _filtered(request)
        rows = register.register_rows(entries[:EXPORT_LIMIT])
        content = workbook_write(
            title=_("Sổ khen thưởng"),
            columns=_export_columns(),
            rows=(
                [
                    index,
                    row.nominee_name,
                    row.detail,
                    row.nominee_type_label,
                    row.agency.name if row.agency else "",
                    "; ".join(row.agency_now),
                    row.form_name,
                    row.decision_number,
                    row.decision_date.strftime("%d/%m/%Y"),
                    row.context,
                    row.source_label,
                ]
                for index, row in enumerate(rows, start=1)
            ),
            heading_lines=[
                _("SỔ KHEN THƯỞNG"),
                _("Lập ngày %(date)s") % {"date": timezone.localdate().strftime("%d/%m/%Y")},
            ],
        )
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        stamp = timezone.localdate().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="so-khen-thuong-{stamp}.xlsx"'
        return response


class RegisterImportTemplateView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "awards.import_register"

    def get(self, request):
        response = HttpResponse(services.award_records_template(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-so-khen-thuong.xlsx"'
        return response


class RegisterImportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """All or nothing: a file with a wrong cell saves nothing and lists every wrong cell."""

    permission_required = "awards.import_register"
    template_name = "awards/register_import.html"

    def get(self, request):
        return render(request, self.template_name, {"form": RegisterImportForm()})

    def post(self, request):
        form = RegisterImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        result = services.award_records_import(user=request.user, upload=form.cleaned_data["file"])
        if result.errors:
            return render(request, self.template_name, {"form": form, "errors": result.errors}, status=400)
        messages.success(request, _("Đã nhập %(n)d khen thưởng vào sổ khen thưởng.") % {"n": len(result.created)})
        return redirect(reverse("awards:register"))


class AwardRecordAddView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """One earlier award typed by hand, checked as an imported row is."""

    permission_required = "awards.import_register"
    template_name = "awards/register_add.html"

    def get(self, request):
        return render(request, self.template_name, {"form": AwardRecordForm()})

    def post(self, request):
        form = AwardRecordForm(request.POST)
        if form.is_valid():
            try:
                services.award_record_add(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã ghi khen thưởng vào sổ khen thưởng."))
                return redirect(reverse("awards:register"))
        return render(request, self.template_name, {"form": form}, status=400)
