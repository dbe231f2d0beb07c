from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from campaign_portal.files import protected_file_response
from campaign_portal.permissions import HiddenWithoutPermissionMixin
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE, Column, SpreadsheetError, workbook_write
from campaigns.models import Campaign

from .enums import OutlineLevel, RenderStatus
from .forms import (
    IndicatorForm,
    IndicatorImportForm,
    OutlineBlockChoiceForm,
    OutlineBlockForm,
    OutlineSectionForm,
    RenderRequestForm,
    SummaryReportForm,
)
from .models import Indicator, OutlineSection, ReportRender, SummaryReport
from .outline import (
    outline_block_add,
    outline_block_remove,
    outline_ensure,
    outline_section_delete,
    outline_section_move,
    outline_section_save,
)
from .selectors import campaign_indicators, campaign_outline, campaigns_for_reports, render_for_download, report_renders
from .services import (
    CONTENT_TYPES,
    decimal_from_cell,
    indicator_delete,
    indicator_save,
    indicator_section_set,
    indicator_value_set,
    indicators_import,
    render_filename,
    report_render_request,
    summary_report_get_or_create,
    summary_report_update,
)


class ReportIndexView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "reports/index.html"
    permission_required = "reports.view_summaryreport"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"campaigns": campaigns_for_reports(user=self.request.user)}


class _CampaignReportMixin(LoginRequiredMixin, PermissionRequiredMixin):
    def campaign(self) -> Campaign:
        if not hasattr(self, "_campaign"):
            self._campaign = get_object_or_404(
                Campaign.objects.select_related("plan_document", "organiser__parent"), code=self.kwargs["code"]
            )
        return self._campaign

    def report(self) -> SummaryReport | None:
        if self.request.user.has_perm("reports.change_summaryreport"):
            return summary_report_get_or_create(campaign=self.campaign(), user=self.request.user)
        return SummaryReport.objects.filter(campaign=self.campaign()).first()


