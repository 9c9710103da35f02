#!/usr/bin/env bash
# Regenerates docs/configuration.md from src/main/java/io/remoteappmanager/config/RamConfig.java (keys, defaults, Javadoc).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q -o test -Dtest=ConfigurationDocTest -Dram.docs.write=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
