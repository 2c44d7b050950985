"""`python -m specpipe` runs the command line."""

import sys

from specpipe.cli import main

sys.exit(main())
