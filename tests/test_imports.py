"""Every module of ours imports on its own: no import cycle hides behind an import order.

Each module is imported in a fresh interpreter state for our packages (third-party modules
stay loaded, which keeps this fast), so a cycle that only the usual order resolves fails here.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PACKAGES = ("doc2openapi",)
PROBE = """
import importlib, pkgutil, sys
packages = {packages!r}
names = []
for package in packages:
    module = importlib.import_module(package)
    names.append(package)
    names += [m.name for m in pkgutil.walk_packages(module.__path__, package + ".")]
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m.split(".")[0] in packages]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as err:
        failed.append(f"{{name}}: {{type(err).__name__}}: {{err}}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_module_imports_alone() -> None:
    probe = PROBE.format(packages=PACKAGES)
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    count, *failed = done.stdout.strip().split("\n")
    assert int(count) > 60
    assert not [line for line in failed if line], failed
