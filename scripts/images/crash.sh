#!/bin/sh
# Entry point of the ram-test/crash image: exits at once (with EXIT_CODE, default 1), for restart and back-off tests.
echo "ram-test/crash: exiting with code ${EXIT_CODE:-1}" >&2
exit "${EXIT_CODE:-1}"
