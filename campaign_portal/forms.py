"""The form every workflow page posts, shared so that both workflows name its fields alike and
neither can take a transition without the double-submit guard; and the widget renderer of the
forms drawn on every load of a busy page."""

from django import forms
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _

# The forms a busy page draws on every load (a list's filter, the nomination page's actions and
# receipt) take their widgets from Django's own Jinja2 widget templates: the same markup as the
# template language's, drawn several times faster. Not the project's FORM_RENDERER: Django admin's
# own widgets (the related-object wrapper, ...) exist only as template-language templates.
QUICK_WIDGETS = Jinja2()


class TransitionForm(forms.Form):
    """Which transition, and the state the user saw when the page was drawn (`expected_state`).

    The guard is required: without it a second click, the back button or a colleague acting
    meanwhile would apply a transition twice, so a post without it is refused, never applied."""

    default_renderer = QUICK_WIDGETS

    transition = forms.CharField(
        widget=forms.HiddenInput, error_messages={"required": _("Thiếu thao tác cần thực hiện. Hãy tải lại trang.")}
    )
    expected_state = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Thiếu trạng thái của hồ sơ lúc mở trang. Hãy tải lại trang rồi thao tác lại.")},
    )

    def error_messages_list(self) -> list[str]:
        """Every error as one sentence a page can show as a message: the hidden fields' errors
        stand alone, a visible field's error is prefixed with its label."""
        found = []
        for name, errors in self.errors.items():
            field = self.fields.get(name)
            for message in errors:
                if field is None or field.widget.is_hidden:
                    found.append(message)
                else:
                    found.append(f"{field.label}: {message}")
        return found
