package dev.doppel.training;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The device a GPU-lane slot computes on: slot n of a worker uses accelerator n (wrapping around when there are
 * more slots than accelerators), so two trainings on a two-GPU machine do not share one card. CPU without any.
 */
public final class SlotDevice {

    private SlotDevice() {
    }

    public static Device forSlot(int slot) {
        Engine engine = Engine.getEngine("PyTorch");
        int gpus = engine.getGpuCount();
        return gpus > 0 ? Device.gpu(Math.floorMod(slot, gpus)) : engine.defaultDevice();
    }
}
