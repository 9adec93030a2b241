"""Pointwise activations commute with integer shifts, not with sub-pixel (Fourier) shifts.

A half-pixel Fourier shift moves the band-limited curve through the samples. ReLU or tanh of
the samples is no longer band-limited (ReLU adds kinks), so the shift of the activated samples
differs from the activated shifted samples: aliasing. An affine map a x + b still commutes.
"""

import numpy as np

from shiftlab.shifts import circular_shift, fourier_shift

N = 33  # odd: no Nyquist bin
k = np.fft.fftfreq(N) * N  # signed frequencies
noise = np.random.default_rng(0).normal(size=N)
x = np.fft.ifft(np.where(np.abs(k) <= 6, np.fft.fft(noise), 0)).real  # band-limited: |k| <= 6
maps = {"2 x + 1": lambda a: 2 * a + 1, "ReLU": lambda a: np.maximum(a, 0), "tanh": np.tanh}
for name, g in maps.items():
    for v, shift in ((1, circular_shift), (0.5, fourier_shift)):  # integer, half-pixel
        moved_first, activated_first = g(shift(x, v)), shift(g(x), v)  # g(T_v x), T_v g(x)
        err = np.linalg.norm(moved_first - activated_first) / np.linalg.norm(activated_first)
        print(f"{name:8s} v = {v:3}: relative error {err:.3f}")
        #> 2 x + 1  v =   1: relative error 0.000
        #> 2 x + 1  v = 0.5: relative error 0.000
        #> ReLU     v =   1: relative error 0.000
        #> ReLU     v = 0.5: relative error 0.094
        #> tanh     v =   1: relative error 0.000
        #> tanh     v = 0.5: relative error 0.011
        assert (err < 1e-12) == (name == "2 x + 1" or v == 1)
