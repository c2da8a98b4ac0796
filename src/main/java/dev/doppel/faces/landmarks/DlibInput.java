package dev.doppel.faces.landmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads dlib's portable binary serialisation (dlib/serialize.h): integers as a control byte (low nibble: how
 * many little-endian bytes follow; bit 7: negative) and floats as such an integer mantissa and a 16-bit
 * exponent, value = mantissa · 2^exponent.
 */
final class DlibInput {

    private static final int IS_INF = 32000;
    private static final int IS_NINF = 32001;
    private static final int IS_NAN = 32002;

    private final InputStream in;
    private long position;

    DlibInput(InputStream in) {
        this.in = in;
    }

    long readLong() throws IOException {
        int control = readByte();
        int size = control & 0x0F;
        if (size == 0 || size > 8 || (control & 0x70) != 0) {
            throw new DlibFormatException("bad integer control byte 0x" + Integer.toHexString(control), position - 1);
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) readByte() << (8 * i);
        }
        return (control & 0x80) != 0 ? -value : value;
    }

    int readInt() throws IOException {
        long v = readLong();
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new DlibFormatException("integer out of range: " + v, position);
        }
        return (int) v;
    }

    /** A non-negative count, checked against a sane upper bound so a corrupt file fails fast. */
    int readCount(int max) throws IOException {
        long v = readLong();
        if (v < 0 || v > max) {
            throw new DlibFormatException("implausible count " + v, position);
        }
        return (int) v;
    }

    float readFloat() throws IOException {
        long mantissa = readLong();
        long exponent = readLong();
        if (exponent == IS_INF) {
            return Float.POSITIVE_INFINITY;
        }
        if (exponent == IS_NINF) {
            return Float.NEGATIVE_INFINITY;
        }
        if (exponent == IS_NAN) {
            return Float.NaN;
        }
        return (float) (mantissa * Math.pow(2, exponent));
    }

    /** A column vector (dlib matrix&lt;float,0,1&gt;); rows and columns are written negated in the new format. */
    float[] readFloatColumn(int maxRows) throws IOException {
        long rows = Math.abs(readLong());
        long cols = Math.abs(readLong());
        if (cols != 1 || rows > maxRows) {
            throw new DlibFormatException("expected a column vector, got " + rows + "x" + cols, position);
        }
        float[] v = new float[(int) rows];
        for (int i = 0; i < v.length; i++) {
            v[i] = readFloat();
        }
        return v;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("dlib model ends early at byte " + position);
        }
        position++;
        return b;
    }
}
