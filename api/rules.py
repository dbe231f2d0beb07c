"""Who manages the systems that read the API: the administrator, as for accounts. Nobody deletes
one: a token is revoked, and its row stays for the audit log."""

import rules

from accounts.rules import is_administrator

rules.add_perm("api.view_apiclient", is_administrator)
rules.add_perm("api.add_apiclient", is_administrator)
rules.add_perm("api.change_apiclient", is_administrator)
