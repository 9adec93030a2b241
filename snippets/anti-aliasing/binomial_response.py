"""Binomial filters, k = 1..7: frequency response |cos(w / 2)| ** (k - 1)."""

from math import comb

import numpy as np

from shiftlab.pooling import binomial_filter

n = 512  # frequencies w = 2 pi j / n at which the DFT samples the response
w = 2 * np.pi * np.fft.fftfreq(n)
for k in range(1, 8):
    pascal = [
        comb(k - 1, i) for i in range(k)
    ]  # row k - 1 of Pascal's triangle
    row = np.array(pascal) / 2 ** (k - 1)
    kernel = binomial_filter(k)
    assert np.array_equal(kernel, np.outer(row, row))
    assert kernel.sum() == 1.0  # exactly: the entries are dyadic fractions
    # |H(w)|: the DFT of the zero-padded row
    response = np.abs(np.fft.fft(row, n))
    formula = np.abs(np.cos(w / 2)) ** (k - 1)
    assert np.max(np.abs(response - formula)) < 1e-12
    # in 2-D: the product of the responses over the two axes
    response_2d = np.abs(np.fft.fft2(kernel, (n, n)))
    assert np.max(np.abs(response_2d - np.outer(response, response))) < 1e-12
    half, nyquist = response[n // 4], response[n // 2]  # at w = pi / 2 and pi
    print(
        f"k = {k}: {pascal} / {2 ** (k - 1)}, "
        f"|H(pi/2)| = {half:.3f}, |H(pi)| = {nyquist:.3f}"
    )
    #> k = 1: [1] / 1, |H(pi/2)| = 1.000, |H(pi)| = 1.000
    #> k = 2: [1, 1] / 2, |H(pi/2)| = 0.707, |H(pi)| = 0.000
    #> k = 3: [1, 2, 1] / 4, |H(pi/2)| = 0.500, |H(pi)| = 0.000
    #> k = 4: [1, 3, 3, 1] / 8, |H(pi/2)| = 0.354, |H(pi)| = 0.000
    #> k = 5: [1, 4, 6, 4, 1] / 16, |H(pi/2)| = 0.250, |H(pi)| = 0.000
    #> k = 6: [1, 5, 10, 10, 5, 1] / 32, |H(pi/2)| = 0.177, |H(pi)| = 0.000
    #> k = 7: [1, 6, 15, 20, 15, 6, 1] / 64, |H(pi/2)| = 0.125, |H(pi)| = 0.000
