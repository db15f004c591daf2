"""PlanFacts: what the audit needs to know that the plan document does not say.

The plan document is what the clinician writes; some audit findings depend on the record
around it: the client's date of birth (a minor needs a guardian), the intake date (a plan due
within N days of intake), risk flags from measures (a PHQ-9 item 9 answer is not in the plan),
and the statements of other clients' plans in the practice (cloned plans). The web app knows
these and passes them in; the CLI passes what its flags give; with ``facts=None`` every rule
that needs a fact stays silent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

# Days from intake within which the first plan should be established, when the practice or
# payer sets nothing else. Many Medicaid programmes and accreditors ask for the initial plan
# within 30 days of admission (some within 14); 30 is the common ceiling.
DEFAULT_PLAN_DUE_DAYS = 30


@dataclass(frozen=True)
class PlanFacts:
    client_birth_date: date | None = None  # from the client record
    # The intake this plan follows. Pass it for a client's first plan only (its first
    # version): a review version or a later episode is not "late after intake".
    intake_date: date | None = None
    plan_due_days: int = DEFAULT_PLAN_DUE_DAYS  # per practice or payer
    # Risk flags from the latest administration of each measure, as "<instrument>_item<n>",
    # e.g. "phq9_item9" (PHQ-9 item 9 > 0) or "epds_item10" (EPDS item 10 > 0).
    risk_flags: tuple[str, ...] = ()
    # Other clients' plans in the practice: a label naming the plan → its goal, objective and
    # intervention sentences, normalised with ``clones.normalise``.
    other_plans_statements: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The client's names as they may appear in the plan ("Maria", "Maria Lopez"), so that
    # "Maria will …" and "Client will …" compare equal when looking for cloned text.
    client_names: tuple[str, ...] = ()
    # Consent by a parent or legal guardian documented outside the plan (e.g. on the client
    # record); a guardian's signature on the plan counts without it.
    guardian_consent: bool = False


NO_FACTS = PlanFacts()
