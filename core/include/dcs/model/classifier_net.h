#pragma once
// The classifiers that majority-vote pruning works on (METHODS.md, M3):
//   fcn  input -> hidden FC layers -> classes (784-1000-1000-1000-10, or 3072-4000-1000-4000-10
//        for colour 32x32 inputs); ReLU and dropout after every hidden layer.
//   scn  the same layers with a sparse Erdős–Rényi connectivity per hidden layer, evolved by SET.
//   cnn  three blocks of two 3x3 convs (32, 64, 128 filters, same padding) each followed by a 2x2
//        max-pool, then FC 2000 - FC 2000 - classes; ReLU.
// Every conv filter and hidden unit has a mask entry: a pruned unit outputs zero, which is exactly
// what removing it would do, so compact() can build the physically smaller net with the same outputs.

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <ATen/core/Generator.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dcs::model {

struct ClassifierSpec {
    std::string net = "fcn";  // fcn | scn | cnn
    int64_t channels = 1, height = 28, width = 28;
    int64_t classes = 10;
    std::vector<int64_t> convWidths;  // cnn: one entry per conv; a 2x2 max-pool follows every second
    std::vector<int64_t> hidden;      // hidden FC widths
    double dropout = 0.3;
    // Each hidden layer's dropout times sqrt(the share of its connections still alive): Han et al. (2015)'s
    // rate for retraining a pruned net (a layer keeping a fifth of its units in and out gets a fifth).
    bool dropoutFollowsPruning = false;
    double sparseEpsilon = 20.0;      // scn: Erdős–Rényi density parameter (SET's epsilon)

    // The widths METHODS.md gives for this net and input size.
    static ClassifierSpec preset(const std::string& net, int64_t channels, int64_t height, int64_t width,
                                 int64_t classes);
    // Throws ConfigError naming the field (net, hidden, conv widths, dropout, input too small).
    void validate() const;
    bool sparse() const { return net == "scn"; }
};

// One maskable layer as the pruning code sees it.
struct UnitLayerInfo {
    std::string name;  // conv1..convN, fc1..fcM
    bool convolution = false;
    int64_t units = 0;  // filters or neurons, alive or not
};

class ClassifierNetImpl : public torch::nn::Module {
public:
    explicit ClassifierNetImpl(const ClassifierSpec& spec);

    // Logits. With preActivations, also the output of every unit layer before its ReLU
    // (N x J for FC layers, N x C x H x W for convs), in unitLayers() order.
    torch::Tensor forward(const torch::Tensor& images, std::vector<torch::Tensor>* preActivations = nullptr);

    const ClassifierSpec& spec() const { return m_spec; }
    // Conv layers first, then the hidden FC layers; the output layer is never a unit layer.
    const std::vector<UnitLayerInfo>& unitLayers() const { return m_layers; }

    // The dropout rate after each hidden FC layer in training (see ClassifierSpec::dropoutFollowsPruning).
    std::vector<double> dropoutRates() const;
    // 1 for alive units, 0 for pruned ones (float, length J).
    torch::Tensor unitMask(size_t layer) const;
    void setUnitMask(size_t layer, const torch::Tensor& alive);
    std::vector<int64_t> aliveUnits() const;

    // Sum of |w| of each unit's outgoing connections to alive units of the next layer (length J).
    torch::Tensor outgoingWeightSums(size_t layer) const;

    // Weights and biases that take part in the computation: alive units only, and for scn only the
    // existing connections. Equals compact()->storedParameterCount() for dense nets.
    int64_t effectiveParameters() const;
    // Multiply-accumulates of one forward pass of one image over the alive units and connections.
    int64_t macsPerImage() const;

    // The physically smaller net: pruned units removed together with their incoming rows, outgoing
    // columns and biases. Its outputs equal this net's (eval mode). Connectivity masks are kept.
    std::shared_ptr<ClassifierNetImpl> compact() const;

    // SET: in every sparse layer, remove the fraction zeta of the existing connections with the
    // smallest magnitude and grow as many new ones at random between alive units. The number of
    // connections of each layer stays the same.
    void evolveSparseConnections(double zeta, at::Generator& generator);
    // Existing connections per sparse layer (scn only; empty otherwise).
    std::vector<int64_t> sparseConnectionCounts() const;

private:
    torch::Tensor effectiveWeight(size_t fcIndex) const;
    int64_t flattenedSize() const;  // features entering the first FC layer
    int64_t positionsPerChannel() const;

    ClassifierSpec m_spec;
    std::vector<torch::nn::Conv2d> m_convs;
    std::vector<torch::nn::Linear> m_fcs;       // hidden layers then the output layer
    std::vector<torch::Tensor> m_unitMasks;     // per unit layer
    std::vector<torch::Tensor> m_connections;   // per hidden FC layer (scn), else undefined
    std::vector<UnitLayerInfo> m_layers;
    std::vector<int64_t> m_convOutputSize;      // H*W after each conv (before its pool)
};
TORCH_MODULE(ClassifierNet);

}  // namespace dcs::model
