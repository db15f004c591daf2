"""Load test: the production server (gunicorn, production settings) under concurrent users.

    .venv/bin/python bench/load_test.py                   # 50 users for 60 s
    .venv/bin/python bench/load_test.py --users 10 --seconds 15

Bounded and local by construction: it builds its own database under var/loadtest/ (the
synthetic demo practice, renamed and given a random per-run password, so production settings
accept it), starts `txplan serve` on a free 127.0.0.1 port, runs at most 200 users for at most
600 s, then stops the server itself. Each user logs in as one of the practice's clinicians and
loops over the main pages and saves on its own client and draft plan:

    caseload · client page · plan page · editor · JSON export · API read + save (PUT) ·
    recording a GAD-7 total (form POST)

Prints requests, errors, throughput and p50/p95/p99 latency per kind and overall; exits 1 on
any error (a status other than the expected one, or no answer within 60 s).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "var" / "loadtest"
HOST = "127.0.0.1"  # loopback only
MAX_USERS = 200
MAX_SECONDS = 600
TIMEOUT = 60.0  # as gunicorn's worker timeout
CLINICIANS = ["reyes", "whitfield", "nair"]
PRACTICE = "Load-test practice (synthetic)"


def _env(password: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TXPLAN_")}
    env.pop("DATABASE_URL", None)  # always its own SQLite database under var/loadtest
    env.update(TXPLAN_HOME=str(HOME), TXPLAN_SECRET_KEY=_KEY, TXPLAN_MODE="production")
    if password:
        env["LOADTEST_PASSWORD"] = password
    return env


_KEY = secrets.token_urlsafe(50)
_TXPLAN = [sys.executable, "-c", "from txplan.cli import main; main()"]


# ---------------------------------------------------------------------------- the database


def _prepare_in_django(users: int) -> None:
    """Run in a child process with Django set up: rename the demo practice, give its staff a
    random password, and give each virtual user a client and a draft plan of its own."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "txplan.web.settings")
    django.setup()
    from django.db import transaction

    from txplan.web.accounts.models import Practice, User
    from txplan.web.clients import actions as clients
    from txplan.web.demo.build import PRACTICE_NAME
    from txplan.web.plans import actions as plans
    from txplan.web.plans.models import PlanVersion

    password = os.environ["LOADTEST_PASSWORD"]
    out = []
    with transaction.atomic():
        practice = Practice.objects.get(name=PRACTICE_NAME)
        practice.name = PRACTICE
        practice.save()
        for user in User.objects.filter(practice=practice):
            user.set_password(password)
            user.save()
        for i in range(users):
            clinician = User.objects.get(username=CLINICIANS[i % len(CLINICIANS)])
            source = (
                PlanVersion.objects.filter(plan__client__clinician=clinician)
                .order_by("plan_id", "number")
                .first()
            )
            assert source is not None, clinician.username
            client = clients.create_client(
                practice=practice,
                clinician=clinician,
                first_name="Load",
                last_name=f"Synthetic {i + 1}",
                date_of_birth=source.plan.client.date_of_birth,
            )
            for n, dx in enumerate(source.document.get("diagnoses", [])):
                clients.add_diagnosis(client=client, code=dx["code"], primary=n == 0)
            version = plans.create_plan(client=client, by=clinician, document=source.document)
            out.append(
                {
                    "username": clinician.username,
                    "client": client.pk,
                    "plan": version.plan_id,
                    "number": version.number,
                }
            )
    print(json.dumps(out))


