"""CoordConv's channels: row coordinate, then column, each from -1 to 1."""

import torch

from shiftlab.layers import coordinate_channels

rows, cols = coordinate_channels(3, 4)  # (2, H, W): two maps
for i, row in enumerate(rows.tolist()):
    print(f"rows[{i}]:", row)
    #> rows[0]: [-1.0, -1.0, -1.0, -1.0]
    #> rows[1]: [0.0, 0.0, 0.0, 0.0]
    #> rows[2]: [1.0, 1.0, 1.0, 1.0]
print("columns:", [round(c, 3) for c in cols[0].tolist()], "on every row")
#> columns: [-1.0, -0.333, 0.333, 1.0] on every row
for n in (4, 5, 64, 65):
    c = coordinate_channels(n, n, dtype=torch.float64)[0, :, 0]  # down the rows
    ends = (c[0].item(), c[-1].item())
    symmetric = torch.equal(c, -c.flip(0))
    print(
        f"n = {n}: ends {ends}, symmetric {symmetric}, a 0: {0.0 in c.tolist()}"
    )
    #> n = 4: ends (-1.0, 1.0), symmetric True, a 0: False
    #> n = 5: ends (-1.0, 1.0), symmetric True, a 0: True
    #> n = 64: ends (-1.0, 1.0), symmetric True, a 0: False
    #> n = 65: ends (-1.0, 1.0), symmetric True, a 0: True
    assert ends == (-1.0, 1.0)
    assert symmetric
    assert (0.0 in c.tolist()) == (n % 2 == 1)
try:
    coordinate_channels(1, 5)
except ValueError as error:
    print("size 1:", error)
    #> size 1: coordinate channels need H and W >= 2 to span [-1, 1], got (1, 5)
