"""Reference nearest-rank percentiles for LatencyCheckTests.

numpy's method="inverted_cdf" (Hyndman & Fan type 1) is the nearest-rank definition: the smallest value whose
empirical CDF reaches p, i.e. rank ceil(p/100 * n). Latencies are made by formula (LatencyCheckTests.Sample builds
the same): 5 + ((i * 53) % 97) / 4 milliseconds for i = 0..n-1.
Run: /usr/bin/python3 tests/reference/latency_percentile_reference.py
"""
import numpy as np

for n in (1, 19, 20, 21, 59, 60, 100, 101):
    sample = np.array([5 + ((i * 53) % 97) / 4 for i in range(n)])
    p95 = np.percentile(sample, 95, method="inverted_cdf")
    p50 = np.percentile(sample, 50, method="inverted_cdf")
    print(f"n={n}: p95 {p95!r} p50 {p50!r}")
