#include "dcs/io/heatmap_overlay.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "dcs/error.h"

namespace dcs::io {

std::vector<uint8_t> heatmapOverlay(const float* image, int channels, int height, int width, const float* heat,
                                    const uint8_t* outline, const OverlayOptions& options) {
    if (channels != 1 && channels != 3) throw ConfigError("overlay: " + std::to_string(channels) + " channels; expected 1 or 3");
    if (height < 1 || width < 1 || options.scale < 1) throw ConfigError("overlay: empty image or scale below 1");
    const cv::Size shown(width * options.scale, height * options.scale);
    // The image as 8-bit BGR (OpenCV's order), each plane from C x H x W.
    cv::Mat picture;
    if (channels == 1) {
        cv::Mat grey(height, width, CV_32F, const_cast<float*>(image));
        cv::Mat grey8;
        grey.convertTo(grey8, CV_8U, 255.0);
        cv::cvtColor(grey8, picture, cv::COLOR_GRAY2BGR);
    } else {
        std::vector<cv::Mat> planes;
        for (int c = 2; c >= 0; --c) planes.emplace_back(height, width, CV_32F, const_cast<float*>(image + c * height * width));
        cv::Mat merged;
        cv::merge(planes, merged);
        merged.convertTo(picture, CV_8UC3, 255.0);
    }
    cv::resize(picture, picture, shown, 0, 0, cv::INTER_NEAREST);

    cv::Mat heatMap(height, width, CV_32F, const_cast<float*>(heat));
    double lowest = 0.0, highest = 0.0;
    cv::minMaxLoc(heatMap, &lowest, &highest);
    cv::Mat heat8;
    heatMap.convertTo(heat8, CV_8U, highest > lowest ? 255.0 / (highest - lowest) : 0.0,
                      highest > lowest ? -255.0 * lowest / (highest - lowest) : 0.0);
    cv::resize(heat8, heat8, shown, 0, 0, cv::INTER_LINEAR);
    cv::Mat coloured;
    cv::applyColorMap(heat8, coloured, cv::COLORMAP_VIRIDIS);
    cv::Mat blended;
    cv::addWeighted(coloured, options.opacity, picture, 1.0 - options.opacity, 0.0, blended);

    if (outline) {
        cv::Mat mask(height, width, CV_8U, const_cast<uint8_t*>(outline));
        cv::Mat big;
        cv::resize(mask != 0, big, shown, 0, 0, cv::INTER_NEAREST);
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(big, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        cv::drawContours(blended, contours, -1, cv::Scalar(255, 255, 255), std::max(1, options.scale / 3));
    }
    cv::Mat rgb;
    cv::cvtColor(blended, rgb, cv::COLOR_BGR2RGB);
    return {rgb.data, rgb.data + rgb.total() * rgb.elemSize()};
}

}  // namespace dcs::io
