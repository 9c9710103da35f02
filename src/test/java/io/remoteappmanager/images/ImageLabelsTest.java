package io.remoteappmanager.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.ImageMetadata;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An image's labels become its app's metadata; what cannot be shown is dropped with a warning naming the image. */
class ImageLabelsTest {

    static final String P = "eu.simphony-project.docker.";
    static final String IMAGE = "simphony/paraview:5.4";
    static final ImageLabels LABELS = new ImageLabels(P);

    /** The smallest PNG byte stream the check accepts: its signature and a few bytes more. */
    static String png(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void allFourLabelsAndTheSettingsAreRead() {
        String icon = png(64);
        ImageLabels.Read read = LABELS.read(IMAGE, Map.of(P + "ui_name", "ParaView", P + "icon_128", icon,
                P + "description", "Parallel visualisation", P + "type", "vncapp", P + "env.x11-width", "",
                P + "env.X11_HEIGHT", "", "org.other.label", "x"));

        assertThat(read.metadata()).isEqualTo(new ImageMetadata(Optional.of("ParaView"),
                Optional.of("data:image/png;base64," + icon), Optional.of("Parallel visualisation"),
                Optional.of("vncapp"), List.of("X11_HEIGHT", "X11_WIDTH")));
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void settingNamesAreUpperCasedWithUnderscoresAndBadOnesAreDropped() {
        ImageLabels.Read read = LABELS.read(IMAGE, Map.of(P + "env.x11-depth", "", P + "env.X11_DEPTH", "",
                P + "env.licence-server", "", P + "env.no/slash", "", P + "env.", ""));

        assertThat(read.metadata().settings()).containsExactly("LICENCE_SERVER", "X11_DEPTH");
        assertThat(read.warnings()).hasSize(2)
                .allSatisfy(w -> assertThat(w).startsWith("image " + IMAGE + ": label " + P + "env."))
                .anySatisfy(w -> assertThat(w).contains("env.no/slash"));
    }

    @Test
    void anIconThatIsNotAPngIsDroppedWithAWarningNamingTheImage() {
        String gif = Base64.getEncoder().encodeToString("GIF89a and the rest of a GIF".getBytes());

        ImageLabels.Read read = LABELS.read(IMAGE, Map.of(P + "ui_name", "ParaView", P + "icon_128", gif));

        assertThat(read.metadata().icon()).isEmpty();
        assertThat(read.metadata().title()).contains("ParaView");
        assertThat(read.warnings()).singleElement().asString()
                .contains(IMAGE).contains(P + "icon_128").contains("not a PNG");
    }

    @Test
    void anIconOver256KiBIsDropped() {
        assertThat(LABELS.read(IMAGE, Map.of(P + "icon_128", png(ImageLabels.MAX_ICON_BYTES))).metadata().icon())
                .as("exactly 256 KiB").isPresent();

        for (int size : new int[] {ImageLabels.MAX_ICON_BYTES + 1, 4 * ImageLabels.MAX_ICON_BYTES}) {
            ImageLabels.Read read = LABELS.read(IMAGE, Map.of(P + "icon_128", png(size)));

            assertThat(read.metadata().icon()).as("%d bytes", size).isEmpty();
            assertThat(read.warnings()).singleElement().asString().contains(IMAGE).contains("over 256 KiB");
        }
    }

    @Test
    void anIconThatIsNotBase64IsDropped() {
        ImageLabels.Read read = LABELS.read(IMAGE, Map.of(P + "icon_128", "iVBORw0KGgo!!not base64"));

        assertThat(read.metadata().icon()).isEmpty();
        assertThat(read.warnings()).singleElement().asString().contains(IMAGE).contains("not base64");
    }

    @Test
    void anUnknownKindIsDroppedAndBlankValuesAreAbsent() {
        ImageLabels.Read read = LABELS.read(IMAGE, Map.of(P + "type", "desktop", P + "ui_name", "  ",
                P + "description", ""));

        assertThat(read.metadata()).isEqualTo(ImageMetadata.NONE);
        assertThat(read.warnings()).singleElement().asString().contains("'desktop' is neither webapp nor vncapp");
    }

    @Test
    void onlyLabelsUnderTheConfiguredPrefixCount() {
        Map<String, String> labels = Map.of(P + "ui_name", "ParaView", "org.example.app.ui_name", "Other");

        assertThat(new ImageLabels("org.example.app.").read(IMAGE, labels).metadata().title()).contains("Other");
        assertThat(LABELS.read(IMAGE, Map.of()).metadata()).isEqualTo(ImageMetadata.NONE);
        assertThat(LABELS.read(IMAGE, labels).metadata().title()).contains("ParaView");
    }
}
