"""Verification benchmark: `verify_document()` against the bare signature check it is built around.

Three credentials, each verified in a loop through the service's pipeline and, as the **baseline**, by the one
cryptographic operation (plus the JSON parse, for the seal) that a verifier cannot skip:

1. `sd-jwt-vc`: an ES256 SD-JWT VC issued with `wallet.sdjwt.issue_vc` (four disclosable claims), the issuer's
   public JWK in the trust registry, through `verify_document(..., "application/dc+sd-jwt", ...)`; baseline:
   python-jose `jws.verify` (ES256) of the issuer-signed JWT (the part before the first `~`).
2. `ob3-vc-jwt`: an Open Badges 3.0 OpenBadgeCredential as a VCDM 2.0 VC-JWT (`typ` `vc+jwt`, ES256), the
   issuer's public JWK in the trust registry, through `verify_document(..., "application/jwt", ...)`; baseline:
   python-jose `jws.verify` (ES256) of the same token.
3. `edc-jades`: the 147 KB European Commission sample seal `tests/data/edc-ec-mc-annex1-signed.jsonld` (JAdES,
   RS256, unencoded payload) through `verify_document(..., "application/jose+json", ...)`; baseline: `json.loads`
   of the same bytes, then an RSA PKCS#1 v1.5 SHA-256 verify with `cryptography` of the signing input
   (protected header "." payload) against the leaf certificate's key, loaded once beforehand.

Everything runs in this one process, pinned to one CPU where the platform allows it, on one event loop (uvloop
when installed, as under `passerelle serve`), so the pipeline's worker-thread hop competes for the same core as it
would in a busy server. Nothing is fetched: no credential names a status list and the outbound policy allows no
host. Each loop is warmed up, then pipeline and baseline are timed in alternating slices (0.25 s by default) until
each has had the duration, with an upper bound on iterations: on a shared machine both then meet the same
background load. The table is printed and `bench/results/verification.json` is written. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from jose import jwk as jose_jwk
from jose import jws as jose_jws
from joserfc.jwk import ECKey

from core import jose
from core.clock import utcnow
from wallet import sdjwt
from wallet.verification.context import OutboundPolicy, TrustStore, VerificationContext
from wallet.verification.engine import VerificationResult, verify_document
from wallet.verification.result import CheckName, Outcome

REPO = Path(__file__).resolve().parent.parent
RESULTS_DIR = REPO / "bench" / "results"
EDC_SAMPLE = REPO / "tests" / "data" / "edc-ec-mc-annex1-signed.jsonld"
TARGET_RATIO = 0.5
MAX_DURATION_SECONDS = 600.0
MAX_ITERATIONS = 10_000_000
CLOCK_EVERY = 16
"""Iterations between two reads of the clock (the loops are far longer than a clock read, but not by much)."""
DEFAULT_SLICE_SECONDS = 0.25
"""Pipeline and baseline alternate in slices this long (see `measure_interleaved`)."""

SD_JWT_ISSUER = "https://issuer.bench.example/sd-jwt"
OB3_ISSUER = "https://issuer.bench.example/badges"
VC_JWT_TYPE = "vc+jwt"

EXIT_SETUP_FAILED = 2
EXIT_INTERRUPTED = 130


class SetupFailed(RuntimeError):
    """A fixture did not verify as expected, so measuring it would mean nothing."""


@dataclass(frozen=True)
class Rate:
    iterations: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.iterations / self.seconds if self.seconds else 0.0

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.iterations + other.iterations, self.seconds + other.seconds)


Runner = Callable[[Coroutine[Any, Any, tuple[Rate, Rate]]], tuple[Rate, Rate]]
"""Runs the measuring coroutine on an event loop: `uvloop.run` or `asyncio.run`."""


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    content: bytes
    media_type: str
    context: VerificationContext
    baseline: Callable[[], object]
    baseline_description: str
    expected_signature: str
    """The SIGNATURE check's reason the pipeline must answer (with outcome passed) before anything is timed."""


@dataclass(frozen=True)
class CaseResult:
    case: str
    description: str
    baseline: str
    document_bytes: int
    pipeline_ops_per_second: float
    pipeline_iterations: int
    pipeline_seconds: float
    baseline_ops_per_second: float
    baseline_iterations: int
    baseline_seconds: float
    ratio: float
    target_met: bool


# ---------------------------------------------------------------------------------------------------- fixtures


def _context(issuer_keys: dict[str, tuple[dict[str, Any], ...]] | None = None) -> VerificationContext:
    return VerificationContext(
        now=utcnow(), trust=TrustStore(issuer_keys=issuer_keys or {}), outbound=OutboundPolicy(allowed_hosts=())
    )


