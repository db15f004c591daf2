"""Clients are not in the Django admin: their records are PHI, and the app's pages already
serve them scoped to the caseload and written to the access log (see
``txplan.web.admin_site``). Nothing is registered here on purpose."""
