#include "ui/export/plot_export.h"

#include <QFile>
#include <QFileInfo>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace dcs::ui {

QString exportPlot(QCustomPlot* plot, const QString& file) {
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return QObject::tr("'%1': unknown format '%2'; expected .png, .pdf or .svg").arg(file, suffix);
    const QString temporary = file + QStringLiteral(".part.") + suffix;
    const int width = plot->width(), height = plot->height();
    bool written = false;
    if (suffix == QLatin1String("png")) {
        written = plot->savePng(temporary, width, height, 2.0);  // twice the pixels: crisp in slides
    } else if (suffix == QLatin1String("pdf")) {
        written = plot->savePdf(temporary, width, height);
    } else {
        QSvgGenerator generator;
        generator.setFileName(temporary);
        generator.setSize(QSize(width, height));
        generator.setViewBox(QRect(0, 0, width, height));
        generator.setTitle(QStringLiteral("dcstudio"));
        QCPPainter painter;
        written = painter.begin(&generator);
        if (written) {
            plot->toPainter(&painter, width, height);
            painter.end();
        }
        written = written && QFileInfo(temporary).size() > 0;
    }
    if (!written) {
        QFile::remove(temporary);
        return QObject::tr("'%1': could not be written (is the folder there and writable?)").arg(file);
    }
    QFile::remove(file);
    if (!QFile::rename(temporary, file)) {
        QFile::remove(temporary);
        return QObject::tr("'%1': could not be replaced").arg(file);
    }
    return {};
}

}  // namespace dcs::ui