class ReportDetailView(_CampaignReportMixin, TemplateView):
    """Reviewers edit the report and ask for renders; officials see and download the renders."""

    template_name = "reports/detail.html"
    permission_required = "reports.view_summaryreport"

    def get_context_data(self, form=None, render_form=None, **kwargs):
        report = self.report()
        can_change = self.request.user.has_perm("reports.change_summaryreport")
        if can_change and form is None:
            form = SummaryReportForm(instance=report, outline=campaign_outline(campaign=self.campaign()))
        return super().get_context_data(**kwargs) | {
            "campaign": self.campaign(),
            "report": report,
            "form": form if can_change else None,
            "render_form": render_form or RenderRequestForm(),
            "renders": report_renders(report=report) if report else [],
            "can_render": self.request.user.has_perm("reports.render_summaryreport"),
            "status_url": reverse("reports:render_status", args=[self.campaign().code]),
            "statuses": RenderStatus,
        }

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("reports.change_summaryreport"):
            raise Http404
        report = self.report()
        form = SummaryReportForm(request.POST, instance=report, outline=campaign_outline(campaign=self.campaign()))
        if form.is_valid():
            try:
                summary_report_update(
                    report=report, user=request.user, fields=form.cleaned_fields(), sections=form.cleaned_sections()
                )
            except ValidationError as error:
                _add_errors(form, error)
        if not form.is_valid():
            messages.error(request, _("Chưa lưu được báo cáo: hãy sửa các ô được đánh dấu bên dưới."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("Đã lưu nội dung báo cáo."))
        # "Lưu nội dung và tạo tệp báo cáo" posts the edited text with it: rendered once saved.
        if request.POST.get("render") and request.user.has_perm("reports.render_summaryreport"):
            render_form = RenderRequestForm(request.POST)
            if not render_form.is_valid():
                messages.error(request, _("Hãy chọn ít nhất một định dạng."))
            else:
                report_render_request(report=report, user=request.user, formats=render_form.cleaned_data["formats"])
                messages.success(request, _("Đã gửi yêu cầu tạo báo cáo; trang sẽ cập nhật khi tệp sẵn sàng."))
                return redirect(f"{reverse('reports:detail', args=[self.campaign().code])}#ban-in")
        return redirect("reports:detail", code=self.campaign().code)


class RenderRequestView(_CampaignReportMixin, View):
    permission_required = "reports.render_summaryreport"

    def post(self, request, *args, **kwargs):
        report = self.report()
        form = RenderRequestForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Hãy chọn ít nhất một định dạng."))
            return redirect("reports:detail", code=self.campaign().code)
        report_render_request(report=report, user=request.user, formats=form.cleaned_data["formats"])
        messages.success(request, _("Đã gửi yêu cầu tạo báo cáo; trang sẽ cập nhật khi tệp sẵn sàng."))
        return redirect(f"{reverse('reports:detail', args=[self.campaign().code])}#ban-in")


def render_json(render, *, label: str, download_url: str) -> dict:
    """One row of a page's renders table (static/js/reports.js draws it): the report's renders
    here, the council's documents on the meeting page."""
    done = render.status == RenderStatus.DONE
    return {
        "id": render.pk,
        "format": label,
        "status": render.status,
        "status_label": str(render.get_status_display()),
        "progress": render.progress,
        "requested_at": formats.date_format(timezone.localtime(render.requested_at), "SHORT_DATETIME_FORMAT"),
        "requested_by": render.requested_by.display_name if render.requested_by else "",
        "finished_at": formats.date_format(timezone.localtime(render.finished_at), "SHORT_DATETIME_FORMAT")
        if render.finished_at
        else "",
        "data_hash": render.data_hash[:12],
        "download_url": download_url if done else "",
        "error": _("Không tạo được tệp; hãy thử lại hoặc báo quản trị.")
        if render.status == RenderStatus.FAILED
        else "",
    }


def report_render_json(render: ReportRender) -> dict:
    return render_json(
        render, label=render.get_format_display(), download_url=reverse("reports:download", args=[render.pk])
    )


class RenderStatusView(_CampaignReportMixin, View):
    permission_required = "reports.view_summaryreport"

    def get(self, request, *args, **kwargs):
        report = SummaryReport.objects.filter(campaign=self.campaign()).first()
        renders = report_renders(report=report, limit=50) if report else []
        pending = any(r.status in (RenderStatus.QUEUED, RenderStatus.RUNNING) for r in renders)
        return JsonResponse({"pending": pending, "renders": [report_render_json(r) for r in renders]})


class RenderDownloadBaseView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """A finished render's file, after the object-level check of `render_for_download` (which
    raises the model's DoesNotExist for a render the user may not read)."""

    model: type[models.Model]

    def render_for_download(self, *, user, pk: int):
        raise NotImplementedError

    def filename(self, render) -> str:
        raise NotImplementedError

    def get(self, request, pk: int):
        try:
            render = self.render_for_download(user=request.user, pk=pk)
        except self.model.DoesNotExist as error:
            raise Http404 from error
        if render.status != RenderStatus.DONE or not render.file:
            raise Http404
        return protected_file_response(
            user=request.user,
            target=render,
            field_file=render.file,
            filename=self.filename(render),
            content_type=CONTENT_TYPES[render.format],
        )


class RenderDownloadView(RenderDownloadBaseView):
    permission_required = "reports.download_reportrender"
    model = ReportRender

    def render_for_download(self, *, user, pk: int):
        return render_for_download(user=user, pk=pk)

    def filename(self, render) -> str:
        return render_filename(render, timezone.localtime(render.finished_at).strftime("%Y%m%d-%H%M"))


class IndicatorsView(HiddenWithoutPermissionMixin, _CampaignReportMixin, TemplateView):
    """The campaign's indicators with their province-wide values: edited here or imported from Excel."""

    template_name = "reports/indicators.html"
    permission_required = "reports.change_indicator"

    def get_context_data(self, import_form=None, errors=None, **kwargs):
        # A new campaign's outline is made on first use: the indicators may be set up before anyone
        # opened the report, and each needs a section to be printed in.
        outline_ensure(campaign=self.campaign(), user=self.request.user)
        indicators = campaign_indicators(campaign=self.campaign())
        rows = []
        for indicator in indicators:
            values = list(indicator.values.all())
            posted = self.request.POST.get(f"value-{indicator.pk}") if self.request.method == "POST" else None
            rows.append(
                {
                    "indicator": indicator,
                    "value": posted if posted is not None else (_input_number(values[0].value) if values else ""),
                    "error": (errors or {}).get(indicator.pk),
                }
            )
        return super().get_context_data(**kwargs) | {
            "campaign": self.campaign(),
            "rows": rows,
            "sections": [section for section in campaign_outline(campaign=self.campaign()) if section.level],
            "import_form": import_form or IndicatorImportForm(),
        }

    def get(self, request, *args, **kwargs):
        if request.GET.get("xuat") == "xlsx":
            return self.export()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "import" in request.POST:
            form = IndicatorImportForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    count = indicators_import(
                        campaign=self.campaign(), upload=form.cleaned_data["file"], user=request.user
                    )
                except SpreadsheetError as error:
                    form.add_error("file", str(error))
                else:
                    messages.success(request, _("Đã nhập %(n)d chỉ số.") % {"n": count})
                    return redirect("reports:indicators", code=self.campaign().code)
            return self.render_to_response(self.get_context_data(import_form=form), status=400)
        errors, parsed, placed = {}, [], []
        sections = {str(section.pk): section for section in campaign_outline(campaign=self.campaign())}
        for indicator in campaign_indicators(campaign=self.campaign()):
            chosen = request.POST.get(f"section-{indicator.pk}")
            if chosen is not None and not indicator.parent_id:
                placed.append((indicator, sections.get(chosen)))
            raw = request.POST.get(f"value-{indicator.pk}", "")
            try:
                parsed.append((indicator, decimal_from_cell(raw)))
            except ArithmeticError:
                errors[indicator.pk] = _("“%(v)s” không phải là số (ví dụ: 30.335 hoặc 12,5).") % {"v": raw}
            except ValidationError as error:
                errors[indicator.pk] = error.messages[0]
        if errors:
            messages.error(request, _("Chưa lưu: hãy sửa các giá trị được đánh dấu."))
            return self.render_to_response(self.get_context_data(errors=errors), status=400)
        with transaction.atomic():
            for indicator, value in parsed:
                indicator_value_set(indicator=indicator, value=value, user=request.user)
            for indicator, section in placed:
                indicator_section_set(indicator=indicator, section=section, user=request.user)
        messages.success(request, _("Đã lưu số liệu chỉ số."))
        return redirect("reports:indicators", code=self.campaign().code)

    def export(self) -> HttpResponse:
        columns = [
            Column(_("Mã"), 22),
            Column(_("Tên chỉ số"), 50, wrap=True),
            Column(_("Đơn vị tính"), 18),
            Column(_("Mục (mã)"), 14),
            Column(_("Mã chỉ số cha"), 22),
            Column(_("Giá trị"), 14),
        ]
        rows = []
        for indicator in campaign_indicators(campaign=self.campaign()):
            values = list(indicator.values.all())
            parent = indicator.parent.code if indicator.parent_id else ""
            value = values[0].value if values else None
            section = indicator.section.key if indicator.section_id else ""
            rows.append([indicator.code, indicator.name, indicator.unit, section, parent, value])
        content = workbook_write(title=_("Chỉ số"), columns=columns, rows=rows)
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="chi-so-{self.campaign().code}.xlsx"'
        return response


class IndicatorEditView(HiddenWithoutPermissionMixin, _CampaignReportMixin, TemplateView):
    """Add or change the definition of one of the campaign's indicators (code, name, unit, where
    the report states it, of which indicator it is a breakdown)."""

    template_name = "reports/indicator_form.html"
    permission_required = "reports.change_indicator"

    def indicator(self) -> Indicator:
        if not hasattr(self, "_indicator"):
            if "pk" in self.kwargs:
                self._indicator = get_object_or_404(Indicator, pk=self.kwargs["pk"], campaign=self.campaign())
            else:
                self._indicator = Indicator(campaign=self.campaign())
        return self._indicator

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(**kwargs) | {
            "campaign": self.campaign(),
            "indicator": self.indicator(),
            "form": form or IndicatorForm(instance=self.indicator()),
        }

    def post(self, request, *args, **kwargs):
        form = IndicatorForm(request.POST, instance=self.indicator())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        indicator_save(indicator=form.save(commit=False), user=request.user)
        messages.success(request, _("Đã lưu chỉ số “%(name)s”.") % {"name": form.instance.name})
        return redirect("reports:indicators", code=self.campaign().code)


class IndicatorDeleteView(HiddenWithoutPermissionMixin, _CampaignReportMixin, View):
    permission_required = "reports.change_indicator"

    def post(self, request, code, pk):
        indicator = get_object_or_404(Indicator, pk=pk, campaign=self.campaign())
        indicator_delete(indicator=indicator, user=request.user)
        messages.success(request, _("Đã xóa chỉ số “%(name)s” và số liệu của nó.") % {"name": indicator.name})
        return redirect("reports:indicators", code=code)


def _add_errors(form, error: ValidationError) -> None:
    """A service's field errors onto the form's fields (a report field, or a section's text box)."""
    for field, texts in error.message_dict.items():
        form.add_error(field if field in form.fields else None, texts)


def _input_number(value) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


class _OutlineMixin(LoginRequiredMixin):
    """The outline editors are the reviewers'; to anyone else the pages do not exist (404)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("reports.change_outline"):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def campaign(self) -> Campaign:
        if not hasattr(self, "_campaign"):
            self._campaign = get_object_or_404(
                Campaign.objects.select_related("plan_document"), code=self.kwargs["code"]
            )
        return self._campaign


class OutlineView(_OutlineMixin, TemplateView):
    """The campaign's report outline: its sections in order, with their blocks; add a section."""

    template_name = "reports/outline.html"

    def get_context_data(self, form=None, **kwargs):
        campaign = self.campaign()
        outline_ensure(campaign=campaign, user=self.request.user)
        return super().get_context_data(**kwargs) | {
            "campaign": campaign,
            "sections": campaign_outline(campaign=campaign),
            "form": form or OutlineSectionForm(initial={"level": OutlineLevel.SECTION}),
        }

    def post(self, request, *args, **kwargs):
        form = OutlineSectionForm(request.POST)
        if form.is_valid():
            try:
                section = outline_section_save(campaign=self.campaign(), user=request.user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Đã thêm mục “%(section)s” vào cuối đề cương.") % {"section": section})
                return redirect("reports:outline", code=self.campaign().code)
        messages.error(request, _("Chưa thêm được mục: hãy sửa các ô được đánh dấu."))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class OutlineSectionView(_OutlineMixin, TemplateView):
    """One section: its number, title, depth and key; its computed blocks; move or remove it."""

    template_name = "reports/outline_section.html"

    def section(self) -> OutlineSection:
        return get_object_or_404(
            OutlineSection.objects.prefetch_related("blocks"), campaign=self.campaign(), pk=self.kwargs["pk"]
        )

    def get_context_data(self, form=None, block_form=None, **kwargs):
        section = self.section()
        initial = {"number": section.number, "title": section.title, "level": section.level, "key": section.key}
        return super().get_context_data(**kwargs) | {
            "campaign": self.campaign(),
            "section": section,
            "form": form or OutlineSectionForm(initial=initial),
            "block_form": block_form or OutlineBlockForm(),
        }

    def post(self, request, *args, **kwargs):
        section = self.section()
        action = request.POST.get("action")
        back = redirect("reports:outline_section", code=self.campaign().code, pk=section.pk)
        if action in ("up", "down"):
            outline_section_move(section=section, user=request.user, step=-1 if action == "up" else 1)
            return redirect(f"{reverse('reports:outline', args=[self.campaign().code])}#muc-{section.pk}")
        if action == "delete":
            outline_section_delete(section=section, user=request.user)
            messages.success(request, _("Đã xóa mục “%(section)s”.") % {"section": section})
            return redirect("reports:outline", code=self.campaign().code)
        if action == "remove_block":
            choice = OutlineBlockChoiceForm(request.POST, section=section)
            if not choice.is_valid():
                raise Http404
            block = choice.cleaned_data["block"]
            outline_block_remove(block=block, user=request.user)
            messages.success(request, _("Đã bỏ khối “%(block)s”.") % {"block": block.get_kind_display()})
            return back
        if action == "add_block":
            block_form = OutlineBlockForm(request.POST)
            if block_form.is_valid():
                outline_block_add(section=section, user=request.user, **block_form.cleaned_data)
                messages.success(request, _("Đã thêm khối tính toán vào mục."))
                return back
            messages.error(request, _("Chưa thêm được khối: hãy chọn khối và vị trí."))
            return self.render_to_response(self.get_context_data(block_form=block_form), status=400)
        form = OutlineSectionForm(request.POST)
        if form.is_valid():
            try:
                outline_section_save(campaign=self.campaign(), user=request.user, section=section, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Đã lưu mục của đề cương."))
                return redirect(f"{reverse('reports:outline', args=[self.campaign().code])}#muc-{section.pk}")
        messages.error(request, _("Chưa lưu được mục: hãy sửa các ô được đánh dấu."))
        return self.render_to_response(self.get_context_data(form=form), status=400)
