// Help > About. The version is QCoreApplication::applicationVersion(), which gui_main sets from
// the CMake project version (the same string as `clustersim --version`).
#include "AboutDialog.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cs::ui {

namespace {

// The MIT licence under which Porcupine's test data (tests/data/jepsen) is used.
const char* const kPorcupineMit =
    "Copyright (c) Anish Athalye\n\n"
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
    "software and associated documentation files (the \"Software\"), to deal in the Software "
    "without restriction, including without limitation the rights to use, copy, modify, merge, "
    "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons "
    "to whom the Software is furnished to do so, subject to the following conditions:\n\n"
    "The above copyright notice and this permission notice shall be included in all copies or "
    "substantial portions of the Software.\n\n"
    "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, "
    "INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR "
    "PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE "
    "FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "
    "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
    "DEALINGS IN THE SOFTWARE.";

} // namespace

QString aboutText() {
    const QString version = QCoreApplication::applicationVersion();
    QString html;
    html += QStringLiteral("<h2>ClusterSim %1</h2>").arg(version.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(QCoreApplication::translate(
                    "AboutDialog", "A live cluster simulator for learning system design."));
    html += QStringLiteral("<p>%1</p>")
                .arg(QCoreApplication::translate(
                    "AboutDialog",
                    "Free software under the GNU General Public License, version 3 or later: you "
                    "may share and change it under its terms. It comes with NO WARRANTY."));
    html += QStringLiteral("<h3>%1</h3><ul>")
                .arg(QCoreApplication::translate("AboutDialog", "Built with"));
    html += QStringLiteral("<li>Qt %1 (Widgets: LGPLv3; Charts: GPLv3)</li>").arg(qVersion());
    html += QStringLiteral("<li>Boost.Graph (Boost Software License 1.0)</li></ul>");
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(QCoreApplication::translate("AboutDialog", "Credits"),
                     QCoreApplication::translate(
                         "AboutDialog",
                         "The linearizability checker is tested against real Jepsen histories "
                         "(etcd) and key-value histories from the test data of Porcupine, by "
                         "Anish Athalye, used under the MIT licence:"));
    html += QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>")
                .arg(QString::fromUtf8(kPorcupineMit).toHtmlEscaped());
    return html;
}

void showAboutDialog(QWidget* parent) {
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("aboutDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("AboutDialog", "About ClusterSim"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* top = new QHBoxLayout;
    auto* icon = new QLabel(&dialog);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto* text = new QTextBrowser(&dialog);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setOpenExternalLinks(true);
    text->setHtml(aboutText());
    top->addWidget(text, 1);
    layout->addLayout(top, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(560, 520);
    dialog.exec();
}

void addAboutActions(QMenu* help, QWidget* parent) {
    help->addAction(QCoreApplication::translate("AboutDialog", "&About ClusterSim"), parent,
                    [parent] { showAboutDialog(parent); })
        ->setMenuRole(QAction::AboutRole);
    help->addAction(QCoreApplication::translate("AboutDialog", "About &Qt"), qApp,
                    &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

} // namespace cs::ui
