"""`python -m shiftlab probe` prints the report and can save it as JSON."""

import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

MODEL = """from torch import nn
def small_cnn():
    conv = {"kernel_size": 3, "padding": 1, "padding_mode": "circular"}
    return nn.Sequential(nn.Conv2d(3, 8, **conv), nn.ReLU(), nn.MaxPool2d(2))
"""
# the shell words after `python -m shiftlab`; quoted, as a shell needs the ;
command = "probe mymodels:small_cnn --input-shape 2,3,16,16 --shifts '0,1;2,2'"
with tempfile.TemporaryDirectory() as folder:
    Path(folder, "mymodels.py").write_text(MODEL, encoding="utf-8")
    args = [*shlex.split(command), "--json", "report.json"]
    run = subprocess.run([sys.executable, "-m", "shiftlab", *args], cwd=folder,
                         capture_output=True, text=True, check=True)
    saved = json.loads(Path(folder, "report.json").read_text(encoding="utf-8"))
print(*run.stdout.splitlines()[1:5], sep="\n")  # the table, as in Python
#> layer  type       call  stride  crop  (0, 1)     (2, 2)
#> 0      Conv2d     0     1       0     0          0
#> 1      ReLU       0     1       0     0          0
#> 2      MaxPool2d  0     2       0     undefined  0
pool = saved["layers"][2]
print("in report.json:", pool["type"], "stride", pool["stride"])
#> in report.json: MaxPool2d stride [2, 2]
assert run.returncode == 0
