"""Zero padding is exact R or more samples from the border, shifted or not."""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.shifts import zero_shift

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 4, 32, 32))  # (N, C, H, W)
layers = [
    (rng.normal(size=(4, 4, 3, 3)) / 6, rng.normal(size=4)) for _ in range(4)
]
v = 5


def stack(a: np.ndarray, depth: int) -> np.ndarray:
    for w, b in layers[:depth]:
        a = np.maximum(correlate(a, w, b, padding="zero"), 0.0)
    return a


for depth in (1, 2, 4):
    moved_first = stack(zero_shift(x, (0, v)), depth)
    moved_after = zero_shift(stack(x, depth), (0, v))
    gap = np.abs(moved_first - moved_after).max(axis=(0, 1, 2))  # per column
    differs = gap > 1e-12
    marks = "".join("x" if d else "." for d in differs)
    lo, hi = v + depth, 31 - depth  # the claim's window, with R = depth
    print(f"R = {depth}: {marks[:lo]}|{marks[lo : hi + 1]}|{marks[hi + 1 :]}")
    #> R = 1: xxxxx.|.........................|x
    #> R = 2: xxxxxx.|.......................|xx
    #> R = 4: xxxxxxxx.|...................|xxxx
    assert not differs[lo : hi + 1].any()  # exact inside the window
    # and the band on the far side is exactly R wide
    assert differs[hi + 1 :].all()
