package org.edgeslice.meo.pkgm;

/** The package file or its AppD is not acceptable; the message says every reason found. */
public class InvalidPackageException extends RuntimeException {

    public InvalidPackageException(String message) {
        super(message);
    }
}
