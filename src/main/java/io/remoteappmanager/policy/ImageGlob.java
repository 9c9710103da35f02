package io.remoteappmanager.policy;

import java.util.regex.Pattern;

/**
 * One allowed-images pattern: {@code *} matches any run of characters within one {@code /}-separated part,
 * {@code ?} one such character, {@code **} anything (slashes included); everything else is literal. So
 * {@code registry.example:5000/team/*} allows that team's images but not {@code .../team/sub/x}.
 */
public record ImageGlob(String glob, Pattern regex) {

    public static ImageGlob of(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new ImageGlob(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String image) {
        return regex.matcher(image).matches();
    }
}
