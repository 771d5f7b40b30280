// The built-in "shapes" data set: ten classes of filled shapes drawn with OpenCV, so dcstudio always
// has labelled data to show, even on a machine with no data set installed.
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "mat_pixels.h"

namespace dcs::data {
namespace {

constexpr int kSupersample = 4;  // draw large, then shrink with area averaging: smooth edges
constexpr double kPi = 3.14159265358979323846;

using Outline = std::vector<cv::Point2d>;  // in unit coordinates, radius about 1

Outline regularPolygon(int corners, double radius = 1.0, double phase = 0.0) {
    Outline points;
    for (int i = 0; i < corners; ++i) {
        const double angle = phase + 2.0 * kPi * i / corners;
        points.emplace_back(radius * std::cos(angle), radius * std::sin(angle));
    }
    return points;
}

Outline star() {
    Outline points;
    for (int i = 0; i < 10; ++i) {
        const double radius = i % 2 == 0 ? 1.0 : 0.42;
        const double angle = -kPi / 2 + kPi * i / 5;
        points.emplace_back(radius * std::cos(angle), radius * std::sin(angle));
    }
    return points;
}

Outline cross() {
    const double a = 0.3, b = 1.0;
    return {{-a, -b}, {a, -b}, {a, -a}, {b, -a}, {b, a}, {a, a}, {a, b}, {-a, b}, {-a, a}, {-b, a}, {-b, -a}, {-a, -a}};
}

Outline arrow() {
    return {{-1.0, -0.25}, {0.2, -0.25}, {0.2, -0.7}, {1.0, 0.0}, {0.2, 0.7}, {0.2, 0.25}, {-1.0, 0.25}};
}

struct Placement {
    cv::Point2d centre;
    double radius;
    double angle;
};

std::vector<cv::Point> place(const Outline& outline, const Placement& at) {
    std::vector<cv::Point> points;
    const double c = std::cos(at.angle), s = std::sin(at.angle);
    for (const auto& p : outline) {
        const double x = at.centre.x + at.radius * (c * p.x - s * p.y);
        const double y = at.centre.y + at.radius * (s * p.x + c * p.y);
        // cv::fillPoly takes fixed-point coordinates; 4 fractional bits keep sub-pixel precision.
        points.emplace_back(static_cast<int>(std::lround(x * 16)), static_cast<int>(std::lround(y * 16)));
    }
    return points;
}

void fill(cv::Mat& canvas, const Outline& outline, const Placement& at, double value) {
    const std::vector<std::vector<cv::Point>> polygons{place(outline, at)};
    cv::fillPoly(canvas, polygons, cv::Scalar(value), cv::LINE_AA, 4);
}

void drawShape(cv::Mat& canvas, int shapeClass, const Placement& at) {
    const Outline circle = regularPolygon(72);
    switch (shapeClass) {
        case 0: fill(canvas, circle, at, 255.0); break;
        case 1:  // ring
            fill(canvas, circle, at, 255.0);
            fill(canvas, circle, {at.centre, at.radius * 0.55, 0.0}, 0.0);
            break;
        case 2: fill(canvas, regularPolygon(3), at, 255.0); break;
        case 3: fill(canvas, regularPolygon(4, 1.0, kPi / 4), at, 255.0); break;
        case 4: fill(canvas, regularPolygon(5), at, 255.0); break;
        case 5: fill(canvas, regularPolygon(6), at, 255.0); break;
        case 6: fill(canvas, star(), at, 255.0); break;
        case 7: fill(canvas, cross(), at, 255.0); break;
        case 8: fill(canvas, arrow(), at, 255.0); break;
        case 9: {  // crescent: a disc with an offset disc cut out
            fill(canvas, circle, at, 255.0);
            const cv::Point2d offset(0.45 * at.radius * std::cos(at.angle), 0.45 * at.radius * std::sin(at.angle));
            fill(canvas, circle, {at.centre + offset, at.radius * 0.85, 0.0}, 0.0);
            break;
        }
        default: break;
    }
}

// A saturated colour from a hue in [0,1), so coloured shapes stay visible on the dark background.
cv::Vec3f hueToRgb(double hue) {
    const double h = hue * 6.0;
    const double x = 1.0 - std::fabs(std::fmod(h, 2.0) - 1.0);
    const int sector = static_cast<int>(h) % 6;
    const double table[6][3] = {{1, x, 0}, {x, 1, 0}, {0, 1, x}, {0, x, 1}, {x, 0, 1}, {1, 0, x}};
    return {static_cast<float>(table[sector][0]), static_cast<float>(table[sector][1]),
            static_cast<float>(table[sector][2])};
}

void validate(const ShapesOptions& options) {
    if (options.count < 1 || options.count > 1'000'000)
        throw ConfigError("count: expected 1..1000000 shapes, found " + std::to_string(options.count));
    if (options.size < 8 || options.size > 512)
        throw ConfigError("size: expected an image size in 8..512 pixels, found " + std::to_string(options.size));
    if (options.channels != 1 && options.channels != 3)
        throw ConfigError("channels: expected 1 or 3, found " + std::to_string(options.channels));
    if (!(options.noise >= 0.0 && options.noise <= 1.0))
        throw ConfigError("noise: expected a standard deviation in [0,1], found " + std::to_string(options.noise));
}

}  // namespace

const std::vector<std::string>& shapeClassNames() {
    static const std::vector<std::string> names{"circle",  "ring", "triangle", "square", "pentagon",
                                                "hexagon", "star", "cross",    "arrow",  "crescent"};
    return names;
}

Dataset generateShapes(const ShapesOptions& options, const ProgressFn& progress) {
    validate(options);
    const int classes = static_cast<int>(shapeClassNames().size());
    const int big = options.size * kSupersample;
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<float> noise(0.0f, static_cast<float>(options.noise));

    std::vector<float> pixels;
    pixels.reserve(static_cast<size_t>(options.count) * options.channels * options.size * options.size);
    std::vector<int64_t> labels;
    cv::Mat canvas(big, big, CV_8U), small, image;
    for (int64_t i = 0; i < options.count; ++i) {
        const int shapeClass = static_cast<int>(i % classes);
        // Shapes vary in size, rotation and (a little) position: enough to be a real task, little
        // enough that what separates the images is the shape, so clusters can form on it.
        const double radius = big * (0.28 + 0.12 * unit(rng));
        const double slack = (big / 2.0 - radius * 1.05) * 0.5;
        const Placement at{{big / 2.0 + slack * (2 * unit(rng) - 1), big / 2.0 + slack * (2 * unit(rng) - 1)}, radius,
                           2.0 * kPi * unit(rng)};
        canvas.setTo(0);
        drawShape(canvas, shapeClass, at);
        cv::resize(canvas, small, cv::Size(options.size, options.size), 0, 0, cv::INTER_AREA);
        small.convertTo(small, CV_32F, 1.0 / 255.0);
        if (options.channels == 3) {
            const cv::Vec3f colour = hueToRgb(unit(rng));
            cv::merge(std::vector<cv::Mat>{small * colour[0], small * colour[1], small * colour[2]}, image);
        } else {
            image = small;
        }
        if (options.noise > 0) {
            image = image.clone();  // continuous, and not shared with `small`
            float* value = image.ptr<float>();
            for (size_t n = image.total() * image.channels(); n > 0; --n, ++value)
                *value = std::clamp(*value + noise(rng), 0.0f, 1.0f);
        }
        detail::appendPlanes(image, pixels);
        labels.push_back(shapeClass);
        if (progress && (i % 256 == 0 || i + 1 == options.count))
            progress(static_cast<double>(i + 1) / static_cast<double>(options.count));
    }
    Dataset dataset("shapes", options.channels, options.size, options.size, std::move(pixels), std::move(labels),
                    shapeClassNames());
    dataset.setSource("generated: " + std::to_string(options.count) + " shapes, " + std::to_string(options.size) +
                      " px, " + std::to_string(options.channels) + " channel(s), seed " + std::to_string(options.seed) +
                      ", noise " + std::to_string(options.noise).substr(0, 4));
    return dataset;
}

}  // namespace dcs::data
