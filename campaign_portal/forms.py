"""The form every workflow page posts, shared so that both workflows name its fields alike and
neither can take a transition without the double-submit guard."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TransitionForm(forms.Form):
    """Which transition, and the state the user saw when the page was drawn (`expected_state`).

    The guard is required: without it a second click, the back button or a colleague acting
    meanwhile would apply a transition twice, so a post without it is refused, never applied."""

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
