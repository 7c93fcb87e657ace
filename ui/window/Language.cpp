#include "Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace cs::ui {
namespace {
const QString kKey = QStringLiteral("ui/language");
const QString kTranslatorName = QStringLiteral("clustersimTranslator");
} // namespace

QStringList availableLanguages() {
    QStringList codes;
    for (const QString& f : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*.qm")}))
        codes << f.mid(int(qstrlen("clustersim_"))).chopped(3);
    return codes;
}

QString preferredLanguage() {
    return QSettings().value(kKey).toString();
}

void setPreferredLanguage(const QString& code) {
    QSettings s;
    if (code.isEmpty())
        s.remove(kKey);
    else
        s.setValue(kKey, code);
}

QLocale uiLocale() {
    const QString code = preferredLanguage();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool installTranslations(QCoreApplication* app, const QLocale& locale) {
    QLocale::setDefault(locale);
    // Qt's own strings (standard buttons, file dialogs), where the system has them installed.
    auto* qt = new QTranslator(app);
    qt->setObjectName(kTranslatorName);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(app);
    own->setObjectName(kTranslatorName);
    // QTranslator tries the locale's UI languages in order (de_AT, de, ...); English has no file.
    if (own->load(locale, QStringLiteral("clustersim"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

void removeTranslations(QCoreApplication* app, const QLocale& locale) {
    for (QTranslator* t : app->findChildren<QTranslator*>(kTranslatorName)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(locale);
}

} // namespace cs::ui
