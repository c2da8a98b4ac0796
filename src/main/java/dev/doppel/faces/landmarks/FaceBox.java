package dev.doppel.faces.landmarks;

/**
 * A face rectangle in dlib's convention: left, top, right and bottom are inclusive pixel coordinates, so the
 * width is right − left + 1.
 */
public record FaceBox(long left, long top, long right, long bottom) {

    public static FaceBox ofSize(long x, long y, long width, long height) {
        return new FaceBox(x, y, x + width - 1, y + height - 1);
    }

    public long width() {
        return right - left + 1;
    }

    public long height() {
        return bottom - top + 1;
    }
}
