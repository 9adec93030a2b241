"""The ends are exactly -1 and 1, symmetric; only odd sizes have a 0."""

import torch

from shiftlab.layers import coordinate_channels

for n in (4, 5, 64, 65):
    c = coordinate_channels(n, n, dtype=torch.float64)[0, :, 0]  # down the rows
    ends = (c[0].item(), c[-1].item())
    symmetric = torch.equal(c, -c.flip(0))
    zero = 0.0 in c.tolist()
    print(f"n = {n}: ends {ends}, symmetric {symmetric}, a 0: {zero}")
    #> n = 4: ends (-1.0, 1.0), symmetric True, a 0: False
    #> n = 5: ends (-1.0, 1.0), symmetric True, a 0: True
    #> n = 64: ends (-1.0, 1.0), symmetric True, a 0: False
    #> n = 65: ends (-1.0, 1.0), symmetric True, a 0: True
    assert ends == (-1.0, 1.0)
    assert symmetric
    assert zero == (n % 2 == 1)
