"""Knowledge graph of Vietnamese policy lineage and institutional responsibility.

The pipeline runs one stage per module: normalize → segment → extract → resolve → build → infer →
validate → query → analyse → render. See ARCHITECTURE in the README.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vn-policy-kg")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
