#!/bin/sh
# Entry point of the ram-test/crash image: fails at once, for restart and backoff tests.
echo "ram-test/crash: exiting with code 1" >&2
exit 1
