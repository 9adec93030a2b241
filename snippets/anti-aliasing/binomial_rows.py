"""The binomial filters: Pascal's rows / 2^(k-1), outer products, sum 1."""

from math import comb

import numpy as np

from shiftlab.pooling import binomial_filter

for k in range(1, 8):
    pascal = [comb(k - 1, i) for i in range(k)]  # row k - 1 of the triangle
    row = np.array(pascal) / 2 ** (k - 1)
    kernel = binomial_filter(k)
    assert np.array_equal(kernel, np.outer(row, row))
    assert kernel.sum() == 1.0  # exactly: the entries are dyadic fractions
    print(f"k = {k}: {pascal} / {2 ** (k - 1)}")
    #> k = 1: [1] / 1
    #> k = 2: [1, 1] / 2
    #> k = 3: [1, 2, 1] / 4
    #> k = 4: [1, 3, 3, 1] / 8
    #> k = 5: [1, 4, 6, 4, 1] / 16
    #> k = 6: [1, 5, 10, 10, 5, 1] / 32
    #> k = 7: [1, 6, 15, 20, 15, 6, 1] / 64
