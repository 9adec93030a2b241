"""The binomial filters of size k = 1..7 and their frequency response |cos(w / 2)| ** (k - 1).

binomial_filter(k) is the outer product of row k - 1 of Pascal's triangle with itself,
normalised to sum 1. The row is the (k - 1)-fold convolution of [1/2, 1/2], whose response
is e^{-iw/2} cos(w / 2); so the row's response is |cos(w / 2)| ** (k - 1) in magnitude, and
the 2-D filter's is the product over the two axes. For k >= 2 it is 0 at Nyquist (w = pi).
"""

from math import comb

import numpy as np

from shiftlab.pooling import binomial_filter

n = 512  # frequencies w = 2 pi j / n at which the DFT samples the response
w = 2 * np.pi * np.fft.fftfreq(n)
for k in range(1, 8):
    row = np.array([comb(k - 1, i) for i in range(k)]) / 2 ** (k - 1)
    kernel = binomial_filter(k)
    assert np.array_equal(kernel, np.outer(row, row))
    assert kernel.sum() == 1.0  # exactly: the entries are dyadic fractions
    response = np.abs(np.fft.fft(row, n))  # |H(w)|: the DFT of the zero-padded row
    assert np.max(np.abs(response - np.abs(np.cos(w / 2)) ** (k - 1))) < 1e-12
    response_2d = np.abs(np.fft.fft2(kernel, (n, n)))
    assert np.max(np.abs(response_2d - np.outer(response, response))) < 1e-12
    half, nyquist = response[n // 4], response[n // 2]  # at w = pi / 2 and w = pi
    print(f"k = {k}: row {[comb(k - 1, i) for i in range(k)]} / {2 ** (k - 1)}, "
          f"|H(pi/2)| = {half:.3f}, |H(pi)| = {nyquist:.3f}")
    #> k = 1: row [1] / 1, |H(pi/2)| = 1.000, |H(pi)| = 1.000
    #> k = 2: row [1, 1] / 2, |H(pi/2)| = 0.707, |H(pi)| = 0.000
    #> k = 3: row [1, 2, 1] / 4, |H(pi/2)| = 0.500, |H(pi)| = 0.000
    #> k = 4: row [1, 3, 3, 1] / 8, |H(pi/2)| = 0.354, |H(pi)| = 0.000
    #> k = 5: row [1, 4, 6, 4, 1] / 16, |H(pi/2)| = 0.250, |H(pi)| = 0.000
    #> k = 6: row [1, 5, 10, 10, 5, 1] / 32, |H(pi/2)| = 0.177, |H(pi)| = 0.000
    #> k = 7: row [1, 6, 15, 20, 15, 6, 1] / 64, |H(pi/2)| = 0.125, |H(pi)| = 0.000
