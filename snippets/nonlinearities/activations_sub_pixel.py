"""Activations commute with integer shifts, not with sub-pixel Fourier ones."""

import numpy as np

from shiftlab.shifts import circular_shift, fourier_shift

N = 33  # odd: no Nyquist bin
k = np.fft.fftfreq(N) * N  # signed frequencies
noise = np.random.default_rng(0).normal(size=N)
# band-limited: |k| <= 6
x = np.fft.ifft(np.where(np.abs(k) <= 6, np.fft.fft(noise), 0)).real
maps = {
    "2 x + 1": lambda a: 2 * a + 1,
    "ReLU": lambda a: np.maximum(a, 0),
    "tanh": np.tanh,
}
for name, g in maps.items():
    # an integer shift, then a half-pixel one
    for v, shift in ((1, circular_shift), (0.5, fourier_shift)):
        moved_first = g(shift(x, v))  # g(T_v x)
        activated_first = shift(g(x), v)  # T_v g(x)
        gap = np.linalg.norm(moved_first - activated_first)
        err = gap / np.linalg.norm(activated_first)
        print(f"{name:8s} v = {v:3}: relative error {err:.3f}")
        #> 2 x + 1  v =   1: relative error 0.000
        #> 2 x + 1  v = 0.5: relative error 0.000
        #> ReLU     v =   1: relative error 0.000
        #> ReLU     v = 0.5: relative error 0.094
        #> tanh     v =   1: relative error 0.000
        #> tanh     v = 0.5: relative error 0.011
        assert (err < 1e-12) == (name == "2 x + 1" or v == 1)
