package io.remoteappmanager.model;

/** Where a spec came from: its file name, the document's metadata.name and its line, for labels and errors. */
public record SpecOrigin(String file, String document, int line) {

    /** The {@code source} label value: file name and document name. */
    public String label() {
        return file + "#" + document;
    }
}
