#pragma once
// A session file: the data set, the clustering and pruning settings and seeds, and the view state,
// so a figure can be reproduced or a lesson handed out. JSON with a version field:
//   {"version": 1, "dataset": "mnist", "config": {...ClusterConfig...}, "prune_config": {...PruneConfig...},
//    "filter_config": {...FilterPruneConfig...},
//    "view": {"mode": "cluster", "cluster_view": "curves", "prune_view": "votes", "filter_view": "relevance",
//             "color_by_label": false, "thumbnail_size": 56},
//    "lesson": {"title": "...", "locked": ["dataset", "seed"], "hidden": ["lambda"]}}   (lesson optional)

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "dcs/train/cluster_config.h"
#include "dcs/train/filter_prune_config.h"
#include "dcs/train/prune_config.h"

namespace dcs::ui {

struct Session {
    static constexpr int kVersion = 1;
    QString dataset;
    dcs::train::ClusterConfig config;
    dcs::train::PruneConfig pruneConfig;
    dcs::train::FilterPruneConfig filterConfig;
    QString mode = QStringLiteral("data");           // one of modes(), the main window's tabs in order
    QString clusterView = QStringLiteral("curves");  // curves | clusters | confusion | reconstructions
    QString pruneView = QStringLiteral("curves");    // curves | votes | widths | ablation
    QString filterView = QStringLiteral("relevance"); // relevance | curves | comparison
    bool colorByLabel = false;
    int thumbnailSize = 56;
    // A lesson fixes some settings ("dataset" or config field names) and hides others.
    QString lessonTitle;
    QStringList locked;
    QStringList hidden;

    // data, cluster, prune, filters: the main window's tabs in order.
    static const QStringList& modes();

    QByteArray toJson() const;
    // Throws dcs::ConfigError naming the file and the field at fault.
    static Session fromJson(const QByteArray& json, const QString& fileName);
};

}  // namespace dcs::ui