def _es256_key(kid: str) -> tuple[ECKey, dict[str, Any]]:
    key = ECKey.generate_key("P-256", parameters={"kid": kid})
    public: dict[str, Any] = dict(key.as_dict(private=False))
    return key, public


def sd_jwt_vc_case() -> Case:
    private, public = _es256_key("sd-jwt-issuer-1")
    now = int(time.time())
    claims = {
        "iss": SD_JWT_ISSUER,
        "vct": "https://credentials.bench.example/diploma",
        "iat": now,
        "nbf": now - 60,
        "exp": now + 365 * 86400,
        "given_name": "Ada",
        "family_name": "Lovelace",
        "birthdate": "1815-12-10",
        "degree": {"type": "BachelorDegree", "name": "Bachelor of Science in Mathematics"},
        "institution": "Université de Passerelle",
    }
    issued = sdjwt.issue_vc(
        claims,
        issuer_key=private,
        disclosable=[("given_name",), ("family_name",), ("birthdate",), ("degree",)],
        header={"kid": "sd-jwt-issuer-1"},
    )
    issuer_signed_jwt = issued.serialized.split("~", 1)[0]
    key = jose_jwk.construct(public, "ES256")
    return Case(
        name="sd-jwt-vc",
        description="SD-JWT VC, ES256, 4 disclosures, issuer key in the trust registry",
        content=issued.serialized.encode("ascii"),
        media_type="application/dc+sd-jwt",
        context=_context({SD_JWT_ISSUER: (public,)}),
        baseline=lambda: jose_jws.verify(issuer_signed_jwt, key, algorithms=["ES256"]),
        baseline_description="python-jose jws.verify ES256 of the issuer-signed JWT",
        expected_signature="signature_valid",
    )


def badge_claims(*, issuer: str, subject: str, credential_id: str, issued_at: datetime) -> dict[str, Any]:
    """An Open Badges 3.0 credential (VCDM 2.0) with its JWT claims, valid a year from `issued_at`, unsigned."""
    moment = issued_at.isoformat().replace("+00:00", "Z")
    until = (issued_at + timedelta(days=365)).isoformat().replace("+00:00", "Z")
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Passerelle Bench Academy"},
        "validFrom": moment,
        "validUntil": until,
        "name": "Applied Cryptography",
        "credentialSubject": {
            "id": subject,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://issuer.bench.example/achievements/applied-cryptography",
                "type": ["Achievement"],
                "name": "Applied Cryptography",
                "description": "Completed the applied cryptography module with a passing grade.",
                "criteria": {"narrative": "Pass the final assessment and the three laboratory assignments."},
                "achievementType": "Course",
            },
        },
        "iss": issuer,
        "sub": subject,
        "jti": credential_id,
        "iat": int(issued_at.timestamp()),
        "nbf": int(issued_at.timestamp()),
    }


def ob3_vc_jwt_case() -> Case:
    private, public = _es256_key("badge-issuer-1")
    issued_at = utcnow().replace(microsecond=0)
    subject = "did:example:learner-ada"
    credential_id = "urn:uuid:4a1d3f0c-5c53-4c5e-9f0b-2b7f6e3d9a01"
    claims = {
        **badge_claims(issuer=OB3_ISSUER, subject=subject, credential_id=credential_id, issued_at=issued_at),
        "exp": int((issued_at + timedelta(days=365)).timestamp()),
    }
    signing_key = jose.construct_key(private.as_dict(private=True), "ES256")
    token = jose.sign(claims, key=signing_key, kid="badge-issuer-1", token_type=VC_JWT_TYPE)
    key = jose_jwk.construct(public, "ES256")
    return Case(
        name="ob3-vc-jwt",
        description="Open Badges 3.0 VC-JWT (VCDM 2.0), ES256, issuer key in the trust registry",
        content=token.encode("ascii"),
        media_type="application/jwt",
        context=_context({OB3_ISSUER: (public,)}),
        baseline=lambda: jose_jws.verify(token, key, algorithms=["ES256"]),
        baseline_description="python-jose jws.verify ES256 of the same token",
        expected_signature="signature_valid",
    )


