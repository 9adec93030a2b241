"""Binomial filters, k = 1..7: frequency response |cos(w / 2)| ** (k - 1)."""

import numpy as np

from shiftlab.pooling import binomial_filter

n = 512  # frequencies w = 2 pi j / n at which the DFT samples the response
w = 2 * np.pi * np.fft.fftfreq(n)
for k in range(1, 8):
    kernel = binomial_filter(k)
    response = np.abs(np.fft.fft(kernel.sum(axis=0), n))  # |b(w)| of the row
    formula = np.abs(np.cos(w / 2)) ** (k - 1)
    assert np.max(np.abs(response - formula)) < 1e-12
    # in 2-D: the product of the responses over the two axes
    response_2d = np.abs(np.fft.fft2(kernel, (n, n)))
    assert np.max(np.abs(response_2d - np.outer(response, response))) < 1e-12
    half, nyquist = response[n // 4], response[n // 2]  # w = pi / 2 and pi
    print(f"k = {k}: |b(pi/2)| = {half:.3f}, |b(pi)| = {nyquist:.3f}")
    #> k = 1: |b(pi/2)| = 1.000, |b(pi)| = 1.000
    #> k = 2: |b(pi/2)| = 0.707, |b(pi)| = 0.000
    #> k = 3: |b(pi/2)| = 0.500, |b(pi)| = 0.000
    #> k = 4: |b(pi/2)| = 0.354, |b(pi)| = 0.000
    #> k = 5: |b(pi/2)| = 0.250, |b(pi)| = 0.000
    #> k = 6: |b(pi/2)| = 0.177, |b(pi)| = 0.000
    #> k = 7: |b(pi/2)| = 0.125, |b(pi)| = 0.000
