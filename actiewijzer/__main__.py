import sys

from actiewijzer.cli import main

sys.exit(main())
