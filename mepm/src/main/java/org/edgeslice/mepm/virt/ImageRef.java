package org.edgeslice.mepm.virt;

/**
 * An OCI image reference split into repository and tag: {@code 127.0.0.1:5000/edgeslice/x:1} is repository
 * {@code 127.0.0.1:5000/edgeslice/x}, tag {@code 1} (the registry's port colon is not a tag separator).
 */
public record ImageRef(String repository, String tag) {

    public static ImageRef parse(String image) {
        int at = image.indexOf('@');
        if (at > 0) {
            return new ImageRef(image.substring(0, at), image.substring(at + 1));
        }
        int colon = image.lastIndexOf(':');
        int slash = image.lastIndexOf('/');
        if (colon > slash) {
            return new ImageRef(image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageRef(image, "latest");
    }

    /** The repository without its registry host: {@code edgeslice/x}. */
    public String path() {
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return repository.substring(slash + 1);
            }
        }
        return repository;
    }
}
