"""Maps commuting with every circular shift: dimension N in 1-D, H W in 2-D."""

import numpy as np


# the n x n matrix of a linear map: column j = f(e_j)
def matrix(f, n: int) -> np.ndarray:
    return np.stack([f(e) for e in np.eye(n)], axis=1)


def commutant_dim(pairs: list[tuple[np.ndarray, np.ndarray]]) -> int:
    """Dimension of {A : A S_in = S_out A for all pairs}, via vec(A) by rows."""
    # A is (m, n) = (len(S_out), len(S_in))
    m, n = len(pairs[0][1]), len(pairs[0][0])
    rows = [
        np.kron(np.eye(m), s_in.T) - np.kron(s_out, np.eye(n))
        for s_in, s_out in pairs
    ]
    return m * n - np.linalg.matrix_rank(np.vstack(rows))


for N in (5, 8):
    T = matrix(lambda e: np.roll(e, 1), N)  # T_1 generates all of Z_N
    dim = commutant_dim([(T, T)])
    print(f"1-D, N = {N}: dimension {dim}")
    #> 1-D, N = 5: dimension 5
    #> 1-D, N = 8: dimension 8
    assert dim == N

H, W = 3, 4  # shifts of Z_H x Z_W acting on flattened images; two generators
Ty = matrix(lambda e: np.roll(e.reshape(H, W), 1, axis=0).ravel(), H * W)
Tx = matrix(lambda e: np.roll(e.reshape(H, W), 1, axis=1).ravel(), H * W)
dim = commutant_dim([(Ty, Ty), (Tx, Tx)])  # T_(1, 0) and T_(0, 1)
print(f"2-D, {H} x {W}: dimension {dim}")
#> 2-D, 3 x 4: dimension 12
horizontal_only = commutant_dim([(Tx, Tx)])
print(
    f"2-D, {H} x {W}, commuting with T_(0, 1) only: dimension {horizontal_only}"
)
#> 2-D, 3 x 4, commuting with T_(0, 1) only: dimension 36
assert dim == H * W

C_in, C_out, N = 2, 3, 5  # the shift acts on every channel: S = I_C (x) T_1
T = matrix(lambda e: np.roll(e, 1), N)
dim = commutant_dim([(np.kron(np.eye(C_in), T), np.kron(np.eye(C_out), T))])
print(f"channels {C_in} -> {C_out}, N = {N}: dimension {dim}")
#> channels 2 -> 3, N = 5: dimension 30
assert dim == C_out * C_in * N
