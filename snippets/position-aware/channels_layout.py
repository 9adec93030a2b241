"""CoordConv's channels: row coordinate, then column, each from -1 to 1."""

from shiftlab.layers import coordinate_channels

rows, cols = coordinate_channels(3, 4)  # (2, H, W): two maps
for i, row in enumerate(rows.tolist()):
    print(f"rows[{i}]:", row)
    #> rows[0]: [-1.0, -1.0, -1.0, -1.0]
    #> rows[1]: [0.0, 0.0, 0.0, 0.0]
    #> rows[2]: [1.0, 1.0, 1.0, 1.0]
print("columns:", [round(c, 3) for c in cols[0].tolist()], "on every row")
#> columns: [-1.0, -0.333, 0.333, 1.0] on every row
assert rows[:, 0].tolist() == [-1.0, 0.0, 1.0]
assert bool((cols == cols[0]).all())
