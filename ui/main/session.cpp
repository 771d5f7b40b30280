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

// Reads root[key] as a config (T::fromJson) when present; errors name the file and the key.
// Values out of range are kept: the form marks them, as it would have before saving.
template <typename Config>
void readConfig(const QJsonObject& root, const char* key, const QString& file, Config& config) {
    const QString name = QLatin1String(key);
    if (!root.contains(name)) return;
    if (!root.value(name).isObject()) fail(file, QStringLiteral("%1: expected an object").arg(name));
    const QByteArray text = QJsonDocument(root.value(name).toObject()).toJson();
    try {
        config = Config::fromJson(text.toStdString());
    } catch (const dcs::ConfigError& e) {
        fail(file, QStringLiteral("%1: %2").arg(name, QString::fromStdString(e.what())));
    }
}

QJsonObject jsonObject(const std::string& json) { return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object(); }

}  // namespace

const QStringList& Session::modes() {
    static const QStringList names{QStringLiteral("data"), QStringLiteral("cluster"), QStringLiteral("prune"),
                                   QStringLiteral("filters")};
    return names;
}

QByteArray Session::toJson() const {
    QJsonObject root{{QStringLiteral("version"), kVersion},
                     {QStringLiteral("dataset"), dataset},
                     {QStringLiteral("config"), jsonObject(config.toJson())},
                     {QStringLiteral("prune_config"), jsonObject(pruneConfig.toJson())},
                     {QStringLiteral("filter_config"), jsonObject(filterConfig.toJson())},
                     {QStringLiteral("view"), QJsonObject{{QStringLiteral("mode"), mode},
                                                          {QStringLiteral("cluster_view"), clusterView},
                                                          {QStringLiteral("prune_view"), pruneView},
                                                          {QStringLiteral("filter_view"), filterView},
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
    readConfig(root, "config", file, session.config);
    readConfig(root, "prune_config", file, session.pruneConfig);
    readConfig(root, "filter_config", file, session.filterConfig);
    const auto view = root.value(QStringLiteral("view")).toObject();
    session.mode = view.value(QStringLiteral("mode")).toString(session.mode);
    if (!modes().contains(session.mode))
        fail(file, QStringLiteral("view.mode: '%1'; expected %2").arg(session.mode, modes().join(QStringLiteral(", "))));
    session.clusterView = view.value(QStringLiteral("cluster_view")).toString(session.clusterView);
    session.pruneView = view.value(QStringLiteral("prune_view")).toString(session.pruneView);
    session.filterView = view.value(QStringLiteral("filter_view")).toString(session.filterView);
    session.colorByLabel = view.value(QStringLiteral("color_by_label")).toBool(false);
    session.thumbnailSize = view.value(QStringLiteral("thumbnail_size")).toInt(session.thumbnailSize);
    const auto lesson = root.value(QStringLiteral("lesson")).toObject();
    session.lessonTitle = lesson.value(QStringLiteral("title")).toString();
    session.locked = stringList(lesson.value(QStringLiteral("locked")), file, "lesson.locked");
    session.hidden = stringList(lesson.value(QStringLiteral("hidden")), file, "lesson.hidden");
    return session;
}

}  // namespace dcs::ui