def edc_jades_case() -> Case:
    content = EDC_SAMPLE.read_bytes()
    container = json.loads(content)
    protected = container["signatures"][0]["protected"]
    header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
    if header.get("alg") != "RS256" or header.get("b64") is not False:
        raise SetupFailed(f"{EDC_SAMPLE.name} is expected to be an RS256 seal with an unencoded payload")
    certificate = x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))
    public_key = certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise SetupFailed(f"{EDC_SAMPLE.name} is expected to be sealed with an RSA key")
    rsa_key: rsa.RSAPublicKey = public_key

    def baseline() -> object:
        parsed = json.loads(content)
        signature = parsed["signatures"][0]
        encoded = signature["signature"]
        signing_input = signature["protected"].encode("ascii") + b"." + parsed["payload"].encode("utf-8")
        rsa_key.verify(
            base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)),
            signing_input,
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
        return parsed

    baseline()  # raises InvalidSignature if the sample or the signing input is wrong
    return Case(
        name="edc-jades",
        description=f"EDC JAdES seal, RS256, {len(content) // 1024} KiB ({EDC_SAMPLE.name})",
        content=content,
        media_type="application/jose+json",
        context=_context(),
        baseline=baseline,
        baseline_description="json.loads + cryptography RSA PKCS#1 v1.5 SHA-256 verify of the signing input",
        expected_signature="signature_valid",
    )


async def _verify(case: Case) -> VerificationResult:
    return await verify_document(case.content, case.media_type, case.context)


async def check_fixture(case: Case) -> None:
    """The pipeline must find the signature valid: timing a failure path would measure the wrong thing."""
    result = await _verify(case)
    signature = next(check for check in result.checks if check.name == CheckName.SIGNATURE)
    if signature.outcome != Outcome.PASSED or signature.reason != case.expected_signature:
        raise SetupFailed(f"{case.name}: the signature check answered {signature.outcome.value} {signature.reason!r}")


# --------------------------------------------------------------------------------------------------- measuring


def time_sync(operation: Callable[[], object], seconds: float) -> Rate:
    """Call `operation` for `seconds` (checking the clock every CLOCK_EVERY calls), at most MAX_ITERATIONS."""
    iterations = 0
    started = time.perf_counter()
    deadline = started + seconds
    now = started
    while iterations < MAX_ITERATIONS:
        for _ in range(CLOCK_EVERY):
            operation()
        iterations += CLOCK_EVERY
        now = time.perf_counter()
        if now >= deadline:
            break
    return Rate(iterations, now - started)


async def time_async(operation: Callable[[], Awaitable[object]], seconds: float) -> Rate:
    iterations = 0
    started = time.perf_counter()
    deadline = started + seconds
    now = started
    while iterations < MAX_ITERATIONS:
        for _ in range(CLOCK_EVERY):
            await operation()
        iterations += CLOCK_EVERY
        now = time.perf_counter()
        if now >= deadline:
            break
    return Rate(iterations, now - started)


async def measure_interleaved(case: Case, warmup: float, duration: float, slice_seconds: float) -> tuple[Rate, Rate]:
    """The pipeline and the baseline in alternating slices of `slice_seconds`, `duration` each in all: on a shared
    machine both then see the same background load, which a minute-long run of one, then the other, does not."""
    await check_fixture(case)
    if warmup:
        await time_async(lambda: _verify(case), warmup)
        time_sync(case.baseline, warmup)
    pipeline, baseline = Rate(0, 0.0), Rate(0, 0.0)
    while pipeline.seconds < duration or baseline.seconds < duration:
        if pipeline.seconds < duration:
            pipeline = pipeline + await time_async(
                lambda: _verify(case), min(slice_seconds, duration - pipeline.seconds)
            )
        if baseline.seconds < duration:
            baseline = baseline + time_sync(case.baseline, min(slice_seconds, duration - baseline.seconds))
        if pipeline.iterations >= MAX_ITERATIONS or baseline.iterations >= MAX_ITERATIONS:
            break
    return pipeline, baseline


def measure_case(
    case: Case,
    runner: Runner,
    warmup: float,
    duration: float,
    slice_seconds: float = DEFAULT_SLICE_SECONDS,
) -> CaseResult:
    pipeline, base = runner(measure_interleaved(case, warmup, duration, slice_seconds))
    ratio = pipeline.per_second / base.per_second if base.per_second else 0.0
    return CaseResult(
        case=case.name,
        description=case.description,
        baseline=case.baseline_description,
        document_bytes=len(case.content),
        pipeline_ops_per_second=round(pipeline.per_second, 1),
        pipeline_iterations=pipeline.iterations,
        pipeline_seconds=round(pipeline.seconds, 3),
        baseline_ops_per_second=round(base.per_second, 1),
        baseline_iterations=base.iterations,
        baseline_seconds=round(base.seconds, 3),
        ratio=round(ratio, 4),
        target_met=ratio >= TARGET_RATIO,
    )


