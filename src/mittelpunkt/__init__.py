"""mittelpunkt: the customer back in the middle of a company's processes.

The package keeps each customer's journey with a ledger of every promise made to them,
runs customer-centricity guards on it, live and on history, and says what to do.

>>> import mittelpunkt
>>> mittelpunkt.__version__
'0.1.0'
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
