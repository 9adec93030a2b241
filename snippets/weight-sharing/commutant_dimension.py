"""Maps commuting with every circular shift: dimension N in 1-D, H W in 2-D."""

import numpy as np


def commutant_dim(pairs: list[tuple[np.ndarray, np.ndarray]]) -> int:
    """Dimension of {A : A S_in = S_out A for all pairs}, via vec(A) by rows."""
    m, n = len(pairs[0][1]), len(pairs[0][0])  # A is (m, n)
    rows = [np.kron(np.eye(m), s_in.T) - np.kron(s_out, np.eye(n))
            for s_in, s_out in pairs]
    return m * n - np.linalg.matrix_rank(np.vstack(rows))


T5, T8 = (np.roll(np.eye(N), 1, axis=0) for N in (5, 8))  # T_1 generates Z_N
print("1-D, N = 5 and 8:", commutant_dim([(T5, T5)]), commutant_dim([(T8, T8)]))
#> 1-D, N = 5 and 8: 5 8
H, W = 3, 4  # Z_H x Z_W on flattened images: generators T_(1, 0), T_(0, 1)
Ty = np.roll(np.eye(H * W).reshape(H, W, -1), 1, axis=0).reshape(H * W, -1)
Tx = np.roll(np.eye(H * W).reshape(H, W, -1), 1, axis=1).reshape(H * W, -1)
both, x_only = commutant_dim([(Ty, Ty), (Tx, Tx)]), commutant_dim([(Tx, Tx)])
print(f"2-D, {H} x {W}: {both}; commuting with T_(0, 1) only: {x_only}")
#> 2-D, 3 x 4: 12; commuting with T_(0, 1) only: 36
S_in, S_out = np.kron(np.eye(2), T5), np.kron(np.eye(3), T5)  # per channel
channels = commutant_dim([(S_in, S_out)])
print(f"channels 2 -> 3, N = 5: dimension {channels}")
#> channels 2 -> 3, N = 5: dimension 30
assert (both, x_only, channels) == (H * W, H * H * W, 3 * 2 * 5)
