"""A threshold segmenter is equivariant and a box-max classifier invariant."""

import numpy as np

rng = np.random.default_rng(0)
image = 0.3 * rng.random((12, 12))  # (H, W): faint background
image[2:5, 6:9] += 1.0  # a bright 3x3 object
shifts = list(np.ndindex(image.shape))  # all 144 circular shifts


def shift(v: tuple[int, int], x: np.ndarray) -> np.ndarray:
    return np.roll(x, v, axis=(0, 1))  # T_v, circular


def score(x: np.ndarray) -> float:
    # 3x3 box sums (equivariant), then a global max (invariant)
    box = sum(shift((-i, -j), x) for i in range(3) for j in range(3))
    return float(box.max())


mask_moves = sum(
    np.array_equal(shift(v, image) > 0.5, shift(v, image > 0.5)) for v in shifts
)
change = max(abs(score(shift(v, image)) - score(image)) for v in shifts)
print(f"mask moves with the image: {mask_moves} of {len(shifts)} shifts")
#> mask moves with the image: 144 of 144 shifts
print(f"score {score(image):.3f}, largest change over all shifts {change}")
#> score 10.042, largest change over all shifts 0.0
print(f"without the object: score {score(0.3 * rng.random((12, 12))):.3f}")
#> without the object: score 1.965
assert mask_moves == len(shifts)
assert change == 0.0
