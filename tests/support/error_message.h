#pragma once
// The message of the exception of type Error that f() throws, or "<no ERROR>" when it throws none,
// so tests can check what an error says, not only that it happened.

#include <QString>

template <typename Error, typename F>
QString errorMessageOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("<no such error>");
}