def event_loop_runner(loop_name: str) -> tuple[str, Runner]:
    """`asyncio.run` on uvloop (what `passerelle serve` uses when installed) or on the standard loop."""
    if loop_name in {"auto", "uvloop"}:
        try:
            import uvloop
        except ImportError:
            if loop_name == "uvloop":
                raise SetupFailed("uvloop is not installed") from None
        else:
            return "uvloop", uvloop.run
    return "asyncio", asyncio.run


def pin_to_one_cpu() -> int | None:
    """Pin this process (and the worker threads it starts later) to one CPU; the CPU, or None if not possible."""
    setaffinity = getattr(os, "sched_setaffinity", None)
    getaffinity = getattr(os, "sched_getaffinity", None)
    if setaffinity is None or getaffinity is None:
        return None
    available = sorted(getaffinity(0))
    cpu = 0 if 0 in available else available[0]
    try:
        setaffinity(0, {cpu})
    except OSError:
        return None
    return cpu


# ------------------------------------------------------------------------------------------------------ report


def _git(*arguments: str) -> str | None:
    try:
        found = subprocess.run(["git", *arguments], cwd=REPO, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found.stdout.strip() if found.returncode == 0 else None


def report(results: list[CaseResult], args: argparse.Namespace, loop_name: str, cpu: int | None) -> Path:
    pinned = f"pinned to CPU {cpu}" if cpu is not None else "not pinned"
    print()
    print(
        f"verification — one process, {pinned}, {loop_name}, {args.duration:g} s per loop after {args.warmup:g} s, "
        f"in alternating {args.slice:g} s slices"
    )
    print(f"{'case':<12} {'pipeline ops/s':>15} {'baseline ops/s':>15} {'ratio':>7}  target ≥ {TARGET_RATIO:.0%}")
    for result in results:
        verdict = "met" if result.target_met else "NOT met"
        print(
            f"{result.case:<12} {result.pipeline_ops_per_second:>15,.1f} {result.baseline_ops_per_second:>15,.1f} "
            f"{result.ratio:>7.1%}  {verdict}"
        )
    document: dict[str, Any] = {
        "benchmark": "verification",
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "pinned_cpu": cpu,
        "event_loop": loop_name,
        "warmup_seconds": args.warmup,
        "duration_seconds": args.duration,
        "slice_seconds": args.slice,
        "target_ratio": TARGET_RATIO,
        "cases": {result.case: asdict(result) for result in results},
        "target_met": all(result.target_met for result in results),
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / "verification.json"
    out.write_text(json.dumps(document, indent=2) + "\n")
    print(f"written {out.relative_to(REPO)}")
    return out


# -------------------------------------------------------------------------------------------------------- main

CASES: dict[str, Callable[[], Case]] = {
    "sd-jwt-vc": sd_jwt_vc_case,
    "ob3-vc-jwt": ob3_vc_jwt_case,
    "edc-jades": edc_jades_case,
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.verification",
        description="Credentials verified per second by verify_document() against the bare signature check.",
    )
    parser.add_argument("--duration", type=float, default=3.0, help="measured seconds per loop (default 3)")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds per loop (default 1)")
    parser.add_argument("--case", choices=sorted(CASES), action="append", help="run only this case (repeatable)")
    parser.add_argument(
        "--slice",
        type=float,
        default=DEFAULT_SLICE_SECONDS,
        help=f"pipeline and baseline alternate in slices this long (default {DEFAULT_SLICE_SECONDS})",
    )
    parser.add_argument("--loop", choices=("auto", "uvloop", "asyncio"), default="auto", help="event loop (auto)")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    args = parser.parse_args(argv)
    if not 0.1 <= args.duration <= MAX_DURATION_SECONDS:
        parser.error("--duration must be 0.1..600 seconds")
    if not 0 <= args.warmup <= 60:
        parser.error("--warmup must be 0..60 seconds")
    if not 0.01 <= args.slice <= args.duration:
        parser.error("--slice must be 0.01 seconds..--duration")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cpu = None if args.no_pin else pin_to_one_cpu()
    try:
        loop_name, runner = event_loop_runner(args.loop)
        cases = [CASES[name]() for name in (args.case or list(CASES))]
        results = []
        for case in cases:
            print(f"measuring {case.name} …", file=sys.stderr, flush=True)
            results.append(measure_case(case, runner, args.warmup, args.duration, args.slice))
    except SetupFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_SETUP_FAILED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    report(results, args, loop_name, cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
