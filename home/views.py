from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import pages


@login_required
def home_view(request):
    """Each role lands on its own page."""
    template, context = pages.home_for(request.user, campaign_code=request.GET.get("phong-trao"))
    return render(request, template, context)
