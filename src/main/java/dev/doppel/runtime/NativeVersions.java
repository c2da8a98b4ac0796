package dev.doppel.runtime;

import java.util.Locale;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.opencv.global.opencv_core;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Loads every native library the product depends on and reports what it found. Nothing here may touch the
 * network: the natives come out of the jars on the class path.
 */
public record NativeVersions(String opencv, String ffmpeg, String pytorch, String device, int gpuCount) {

    static {
        OfflineDefaults.apply();
    }

    public static NativeVersions probe() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        // getVersionString() ends with a NUL byte; the compile-time constant is clean.
        String opencv = opencv_core.CV_VERSION;
        String ffmpeg = avutil.av_version_info().getString();
        Engine engine = Engine.getEngine("PyTorch");
        int gpus = engine.getGpuCount();
        Device device = engine.defaultDevice();
        String deviceName = device.isGpu() ? "gpu " + device.getDeviceId() : device.getDeviceType().toLowerCase(Locale.ROOT);
        return new NativeVersions(opencv, ffmpeg, engine.getVersion(), deviceName, gpus);
    }

    /** Lets a child JVM (and an operator) check the natives without starting the app. */
    public static void main(String[] args) {
        NativeVersions v = probe();
        System.out.println("opencv=" + v.opencv());
        System.out.println("ffmpeg=" + v.ffmpeg());
        System.out.println("pytorch=" + v.pytorch());
        System.out.println("device=" + v.device());
    }
}
