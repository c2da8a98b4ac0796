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

    /** Restores into a trainer built for the same preset. */
    public static void read(AutoencoderTrainer trainer, InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new IOException("Not a Doppel checkpoint");
        }
        String preset = data.readUTF();
        if (!preset.equals(trainer.preset().name())) {
            throw new IOException("The checkpoint is of preset " + preset + ", not " + trainer.preset().name());
        }
        long iteration = data.readLong();
        long seed = data.readLong();
        long skipped = data.readLong();
        int n = data.readInt();
        Map<String, Integer> steps = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            steps.put(data.readUTF(), data.readInt());
        }
        byte[] encoded = data.readNBytes(data.readInt());
        CheckpointableAdam adam = trainer.optimizer();
        NDManager manager = trainer.manager();
        NDList arrays = NDList.decode(manager, encoded);
        Map<String, NDArray> byName = new TreeMap<>();
        for (NDArray a : arrays) {
            byName.put(a.getName(), a);
        }
        for (Pair<String, Parameter> p : trainer.network().getParameters()) {
            String name = p.getKey();
            String id = p.getValue().getId();
            NDArray weight = byName.get(name + "#w");
            if (weight == null) {
                throw new IOException("The checkpoint lacks the weights of " + name);
            }
            weight.copyTo(p.getValue().getArray());
            NDArray mean = byName.get(name + "#m");
            NDArray variance = byName.get(name + "#v");
            if (mean != null && variance != null) {
                adam.means().put(id, mean);
                adam.variances().put(id, variance);
                adam.steps().put(id, steps.getOrDefault(name, 0));
            }
        }
        trainer.restoreCounters(iteration, seed, skipped);
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
