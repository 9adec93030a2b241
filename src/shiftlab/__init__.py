"""shiftlab: translation equivariance and invariance in convolutional networks.

The numpy core, re-exported here, needs nothing but numpy:

* ``shiftlab.shifts``: circular, zero-fill and sub-pixel (Fourier) shifts, and the
  conventions every module follows (sign of a shift, axis order);
* ``shiftlab.padding`` and ``shiftlab.convolution``: reference cross-correlation and
  convolution, 1-D to 3-D, with every padding mode, stride and dilation;
* ``shiftlab.pooling``: local and global pooling, and subsampling;
* ``shiftlab.measures``: ``equivariance_error`` and ``invariance_error``.

Examples:
    A stride-1 convolution with circular padding that keeps the size commutes with every
    circular shift; global average pooling on top of it is invariant to them:

    >>> import numpy as np
    >>> import shiftlab
    >>> rng = np.random.default_rng(0)
    >>> x = rng.standard_normal((1, 2, 6, 6))  # (N, C, H, W)
    >>> w = rng.standard_normal((3, 2, 3, 3))  # (C_out, C_in, kh, kw)
    >>> conv = lambda a: shiftlab.correlate(a, w, padding="circular")
    >>> report = shiftlab.equivariance_error(conv, x)
    >>> len(report), report.max_abs < 1e-12
    (36, True)
    >>> pooled = lambda a: shiftlab.global_avg_pool(conv(a))  # (N, C_out)
    >>> shiftlab.invariance_error(pooled, x).max_relative_l2 < 1e-12
    True
"""

from shiftlab.convolution import convolve, correlate
from shiftlab.measures import (
    ShiftError,
    ShiftReport,
    equivariance_error,
    invariance_error,
    output_shift,
    shift_error,
)
from shiftlab.padding import PaddingMode, pad_spatial, same_padding
from shiftlab.pooling import (
    avg_pool,
    binomial_filter,
    global_avg_pool,
    global_max_pool,
    max_pool,
    subsample,
)
from shiftlab.shifts import centered_shifts, circular_shift, fourier_shift, zero_shift

__all__ = [
    "PaddingMode",
    "ShiftError",
    "ShiftReport",
    "avg_pool",
    "binomial_filter",
    "centered_shifts",
    "circular_shift",
    "convolve",
    "correlate",
    "equivariance_error",
    "fourier_shift",
    "global_avg_pool",
    "global_max_pool",
    "invariance_error",
    "max_pool",
    "output_shift",
    "pad_spatial",
    "same_padding",
    "shift_error",
    "subsample",
    "zero_shift",
]
