"""Reference buckets of the sticky traffic router (TrafficRouter.Bucket), computed apart from the platform's code.

A routing key's bucket under a salt is the first 8 bytes (big-endian) of SHA-256("{salt}\n{key}" as UTF-8),
modulo 10,000. TrafficRouterTests pastes these values, so a change of hash, salt or byte order breaks the test
(and with it every client's stickiness across a deployment of the platform).
Run: /usr/bin/python3 tests/reference/traffic_bucket_reference.py
"""
import hashlib

KEYS = ["customer-42", "1", "ünïcode-key", ""]

for salt in ("answer", "mirror"):
    for key in KEYS:
        digest = hashlib.sha256(f"{salt}\n{key}".encode("utf-8")).digest()
        bucket = int.from_bytes(digest[:8], "big") % 10_000
        print(f"{salt!r:10} {key!r:16} {bucket}")
