package dev.doppel.runtime;

import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Run by {@link NativesOfflineTests} in a child JVM inside a network namespace with no usable interface. */
public final class OfflineNativesProbe {

    private OfflineNativesProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<NetworkInterface> all;
        try {
            all = Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (java.net.SocketException none) {
            all = List.of();
        }
        List<NetworkInterface> up = all.stream()
                .filter(i -> {
                    try {
                        return i.isUp();
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        System.out.println("interfaces-up=" + up.size());

        NativeVersions v = NativeVersions.probe();
        System.out.println("opencv=" + v.opencv());
        System.out.println("ffmpeg=" + v.ffmpeg());
        System.out.println("pytorch=" + v.pytorch());
        System.out.println("device=" + v.device());

        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray a = manager.arange(1f, 5f); // 1 2 3 4
            System.out.println("torch-sum=" + a.mul(a).sum().getFloat());
        }
        try (Mat m = new Mat(4, 4, opencv_core.CV_32FC1, new Scalar(2.5))) {
            System.out.println("opencv-sum=" + opencv_core.sumElems(m).get(0));
        }
    }
}
