#include "consolehistory.h"

#include <QSet>
#include <QSettings>

#include <algorithm>

namespace vermilion {

namespace {
    bool is(const QByteArray& argument, const char* word) { return argument.compare(word, Qt::CaseInsensitive) == 0; }
} // namespace

ConsoleHistory::ConsoleHistory(const QUuid& profile)
    : m_profile(profile)
{
    if (!m_profile.isNull())
        m_lines = QSettings().value(key()).toStringList();
}

bool ConsoleHistory::isSensitive(const QList<QByteArray>& argv)
{
    if (argv.isEmpty())
        return false;
    // "3 AUTH ..." repeats a command: look at the command.
    qsizetype first = 0;
    bool number = false;
    argv.first().toLongLong(&number);
    if (number && argv.size() > 1)
        first = 1;
    const QList<QByteArray> args = argv.mid(first);
    const QByteArray& name = args.first();
    if (is(name, "AUTH"))
        return true;
    if (is(name, "ACL") && args.size() > 1 && is(args.at(1), "SETUSER"))
        return true;
    if (is(name, "CONFIG") && args.size() > 2 && is(args.at(1), "SET")) {
        // CONFIG SET takes several parameter/value pairs since Redis 7.
        for (qsizetype i = 2; i < args.size(); i += 2) {
            const QByteArray& parameter = args.at(i);
            if (is(parameter, "requirepass") || is(parameter, "masterauth") || is(parameter, "masteruser")
                || is(parameter, "tls-key-file-pass") || is(parameter, "tls-client-key-file-pass"))
                return true;
        }
    }
    if (is(name, "HELLO") || is(name, "MIGRATE")) {
        for (qsizetype i = 1; i < args.size(); ++i) {
            if (is(args.at(i), "AUTH") || is(args.at(i), "AUTH2"))
                return true;
        }
    }
    return false;
}

void ConsoleHistory::removeLegacyHistory()
{
    QSettings settings;
    if (settings.contains(QStringLiteral("console/history")))
        settings.remove(QStringLiteral("console/history"));
}

bool ConsoleHistory::add(const QString& line, const QList<QByteArray>& argv, bool save)
{
    if (isSensitive(argv))
        return false;
    if (m_lines.isEmpty() || m_lines.last() != line)
        m_lines.append(line);
    // Older copies of a line and lines past the limit go when the history is saved: a paste of
    // thousands of lines is tidied once, not once per line.
    if (save)
        this->save();
    return true;
}

void ConsoleHistory::tidy()
{
    if (m_lines.size() <= 1)
        return;
    QSet<QString> seen;
    QStringList kept;
    for (qsizetype i = m_lines.size() - 1; i >= 0 && kept.size() < maxLines; --i) {
        if (!seen.contains(m_lines.at(i))) {
            seen.insert(m_lines.at(i));
            kept.append(m_lines.at(i));
        }
    }
    std::reverse(kept.begin(), kept.end());
    m_lines = kept;
}

int ConsoleHistory::searchBackward(const QString& text, int before) const
{
    for (int i = qMin(before, int(m_lines.size())) - 1; i >= 0; --i) {
        if (m_lines.at(i).contains(text, Qt::CaseInsensitive))
            return i;
    }
    return -1;
}

void ConsoleHistory::clear()
{
    m_lines.clear();
    save();
}

void ConsoleHistory::save()
{
    tidy();
    if (!m_profile.isNull())
        QSettings().setValue(key(), m_lines);
}

QString ConsoleHistory::key() const
{
    return QStringLiteral("console/histories/") + m_profile.toString(QUuid::WithoutBraces);
}

} // namespace vermilion
