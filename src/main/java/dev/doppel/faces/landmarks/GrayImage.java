package dev.doppel.faces.landmarks;

/** An 8-bit grayscale image, row-major. */
public record GrayImage(int width, int height, byte[] pixels) {

    public GrayImage {
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("pixel buffer too small");
        }
    }

    int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /** dlib's RGB-to-gray conversion, (r + g + b) / 3 in integers, from interleaved BGR bytes (OpenCV order). */
    public static GrayImage fromBgr(int width, int height, byte[] bgr) {
        byte[] gray = new byte[width * height];
        for (int i = 0, p = 0; i < gray.length; i++, p += 3) {
            gray[i] = (byte) (((bgr[p] & 0xFF) + (bgr[p + 1] & 0xFF) + (bgr[p + 2] & 0xFF)) / 3);
        }
        return new GrayImage(width, height, gray);
    }
}
