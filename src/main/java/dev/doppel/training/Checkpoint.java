package dev.doppel.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Everything needed to continue training exactly where it stopped: the iteration, the seed the batches are
 * drawn from, every weight, and Adam's state for each. Written as a small header and one encoded NDList.
 */
public final class Checkpoint {

    static final int MAGIC = 0x44504c43; // "DPLC"
    static final int VERSION = 1;

    private Checkpoint() {
    }

    public static void write(AutoencoderTrainer trainer, OutputStream out) throws IOException {
        CheckpointableAdam adam = trainer.optimizer();
        NDList arrays = new NDList();
        Map<String, Integer> steps = new TreeMap<>();
        // Parameters are saved under their place in the network ("01encoder_01Conv2d_weight"); their ids are
        // random per instance, and the optimizer's state is keyed by id.
        for (Pair<String, Parameter> p : trainer.network().getParameters()) {
            String name = p.getKey();
            String id = p.getValue().getId();
            arrays.add(named(p.getValue().getArray(), name + "#w"));
            NDArray mean = adam.means().get(id);
            NDArray variance = adam.variances().get(id);
            if (mean != null && variance != null) {
                arrays.add(named(mean, name + "#m"));
                arrays.add(named(variance, name + "#v"));
                steps.put(name, adam.steps().getOrDefault(id, 0));
            }
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(trainer.preset().name());
        data.writeLong(trainer.iteration());
        data.writeLong(trainer.seed());
        data.writeLong(trainer.skipped());
        data.writeInt(steps.size());
        for (Map.Entry<String, Integer> e : steps.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeInt(e.getValue());
        }
        byte[] encoded = arrays.encode();
        data.writeInt(encoded.length);
        data.write(encoded);
        data.flush();
    }

    public static byte[] toBytes(AutoencoderTrainer trainer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(trainer, bytes);
        return bytes.toByteArray();
    }

    /** What a checkpoint holds, decoded into {@code manager}. */
    private record Contents(String preset, long iteration, long seed, long skipped, Map<String, Integer> steps,
            Map<String, NDArray> arrays) {
    }

    private static Contents decode(NDManager manager, InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new IOException("Not a Doppel checkpoint");
        }
        String preset = data.readUTF();
        long iteration = data.readLong();
        long seed = data.readLong();
        long skipped = data.readLong();
        int n = data.readInt();
        Map<String, Integer> steps = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            steps.put(data.readUTF(), data.readInt());
        }
        byte[] encoded = data.readNBytes(data.readInt());
        Map<String, NDArray> byName = new TreeMap<>();
        for (NDArray a : NDList.decode(manager, encoded)) {
            byName.put(a.getName(), a);
        }
        return new Contents(preset, iteration, seed, skipped, steps, byName);
    }

    private static void checkPreset(Contents contents, Preset expected) throws IOException {
        if (!contents.preset().equals(expected.name())) {
            throw new IOException("The checkpoint is of preset " + contents.preset() + ", not " + expected.name());
        }
    }

    private static void copyWeights(Contents contents, FaceAutoencoder network) throws IOException {
        for (Pair<String, Parameter> p : network.getParameters()) {
            NDArray weight = contents.arrays().get(p.getKey() + "#w");
            if (weight == null) {
                throw new IOException("The checkpoint lacks the weights of " + p.getKey());
            }
            weight.copyTo(p.getValue().getArray());
        }
    }

    /** Restores into a trainer built for the same preset: weights, Adam's state and the counters. */
    public static void read(AutoencoderTrainer trainer, InputStream in) throws IOException {
        Contents contents = decode(trainer.manager(), in);
        checkPreset(contents, trainer.preset());
        copyWeights(contents, trainer.network());
        CheckpointableAdam adam = trainer.optimizer();
        for (Pair<String, Parameter> p : trainer.network().getParameters()) {
            String name = p.getKey();
            String id = p.getValue().getId();
            NDArray mean = contents.arrays().get(name + "#m");
            NDArray variance = contents.arrays().get(name + "#v");
            if (mean != null && variance != null) {
                adam.means().put(id, mean);
                adam.variances().put(id, variance);
                adam.steps().put(id, contents.steps().getOrDefault(name, 0));
            }
        }
        trainer.restoreCounters(contents.iteration(), contents.seed(), contents.skipped());
    }

    /**
     * Only the weights, into a network built for the same preset, for rendering: Adam's state (twice the weights'
     * size) is decoded into a scratch manager and freed at once. Returns the iteration the checkpoint was taken at.
     */
    public static long readWeights(FaceAutoencoder network, NDManager manager, InputStream in) throws IOException {
        try (NDManager scratch = manager.newSubManager()) {
            Contents contents = decode(scratch, in);
            checkPreset(contents, network.preset());
            copyWeights(contents, network);
            return contents.iteration();
        }
    }

    public static void fromBytes(AutoencoderTrainer trainer, byte[] bytes) throws IOException {
        read(trainer, new ByteArrayInputStream(bytes));
    }

    private static NDArray named(NDArray array, String name) {
        NDArray copy = array.duplicate();
        copy.setName(name);
        return copy;
    }
}
