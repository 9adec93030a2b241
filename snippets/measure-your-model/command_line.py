"""From the command line: python -m shiftlab probe MODULE:FACTORY ..."""

import json
import shlex
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

MODEL = """
from torch import nn

def small_cnn():
    conv = {"kernel_size": 3, "padding": 1, "padding_mode": "circular"}
    return nn.Sequential(nn.Conv2d(3, 8, **conv), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(8, 8, **conv), nn.AdaptiveAvgPool2d(1))
"""
good = [
    "probe",
    "mymodels:small_cnn",
    "--input-shape",
    "2,3,16,16",
    "--shifts",
    "0,1;0,2;2,2",
    "--json",
    "report.json",
]
# 1 channel, not 3
bad = ["probe", "mymodels:small_cnn", "--input-shape", "2,1,16,16"]
transcript: list[str] = []  # what a terminal would show
with tempfile.TemporaryDirectory() as folder:
    Path(folder, "mymodels.py").write_text(MODEL, encoding="utf-8")
    for args in (good, bad):
        run = subprocess.run(
            [sys.executable, "-m", "shiftlab", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == (0 if args is good else 2)
        # the report on stdout, a usage error on stderr
        shown = run.stdout if run.returncode == 0 else run.stderr
        command = "$ " + shlex.join(["python", "-m", "shiftlab", *args])
        transcript += [command, *shown.splitlines()]
        transcript.append(f"exit status {run.returncode}")
    saved = json.loads(Path(folder, "report.json").read_text(encoding="utf-8"))
# long lines wrapped to the 80 columns of the code box
wrapped = [
    textwrap.fill(line, 77, subsequent_indent="    ") for line in transcript
]
print(*wrapped, sep="\n")
#> $ python -m shiftlab probe mymodels:small_cnn --input-shape 2,3,16,16
#>     --shifts '0,1;0,2;2,2' --json report.json
#> probe of Sequential on input (2, 3, 16, 16), 3 circular shifts; relative L2
#>     error of each layer against T_{v/s} of its unshifted output
#> layer  type               call  stride  crop  (0, 1)     (0, 2)     (2, 2)
#> 0      Conv2d             0     1       0     0          0          0
#> 1      ReLU               0     1       0     0          0          0
#> 2      MaxPool2d          0     2       0     undefined  0          0
#> 3      Conv2d             0     2       0     undefined  0          0
#> 4      AdaptiveAvgPool2d  0     16      0     undefined  undefined  undefined
#> output (2, 8, 1, 1), invariance: 3 shifts, 3 defined (100%): max relative L2
#>     0.0545, max abs 0.0365 over the defined ones
#> undefined: the stride s does not divide the shift v (no T_{v/s})
#> exit status 0
#> $ python -m shiftlab probe mymodels:small_cnn --input-shape 2,1,16,16
#> shiftlab probe: error: the model rejects an input, shape (2, 1, 16, 16)
#>     (torch.float32): RuntimeError: Given groups=1, weight of size [8, 3, 3,
#>     3], expected input[2, 1, 18, 18] to have 3 channels, but got 1 channels
#>     instead
#> exit status 2
pool_row = {key: saved["layers"][2][key] for key in ["type", "stride"]}
print("in report.json:", pool_row)
#> in report.json: {'type': 'MaxPool2d', 'stride': [2, 2]}
