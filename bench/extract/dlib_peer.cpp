// Peer (b) of bench/extract: dlib's HOG frontal face detector + 68-point shape predictor (Debian's libdlib-dev),
// on one clip. Decode every frame with OpenCV (libopencv-dev) → downscale to at most 640 px wide (INTER_AREA) →
// HOG detection on that colour frame, upsample 0 → shape predictor on the largest face, in frame pixels →
// dlib::get_face_chip_details(shape, 256, 0.25) + extract_image_chip from the full frame → JPEG of the chip and
// PNG of a 256×256 elliptical mask, encoded to memory with cv::imencode (as haar_peer.py). Seconds cover the whole
// loop, decode included, model loading excluded. Prints one JSON line.
//   dlib_peer <clip> [shape_predictor_68_face_landmarks.dat]
// Built by bench/extract/run.sh: g++ -O3 -march=x86-64-v2 dlib_peer.cpp $(pkg-config --cflags --libs dlib-1 opencv4)
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_transforms.h>
#include <dlib/opencv.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <clip> [shape_predictor_68_face_landmarks.dat]\n", argv[0]);
        return 2;
    }
    const std::string clip = argv[1];
    const std::string model = argc > 2 ? argv[2] : "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";
    const int searchWidth = 640, chipSize = 256;

    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::shape_predictor predictor;
    try {
        dlib::deserialize(model) >> predictor;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cannot load %s: %s\n", model.c_str(), e.what());
        return 1;
    }
    cv::Mat mask(chipSize, chipSize, CV_8UC1);
    std::vector<uchar> jpg, png;
    long frames = 0, withFace = 0, encodedBytes = 0;

    auto start = std::chrono::steady_clock::now();
    cv::VideoCapture cap(clip);
    if (!cap.isOpened()) {
        std::fprintf(stderr, "cannot open %s\n", clip.c_str());
        return 1;
    }
    cv::Mat frame, small;
    dlib::array2d<dlib::bgr_pixel> chip;
    while (cap.read(frame)) {
        frames++;
        double scale = std::min(1.0, searchWidth / static_cast<double>(frame.cols));
        const cv::Mat* search = &frame;
        if (scale < 1.0) {
            cv::resize(frame, small, cv::Size(static_cast<int>(std::lround(frame.cols * scale)),
                                              static_cast<int>(std::lround(frame.rows * scale))),
                       0, 0, cv::INTER_AREA);
            search = &small;
        }
        dlib::cv_image<dlib::bgr_pixel> searchImage(*search);
        std::vector<dlib::rectangle> faces = detector(searchImage, 0);
        if (faces.empty()) continue;
        withFace++;
        const dlib::rectangle& largest = *std::max_element(faces.begin(), faces.end(),
            [](const dlib::rectangle& a, const dlib::rectangle& b) { return a.area() < b.area(); });
        dlib::rectangle box(std::lround(largest.left() / scale), std::lround(largest.top() / scale),
                            std::lround(largest.right() / scale), std::lround(largest.bottom() / scale));
        dlib::cv_image<dlib::bgr_pixel> frameImage(frame);
        dlib::full_object_detection shape = predictor(frameImage, box);
        dlib::extract_image_chip(frameImage, dlib::get_face_chip_details(shape, chipSize, 0.25), chip);
        mask.setTo(0);
        cv::ellipse(mask, cv::Point(chipSize / 2, chipSize / 2),
                    cv::Size(static_cast<int>(chipSize * 0.36), static_cast<int>(chipSize * 0.45)),
                    0, 0, 360, cv::Scalar(255), cv::FILLED);
        if (!cv::imencode(".jpg", dlib::toMat(chip), jpg) || !cv::imencode(".png", mask, png)) {
            std::fprintf(stderr, "encoding failed\n");
            return 1;
        }
        encodedBytes += static_cast<long>(jpg.size() + png.size());
    }
    cap.release();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::string base = clip.substr(clip.find_last_of('/') + 1);
    std::printf("{\"impl\": \"dlib-hog-68\", \"clip\": \"%s\", \"frames\": %ld, \"framesWithFace\": %ld, "
                "\"seconds\": %.4f, \"fps\": %.2f}\n",
                base.c_str(), frames, withFace, seconds, seconds > 0 ? frames / seconds : 0.0);
    return 0;
}
