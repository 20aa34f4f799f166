#pragma once

#include <QByteArray>
#include <QWidget>
#include <functional>

namespace vermilion {
class Session;
struct EditConflict;
} // namespace vermilion

namespace vermilion::ui {

// The value pane of the key browser: one editor per Redis type behind one entry point.
class ValueEditor : public QWidget {
    Q_OBJECT
public:
    // The editor for a key of this TYPE reply ("string", "hash", "list", "set", "zset", "stream";
    // anything else: a module type shown read-only with its type name and a note that only TTL,
    // rename and delete apply, which the key browser offers). Loading starts at once.
    static ValueEditor* create(
        vermilion::Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent = nullptr);
    QByteArray key() const { return m_key; }
    QByteArray type() const { return m_type; }
    virtual void reload() = 0;

    // Asks the user before a destructive step. Tests and scripted use replace the question.
    using ConfirmationHandler = std::function<bool(QWidget* parent, const QString& title, const QString& text)>;
    static void setConfirmationHandler(ConfirmationHandler handler);

signals:
    void keyModified(const QByteArray& key); // after a successful write
    void keyVanished(const QByteArray& key); // the key is gone or changed type
    void statusMessage(const QString& message); // errors and confirmations for the status bar

protected:
    ValueEditor(vermilion::Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent);
    vermilion::Session* session() const { return m_session; }
    bool confirm(const QString& title, const QString& text);
    // Shows a conflict side by side; calls force() only if the user chose to overwrite and confirmed
    // it, reload() if they kept the server's value, keepEditing() if they cancelled. formatId: the
    // format the user edits in (gzip, JSON...): both sides are compared as it shows them.
    void resolveConflict(const vermilion::EditConflict& conflict, const QString& what, std::function<void()> force,
        std::function<void()> keepEditing = {}, const QString& formatId = {});

public:
    static QFont monospaceFont();

private:
    vermilion::Session* m_session;
    QByteArray m_key;
    QByteArray m_type;
};

} // namespace vermilion::ui
