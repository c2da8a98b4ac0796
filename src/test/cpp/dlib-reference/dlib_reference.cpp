// Reference landmarks from dlib itself, for the Java shape predictor's test.
// For each image: dlib's own HOG face detector finds the boxes, dlib's shape predictor finds the 68 points,
// and both are written as JSON. Our test runs its Java predictor on the same gray pixels and boxes.
//   usage: dlib_reference MODEL.dat IMAGE...  > landmarks.json
#include <dlib/image_io.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: " << argv[0] << " shape_predictor_68_face_landmarks.dat image..." << std::endl;
        return 2;
    }
    dlib::shape_predictor predictor;
    dlib::deserialize(argv[1]) >> predictor;
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();

    std::cout << "{\n  \"generator\": \"src/test/cpp/dlib-reference/run.sh\",\n  \"images\": [";
    for (int a = 2; a < argc; ++a) {
        std::string path = argv[a];
        std::string name = path.substr(path.find_last_of('/') + 1);
        // Gray as dlib makes it from RGB: (r + g + b) / 3.
        dlib::array2d<unsigned char> image;
        dlib::load_image(image, path);
        std::vector<dlib::rectangle> faces = detector(image);
        std::cout << (a > 2 ? "," : "") << "\n    {\"file\": \"" << name << "\", \"faces\": [";
        for (size_t f = 0; f < faces.size(); ++f) {
            const dlib::rectangle& r = faces[f];
            dlib::full_object_detection shape = predictor(image, r);
            std::cout << (f > 0 ? "," : "") << "\n      {\"box\": [" << r.left() << ", " << r.top() << ", "
                      << r.right() << ", " << r.bottom() << "], \"points\": [";
            for (unsigned long p = 0; p < shape.num_parts(); ++p) {
                std::cout << (p > 0 ? ", " : "") << shape.part(p).x() << ", " << shape.part(p).y();
            }
            std::cout << "]}";
        }
        std::cout << "\n    ]}";
    }
    std::cout << "\n  ]\n}\n";
    return 0;
}
