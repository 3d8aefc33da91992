"""`python -m cancelapp`: the same start as the `cancelapp` command."""

import sys

from cancelapp.app import main

if __name__ == "__main__":
    sys.exit(main())