def prepare(users: int, password: str) -> list[dict[str, object]]:
    if HOME.exists():
        shutil.rmtree(HOME)
    HOME.mkdir(parents=True)
    built = subprocess.run(
        [*_TXPLAN, "demo"],
        env={**_env(), "TXPLAN_MODE": "development"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if built.returncode != 0:
        sys.exit(f"building the database failed:\n{built.stderr}")
    made = subprocess.run(
        [sys.executable, __file__, "--prepare", str(users)],
        env=_env(password),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if made.returncode != 0:
        sys.exit(f"preparing the users failed:\n{made.stderr}")
    result: list[dict[str, object]] = json.loads(made.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def start_server(port: int, workers: int, threads: int) -> subprocess.Popen[bytes]:
    log = (HOME / "server.log").open("wb")
    server = subprocess.Popen(
        [
            *_TXPLAN,
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--threads",
            str(threads),
        ],
        env=_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped:\n{(HOME / 'server.log').read_text()}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("the server did not answer within 120 s")


# ---------------------------------------------------------------------------- the users


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str = "") -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


class User:
    def __init__(self, base: str, who: dict[str, object], password: str, results: Results):
        self.base, self.who, self.password, self.results = base, who, password, results
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def csrf(self) -> str:
        return next((c.value or "" for c in self.cookies if c.name == "csrftoken"), "")

    def request(
        self,
        kind: str,
        path: str,
        *,
        expect: int = 200,
        data: bytes | None = None,
        method: str = "GET",
        headers: dict[str, str] | None = None,
    ) -> bytes:
        request = urllib.request.Request(
            self.base + path, data=data, method=method, headers=headers or {}
        )
        started = time.perf_counter()
        body, status, error = b"", 0, ""
        try:
            with self.opener.open(request, timeout=TIMEOUT) as answer:
                status, body = answer.status, answer.read()
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read()
        except OSError as exc:
            error = f"{path}: {exc}"
        if not error and status != expect:
            error = f"{path}: {status} (expected {expect})"
        self.results.add(kind, time.perf_counter() - started, error)
        return body

    def form(self, kind: str, path: str, fields: dict[str, str], expect: int = 302) -> bytes:
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": self.csrf()}).encode()
        return self.request(
            kind,
            path,
            expect=expect,
            data=data,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )

    def login(self) -> None:
        self.request("login page", "/login/")
        self.form(
            "log in", "/login/", {"username": str(self.who["username"]), "password": self.password}
        )

    def round(self, n: int) -> None:
        client, plan, number = self.who["client"], self.who["plan"], self.who["number"]
        self.request("caseload", "/")
        self.request("client page", f"/clients/{client}/")
        self.request("plan page", f"/plans/{plan}/")
        self.request("editor", f"/plans/{plan}/v/{number}/edit")
        api = f"/api/v1/plans/{plan}/versions/{number}"
        current = json.loads(self.request("api read", api) or b"{}")
        if "lock" in current:
            payload = json.dumps({"lock": current["lock"], "document": current["document"]})
            self.request(
                "api save",
                api,
                data=payload.encode(),
                method="PUT",
                headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf()},
            )
        if n % 2 == 0:
            self.request("json export", f"/plans/{plan}/v/{number}.json")
            self.form(
                "record measure",
                f"/clients/{client}/measures/new/gad7",
                {
                    # Yesterday: never "in the future" in the practice's time zone.
                    "administered_on": (date.today() - timedelta(days=1)).isoformat(),
                    "mode": "total",
                    "total": str(random.randint(3, 18)),
                },
            )


def run_user(user: User, gate: threading.Barrier, clock: dict[str, float]) -> None:
    gate.wait()  # every user starts together; the barrier's action set the deadline
    user.login()
    n = 0
    while time.monotonic() < clock["stop"]:
        user.round(n)
        n += 1


# ---------------------------------------------------------------------------- the report


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(results: Results, seconds: float, users: int) -> None:
    every = [v for values in results.latencies.values() for v in values]
    print(f"\n{users} users for {seconds:.0f} s against gunicorn (production settings)")
    print(f"{'kind':<16}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    rows = sorted(results.latencies.items())
    for kind, values in [*rows, ("all", every)]:
        print(
            f"{kind:<16}{len(values):>9}{percentile(values, 50) * 1000:>9.0f}"
            f"{percentile(values, 95) * 1000:>9.0f}{percentile(values, 99) * 1000:>9.0f}"
            f"{max(values) * 1000:>9.0f}"
        )
    print(f"requests: {len(every)}, {len(every) / seconds:.1f}/s; errors: {len(results.errors)}")
    print(f"mean {statistics.mean(every) * 1000:.0f} ms")
    for error in results.errors[:10]:
        print(f"  error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=8, help="threads per worker")
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare is not None:
        _prepare_in_django(args.prepare)
        return
    if not 1 <= args.users <= MAX_USERS:
        sys.exit(f"--users must be 1..{MAX_USERS}")
    if not 1 <= args.seconds <= MAX_SECONDS:
        sys.exit(f"--seconds must be 1..{MAX_SECONDS}")

    password = secrets.token_urlsafe(18)
    print(f"building the database under {HOME} ({args.users} users) …", flush=True)
    people = prepare(args.users, password)
    port = free_port()
    server = start_server(port, args.workers, args.threads)
    print(f"gunicorn on http://{HOST}:{port}/ ({args.workers} workers × {args.threads} threads)")
    results = Results()
    clock: dict[str, float] = {}

    def start_clock() -> None:
        clock["start"] = time.monotonic()
        clock["stop"] = clock["start"] + args.seconds

    try:
        base = f"http://{HOST}:{port}"
        gate = threading.Barrier(len(people), action=start_clock)
        threads = [
            threading.Thread(
                target=run_user, args=(User(base, who, password, results), gate, clock), daemon=True
            )
            for who in people
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + TIMEOUT * 10)
        elapsed = time.monotonic() - clock["start"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    report(results, elapsed, args.users)
    log = (HOME / "server.log").read_text(errors="replace")
    server_errors = log.count(" ERROR ")
    print(f"server log: {server_errors} ERROR lines ({HOME / 'server.log'})")
    sys.exit(1 if results.errors or server_errors else 0)


if __name__ == "__main__":
    main()
