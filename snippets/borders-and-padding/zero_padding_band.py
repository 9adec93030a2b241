"""Zero padding is exact at outputs R or more from the border, before and after a shift.

Stacks of 1, 2 and 4 zero-padded 3 x 3 convolutions with bias and ReLU (R = 1, 2, 4) on
noise that fills a 32 x 32 frame, moved right by v = 5 on its zero canvas. A column is
marked x where f(Z_v x) and Z_v f(x) differ anywhere in it; the claim covers columns
v + R to 31 - R (between the bars).
"""

import numpy as np

from shiftlab.convolution import correlate
from shiftlab.shifts import zero_shift

rng = np.random.default_rng(0)
x = rng.normal(size=(1, 4, 32, 32))  # (N, C, H, W)
layers = [(rng.normal(size=(4, 4, 3, 3)) / 6, rng.normal(size=4)) for _ in range(4)]
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
    lo, hi = v + depth, 31 - depth  # the claim's window
    print(f"R = {depth}: {marks[:lo]}|{marks[lo:hi + 1]}|{marks[hi + 1:]}")
    #> R = 1: xxxxx.|.........................|x
    #> R = 2: xxxxxx.|.......................|xx
    #> R = 4: xxxxxxxx.|...................|xxxx
    assert not differs[lo : hi + 1].any()  # exact inside the window
    assert differs[hi + 1 :].all()  # and the band on the far side is exactly R wide
