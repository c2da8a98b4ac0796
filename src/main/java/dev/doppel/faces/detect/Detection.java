package dev.doppel.faces.detect;

/** A face box in pixels (x, y: top-left corner) with the detector's confidence, 1 when it has none. */
public record Detection(double x, double y, double width, double height, double score) {

    Detection scaled(double factor) {
        return new Detection(x * factor, y * factor, width * factor, height * factor, score);
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }
}
