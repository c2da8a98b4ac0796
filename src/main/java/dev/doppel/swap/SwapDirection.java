package dev.doppel.swap;

/** Which face the video shows and which it gets: A_TO_B takes a video of A and gives it B's face. */
public enum SwapDirection {
    A_TO_B, B_TO_A;

    /** Whether the swapped faces are drawn by decoder A. */
    public boolean rendersA() {
        return this == B_TO_A;
    }

    public String target() {
        return this == A_TO_B ? "B" : "A";
    }
}
