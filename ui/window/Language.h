// The user interface language: English (the source strings) or a translation compiled into the
// app (resources/translations/clustersim_<lang>.ts). Chosen in Preferences, else the system's.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace cs::ui {

// Languages with a translation, as codes ("de"); English is always there.
QStringList availableLanguages();
// The language Preferences chose ("" = follow the system), from the settings.
QString preferredLanguage();
void setPreferredLanguage(const QString& code);
// The locale the UI uses: the preferred language's, or the system's.
QLocale uiLocale();
// Installs the app's and Qt's translators for `locale` and makes it the default locale, so
// numbers shown through QLocale (and %L1) follow it. Returns whether the app's own translation
// was loaded (false for English, which needs none). Call before building any window.
bool installTranslations(QCoreApplication* app, const QLocale& locale);
// Removes what installTranslations installed and restores `locale` as the default (tests).
void removeTranslations(QCoreApplication* app, const QLocale& locale = QLocale::c());

} // namespace cs::ui
