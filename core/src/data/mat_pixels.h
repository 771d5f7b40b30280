#pragma once
// Appends an OpenCV image (8-bit or float, 1 or 3 channels in RGB order) to an NCHW float buffer.

#include <opencv2/core.hpp>

#include <vector>

namespace dcs::data::detail {

inline void appendPlanes(const cv::Mat& image, std::vector<float>& out) {
    cv::Mat asFloat;
    image.convertTo(asFloat, CV_32F, image.depth() == CV_8U ? 1.0 / 255.0 : 1.0);
    std::vector<cv::Mat> planes;
    cv::split(asFloat, planes);
    for (const auto& plane : planes) {
        for (int row = 0; row < plane.rows; ++row) {
            const float* p = plane.ptr<float>(row);
            out.insert(out.end(), p, p + plane.cols);
        }
    }
}

}  // namespace dcs::data::detail
