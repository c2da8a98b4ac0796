package dev.doppel.faces;

/**
 * The mean face of dlib's 68-point model (the model's initial shape, in its unit face box), kept as numbers so
 * faces aligned on their eyes — when the model file is unavailable — use the same template as the rest.
 * Derived from shape_predictor_68_face_landmarks.dat (CC0) by reading its initial shape.
 */
public final class MeanFace {

    /** A copy: callers may scale it in place. */
    public static float[] dlib68() {
        return DLIB_68.clone();
    }

    static final float[] DLIB_68 = {
            0.0294f, 0.3219f, 0.0326f, 0.4464f, 0.0459f, 0.5704f, 0.0718f, 0.6920f,
            0.1203f, 0.8050f, 0.1947f, 0.9029f, 0.2858f, 0.9846f, 0.3863f, 1.0502f,
            0.5000f, 1.0697f, 0.6137f, 1.0502f, 0.7142f, 0.9846f, 0.8053f, 0.9029f,
            0.8797f, 0.8050f, 0.9282f, 0.6920f, 0.9541f, 0.5704f, 0.9674f, 0.4464f,
            0.9706f, 0.3219f, 0.1192f, 0.2309f, 0.1775f, 0.1784f, 0.2598f, 0.1627f,
            0.3451f, 0.1749f, 0.4249f, 0.2081f, 0.5751f, 0.2081f, 0.6550f, 0.1749f,
            0.7402f, 0.1627f, 0.8225f, 0.1784f, 0.8809f, 0.2309f, 0.5000f, 0.3055f,
            0.5000f, 0.3857f, 0.5000f, 0.4652f, 0.5000f, 0.5470f, 0.4045f, 0.6023f,
            0.4504f, 0.6192f, 0.5000f, 0.6337f, 0.5497f, 0.6192f, 0.5955f, 0.6023f,
            0.2139f, 0.3156f, 0.2647f, 0.2863f, 0.3259f, 0.2872f, 0.3794f, 0.3276f,
            0.3221f, 0.3378f, 0.2612f, 0.3370f, 0.6207f, 0.3276f, 0.6742f, 0.2872f,
            0.7353f, 0.2863f, 0.7862f, 0.3156f, 0.7388f, 0.3370f, 0.6780f, 0.3378f,
            0.3171f, 0.7511f, 0.3844f, 0.7242f, 0.4525f, 0.7103f, 0.5000f, 0.7220f,
            0.5475f, 0.7103f, 0.6156f, 0.7242f, 0.6829f, 0.7511f, 0.6178f, 0.8169f,
            0.5516f, 0.8460f, 0.5000f, 0.8515f, 0.4484f, 0.8460f, 0.3823f, 0.8169f,
            0.3452f, 0.7547f, 0.4519f, 0.7499f, 0.5000f, 0.7550f, 0.5481f, 0.7499f,
            0.6548f, 0.7547f, 0.5490f, 0.7857f, 0.5000f, 0.7916f, 0.4510f, 0.7857f };

    private MeanFace() {
    }
}
