#include "PreferencesDialog.h"

#include "Language.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QVBoxLayout>

#include <algorithm>

namespace cs::ui {
bool showPreferencesDialog(QWidget* parent) {
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("preferencesDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("PreferencesDialog", "Preferences"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* form = new QFormLayout;
    auto* language = new QComboBox(&dialog);
    language->setObjectName(QStringLiteral("languageBox"));
    language->addItem(QCoreApplication::translate("PreferencesDialog", "System default"),
                      QString());
    language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const QString& code : availableLanguages()) {
        const QLocale l(code);
        // Each language in its own words: "Deutsch", whatever the current language is.
        QString name = l.nativeLanguageName();
        if (!name.isEmpty()) name[0] = name[0].toUpper();
        language->addItem(name, code);
    }
    language->setCurrentIndex(std::max(0, language->findData(preferredLanguage())));
    form->addRow(QCoreApplication::translate("PreferencesDialog", "&Language:"), language);
    layout->addLayout(form);
    auto* note = new QLabel(
        QCoreApplication::translate("PreferencesDialog",
                                    "A new language applies the next time ClusterSim starts."),
        &dialog);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted) return false;
    const QString chosen = language->currentData().toString();
    if (chosen == preferredLanguage()) return false;
    setPreferredLanguage(chosen);
    return true;
}

void addPreferencesAction(QMenu* menu, QWidget* parent) {
    QAction* a = menu->addAction(QCoreApplication::translate("PreferencesDialog", "&Preferences…"),
                                 parent, [parent] { showPreferencesDialog(parent); });
    a->setMenuRole(QAction::PreferencesRole);
    a->setShortcut(QKeySequence::Preferences);
}

} // namespace cs::ui
