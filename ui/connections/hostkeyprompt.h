#pragma once

#include "ssh/sshtunnel.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <mutex>

class QMessageBox;
class QWidget;

namespace vermilion::ui {

// Puts the SSH host key questions of every tunnel to the user, in the UI thread: an unknown key
// with its fingerprint (saved only when the user trusts it), a changed key as a refusal that shows
// both fingerprints. The tunnel waits in its own thread; nothing here blocks. A question still open
// when this object goes is answered "no".
class HostKeyPrompt : public QObject {
    Q_OBJECT
public:
    explicit HostKeyPrompt(QWidget* window);
    ~HostKeyPrompt() override;

    // Becomes the handler of every tunnel that has none of its own.
    void install();
    // The boxes on screen (tests).
    QList<QMessageBox*> openBoxes() const;

private:
    void ask(const ssh::HostKeyQuestion& question, std::function<void(bool)> answer);

    struct Bridge {
        std::mutex mutex;
        HostKeyPrompt* target = nullptr;
    };
    std::shared_ptr<Bridge> m_bridge;
    QPointer<QWidget> m_window;
    QList<QPointer<QMessageBox>> m_boxes;
};

} // namespace vermilion::ui
