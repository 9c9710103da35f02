package io.remoteappmanager.testing.fake;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Ids as the engine makes them: 64 random hex digits, so their 12-digit short forms differ too. */
final class FakeIds {

    private FakeIds() {}

    static String hex64() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
