#include "hostkeyprompt.h"

#include "util/posting.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>

namespace vermilion::ui {

HostKeyPrompt::HostKeyPrompt(QWidget* window)
    : QObject(window)
    , m_bridge(std::make_shared<Bridge>())
    , m_window(window)
{
    m_bridge->target = this;
}

HostKeyPrompt::~HostKeyPrompt()
{
    {
        std::lock_guard lock(m_bridge->mutex);
        m_bridge->target = nullptr;
    }
    ssh::SshTunnel::setDefaultHostKeyHandler({});
    for (const QPointer<QMessageBox>& box : std::as_const(m_boxes)) {
        if (box)
            box->reject(); // answers "no"
    }
}

void HostKeyPrompt::install()
{
    std::weak_ptr<Bridge> weak = m_bridge;
    ssh::SshTunnel::setDefaultHostKeyHandler(
        [weak](const ssh::HostKeyQuestion& question, std::function<void(bool)> answer) {
            const std::shared_ptr<Bridge> bridge = weak.lock();
            if (!bridge) {
                answer(false);
                return;
            }
            std::lock_guard lock(bridge->mutex);
            if (!bridge->target) {
                answer(false);
                return;
            }
            // Alive while the bridge is locked (its destructor takes the lock); a call still queued
            // when it goes is dropped, and the tunnel is answered by the box's own end or its stop.
            HostKeyPrompt* target = bridge->target;
            postToObject(target, [target, question, answer] { target->ask(question, answer); });
        });
}

QList<QMessageBox*> HostKeyPrompt::openBoxes() const
{
    QList<QMessageBox*> out;
    for (const QPointer<QMessageBox>& box : m_boxes) {
        if (box && box->isVisible())
            out.append(box);
    }
    return out;
}

void HostKeyPrompt::ask(const ssh::HostKeyQuestion& question, std::function<void(bool)> answer)
{
    // The window the user is looking at (the connection dialog during a Test).
    QWidget* parent = QApplication::activeWindow() ? QApplication::activeWindow() : m_window.data();
    auto* box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("hostKeyPrompt"));
    box->setTextFormat(Qt::RichText);
    // Room for a fingerprint and a command on one line each.
    box->setStyleSheet(QStringLiteral("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: %1px; }").arg(box->fontMetrics().averageCharWidth() * 64));
    if (question.changed) {
        box->setIcon(QMessageBox::Critical);
        box->setWindowTitle(tr("SSH Host Key Changed"));
        box->setText(tr("<b>The host key of %1 has changed. The connection was refused.</b>")
                         .arg(question.host.toHtmlEscaped()));
        box->setInformativeText(
            tr("<p>The server now shows:<br><tt>%1 %2</tt></p><p>%3 holds:<br><tt>%4</tt></p><p>Someone may be "
               "intercepting the connection, or the server was reinstalled. If the change is expected, remove "
               "the old entry (<tt>ssh-keygen -R \"%5\"</tt>) and connect again.</p>")
                .arg(question.keyType.toHtmlEscaped(), question.fingerprint.toHtmlEscaped(),
                    question.knownHostsFile.toHtmlEscaped(), question.knownFingerprint.toHtmlEscaped(),
                    question.host.toHtmlEscaped()));
        box->setStandardButtons(QMessageBox::Close);
    } else {
        box->setIcon(QMessageBox::Warning);
        box->setWindowTitle(tr("Unknown SSH Host Key"));
        box->setText(tr("<b>%1 is not a known SSH host.</b>").arg(question.host.toHtmlEscaped()));
        box->setInformativeText(
            tr("<p>Its %1 host key has the fingerprint<br><tt style=\"white-space:nowrap\">%2</tt></p><p>Compare it with the fingerprint "
               "the server's administrator gives you (on the server:<br><tt style=\"white-space:pre\">ssh-keygen -lf "
               "/etc/ssh/ssh_host_ed25519_key.pub</tt>).<br>Nothing has been sent to this server yet.</p><p>Trust "
               "this key and save it to %3?</p>")
                .arg(question.keyType.toHtmlEscaped(), question.fingerprint.toHtmlEscaped(),
                    question.knownHostsFile.toHtmlEscaped()));
        QPushButton* trust = box->addButton(tr("&Trust and Save"), QMessageBox::AcceptRole);
        trust->setObjectName(QStringLiteral("trustHostKey"));
        QPushButton* cancel = box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(cancel);
        box->setEscapeButton(cancel);
    }
    auto answered = std::make_shared<bool>(false);
    const auto reply = [answer, answered](bool accept) {
        if (*answered)
            return;
        *answered = true;
        answer(accept);
    };
    connect(box, &QMessageBox::buttonClicked, box, [box, reply](QAbstractButton* button) {
        reply(box->buttonRole(button) == QMessageBox::AcceptRole);
    });
    connect(box, &QObject::destroyed, this, [reply] { reply(false); });
    m_boxes.append(box);
    box->open();
}

} // namespace vermilion::ui
