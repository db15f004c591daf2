"""Plans, versions and signatures are not in the Django admin.

They are PHI and clinical records: the admin knows nothing of practices or caseloads, writes
nothing to the access log, and once let a practice administrator list every practice's plans
and edit or delete another practice's drafts. The app's pages and the API serve them, scoped
to the caseload; signed versions are frozen by the models and by database triggers. Nothing
is registered here on purpose (``tests/web/test_access_matrix.py`` checks it).
"""
