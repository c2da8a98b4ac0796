# The GPU worker image: the same app as docker/Dockerfile, built with the `cuda` Maven profile, so libtorch is
# DJL's pytorch-native-cu124 (PyTorch 2.5.1 for CUDA 12.4) instead of the CPU build. Run with doppel.role=worker.
#   docker build -f docker/worker-gpu.Dockerfile -t doppel-worker-gpu .
#   docker run --gpus device=0 ... doppel-worker-gpu          (see docker/README.md)
#
# Why a plain Debian base and not nvidia/cuda:12.4.1-runtime: DJL's cu124 jar is built from PyTorch's
# libtorch-cxx11-abi-shared-with-deps-2.5.1+cu124 archive and keeps its CUDA user-space libraries (cudart, cuBLAS,
# cuDNN 9, NVRTC, NVTX, ...: DJL's pytorch-native build copies libtorch's lib/libcu* and lib/libnv* into the jar,
# and PyTorch's libtorch build links the other CUDA libraries it uses in statically). DJL unpacks them next to libtorch
# at first start, from the jar, with nothing downloaded (docker/start.sh sets ai.djl.offline=true). The one
# library the image must not carry is the driver's libcuda.so.1: the NVIDIA Container Toolkit mounts the host's
# into the container when it is started with a GPU (docker run --gpus, compose's device reservations). A CUDA
# runtime base image would add a second, unused copy of the same libraries (~3 GB). The host needs an NVIDIA
# driver recent enough for CUDA 12.4 (R550 or newer; R525+ through CUDA's minor-version compatibility) and the
# NVIDIA Container Toolkit. Never set PYTORCH_VERSION or PYTORCH_FLAVOR: they would make DJL look for another
# libtorch, which it would have to download.
FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY frontend/package.json frontend/package-lock.json frontend/
COPY src src
COPY frontend frontend
COPY models models
# The cuda profile: pytorch-native-cu124 (about 2.5 GB, fetched from Maven Central here, at build time only).
RUN mvn -B -ntp package -DskipTests -Dquarkus.profile=pg -Pcuda

FROM debian:bookworm
# libjemalloc2: docker/start.sh preloads it (training is 3-4x slower on glibc's allocator); libdlib-data: dlib's
# 68-point landmark model; curl: the health check.
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless libjemalloc2 libdlib-data curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /deployments
COPY --from=build /src/target/quarkus-app quarkus-app
COPY docker/start.sh docker/allocator.sh ./
COPY models models
# NVIDIA_DRIVER_CAPABILITIES tells the container toolkit which driver libraries to mount: compute (libcuda) and
# utility (nvidia-smi, for looking at a worker). NVIDIA_VISIBLE_DEVICES is deliberately not set here: which GPU a
# worker gets is the orchestrator's choice (--gpus device=N, compose's device_ids).
ENV QUARKUS_PROFILE=pg \
    DOPPEL_APP_DIR=/deployments/quarkus-app \
    DOPPEL_DATA_DIR=/var/lib/doppel \
    DOPPEL_ROLE=worker \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
VOLUME /var/lib/doppel
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/q/health/ready || exit 1
ENTRYPOINT ["/deployments/start.sh"]
