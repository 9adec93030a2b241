"""A usage error is one line on stderr, with exit status 2."""

import subprocess
import sys
import tempfile
from pathlib import Path

MODEL = """from torch import nn
def small_cnn():
    return nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
"""
command = "probe mymodels:small_cnn --input-shape 2,1,16,16"  # 1 channel, not 3
with tempfile.TemporaryDirectory() as folder:
    Path(folder, "mymodels.py").write_text(MODEL, encoding="utf-8")
    cmd = [sys.executable, "-m", "shiftlab", *command.split()]
    run = subprocess.run(cmd, check=False, cwd=folder, capture_output=True)
error = run.stderr.decode().strip()  # one line; split to fit 80 columns
head, _, cause = error.partition(" (torch.float32): ")
print(f"exit status {run.returncode}; stderr: {len(error.splitlines())} line")
#> exit status 2; stderr: 1 line
print(head)
#> shiftlab probe: error: the model rejects an input, shape (2, 1, 16, 16)
print(cause[:60], "...")
#> RuntimeError: Given groups=1, weight of size [8, 3, 3, 3], e ...
assert run.returncode == 2
assert not run.stdout
