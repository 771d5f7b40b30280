#include "ui/main/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "dcs/error.h"

namespace dcs::ui {
namespace {

[[noreturn]] void fail(const QString& file, const QString& what) {
    throw dcs::ConfigError(QStringLiteral("'%1': %2").arg(file, what).toStdString());
}

QStringList stringList(const QJsonValue& value, const QString& file, const char* field) {
    if (value.isUndefined()) return {};
    if (!value.isArray()) fail(file, QStringLiteral("%1: expected a list of names").arg(QLatin1String(field)));
    QStringList names;
    for (const auto& item : value.toArray()) {
        if (!item.isString()) fail(file, QStringLiteral("%1: expected a list of names").arg(QLatin1String(field)));
        names << item.toString();
    }
    return names;
}

}  // namespace

QByteArray Session::toJson() const {
    QJsonObject root{{QStringLiteral("version"), kVersion},
                     {QStringLiteral("dataset"), dataset},
                     {QStringLiteral("config"),
                      QJsonDocument::fromJson(QByteArray::fromStdString(config.toJson())).object()},
                     {QStringLiteral("prune_config"),
                      QJsonDocument::fromJson(QByteArray::fromStdString(pruneConfig.toJson())).object()},
                     {QStringLiteral("view"), QJsonObject{{QStringLiteral("mode"), mode},
                                                          {QStringLiteral("cluster_view"), clusterView},
                                                          {QStringLiteral("prune_view"), pruneView},
                                                          {QStringLiteral("color_by_label"), colorByLabel},
                                                          {QStringLiteral("thumbnail_size"), thumbnailSize}}}};
    if (!lessonTitle.isEmpty() || !locked.isEmpty() || !hidden.isEmpty())
        root.insert(QStringLiteral("lesson"), QJsonObject{{QStringLiteral("title"), lessonTitle},
                                                          {QStringLiteral("locked"), QJsonArray::fromStringList(locked)},
                                                          {QStringLiteral("hidden"), QJsonArray::fromStringList(hidden)}});
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Session Session::fromJson(const QByteArray& json, const QString& file) {
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        fail(file, QStringLiteral("not valid JSON at byte %1 (%2)").arg(error.offset).arg(error.errorString()));
    if (!document.isObject()) fail(file, QStringLiteral("expected a JSON object"));
    const auto root = document.object();
    const auto version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toInt() != kVersion)
        fail(file, QStringLiteral("version: expected %1, found %2")
                       .arg(kVersion)
                       .arg(version.isDouble() ? QString::number(version.toDouble()) : QStringLiteral("no number")));
    Session session;
    if (!root.value(QStringLiteral("dataset")).isString() || root.value(QStringLiteral("dataset")).toString().isEmpty())
        fail(file, QStringLiteral("dataset: expected a data set name"));
    session.dataset = root.value(QStringLiteral("dataset")).toString();
    if (root.contains(QStringLiteral("config"))) {
        if (!root.value(QStringLiteral("config")).isObject()) fail(file, QStringLiteral("config: expected an object"));
        const QByteArray text = QJsonDocument(root.value(QStringLiteral("config")).toObject()).toJson();
        try {
            // Values out of range are kept: the form marks them, as it would have before saving.
            session.config = dcs::train::ClusterConfig::fromJson(text.toStdString());
        } catch (const dcs::ConfigError& e) {
            fail(file, QStringLiteral("config: %1").arg(QString::fromStdString(e.what())));
        }
    }
    if (root.contains(QStringLiteral("prune_config"))) {
        if (!root.value(QStringLiteral("prune_config")).isObject())
            fail(file, QStringLiteral("prune_config: expected an object"));
        const QByteArray text = QJsonDocument(root.value(QStringLiteral("prune_config")).toObject()).toJson();
        try {
            session.pruneConfig = dcs::train::PruneConfig::fromJson(text.toStdString());
        } catch (const dcs::ConfigError& e) {
            fail(file, QStringLiteral("prune_config: %1").arg(QString::fromStdString(e.what())));
        }
    }
    const auto view = root.value(QStringLiteral("view")).toObject();
    session.mode = view.value(QStringLiteral("mode")).toString(session.mode);
    if (session.mode != QLatin1String("data") && session.mode != QLatin1String("cluster") &&
        session.mode != QLatin1String("prune"))
        fail(file, QStringLiteral("view.mode: '%1'; expected data, cluster or prune").arg(session.mode));
    session.clusterView = view.value(QStringLiteral("cluster_view")).toString(session.clusterView);
    session.pruneView = view.value(QStringLiteral("prune_view")).toString(session.pruneView);
    session.colorByLabel = view.value(QStringLiteral("color_by_label")).toBool(false);
    session.thumbnailSize = view.value(QStringLiteral("thumbnail_size")).toInt(session.thumbnailSize);
    const auto lesson = root.value(QStringLiteral("lesson")).toObject();
    session.lessonTitle = lesson.value(QStringLiteral("title")).toString();
    session.locked = stringList(lesson.value(QStringLiteral("locked")), file, "lesson.locked");
    session.hidden = stringList(lesson.value(QStringLiteral("hidden")), file, "lesson.hidden");
    return session;
}

}  // namespace dcs::ui
