#include "client/connection.h"
#include "client/session.h"
#include "formats/valueformat.h"
#include "redisfixture.h"
#include "uitestsupport.h"
#include "values/conflictdialog.h"
#include "values/editconflict.h"
#include "values/hasheditor.h"
#include "values/hashmodel.h"
#include "values/listeditor.h"
#include "values/listmodel.h"
#include "values/seteditor.h"
#include "values/setmodel.h"
#include "values/streameditor.h"
#include "values/streamgroups.h"
#include "values/streammodel.h"
#include "values/stringeditor.h"
#include "values/stringvalue.h"
#include "values/valuedetailpane.h"
#include "values/valuetextview.h"
#include "values/zseteditor.h"
#include "values/zsetmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vermilion;
using namespace vermilion::test;
using namespace vermilion::ui;
using vermilion::formats::FormatRegistry;

namespace {
// Readable text, so the preview screenshot shows what a user sees.
QByteArray bigText(qint64 size)
{
    QByteArray text;
    text.reserve(size);
    for (int line = 0; text.size() < size; ++line)
        text += "log line " + QByteArray::number(line) + ": request served in " + QByteArray::number(line % 97)
            + " ms\n";
    text.truncate(size);
    return text;
}

template<typename T> T* findButton(QWidget* parent, const QString& text)
{
    for (T* button : parent->findChildren<T*>()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}
} // namespace

class TestValueEditors : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<RedisServerProcess> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Connection> m_other;

    Reply other(const Command& command) { return awaitReply(m_other->execute(command)); }

    template<typename Editor> std::unique_ptr<Editor> open(const QByteArray& key, const QByteArray& type)
    {
        std::unique_ptr<Editor> editor(qobject_cast<Editor*>(ValueEditor::create(m_session.get(), key, type)));
        if (editor) {
            editor->resize(960, 620);
            editor->show();
        }
        return editor;
    }

    static QString cell(QTableView* view, int row, int column)
    {
        return view->model()->index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_server = startServer({}, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_session = std::make_unique<Session>(profileFor(*m_server));
        m_session->open();
        m_other = std::make_unique<Connection>(profileFor(*m_server));
        m_other->open();
        QVERIFY(waitForState(*m_other, Connection::State::Connected));
        // Destructive confirmations answer yes; the tests check what happens after.
        ValueEditor::setConfirmationHandler([](QWidget*, const QString&, const QString&) { return true; });

        other({ "SET", "app:config",
            R"({"name":"checkout","replicas":3,"regions":["eu-west-1","us-east-1"],"flags":{"beta":true}})" });
        other({ "SET", "app:log", bigText(3 * 1024 * 1024) });
        other({ "SET", "app:binary", allBytes() });
        Command hset { "HSET", "app:user:42" };
        for (int i = 0; i < 1200; ++i)
            hset << "field:" + QByteArray::number(i) << R"({"visits":)" + QByteArray::number(i * 7) + "}";
        hset << "avatar" << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 16);
        other(hset);
        Command rpush { "RPUSH", "app:queue" };
        for (int i = 0; i < 1200; ++i)
            rpush << "job:" + QByteArray::number(i);
        other(rpush);
        other({ "SADD", "app:tags", "redis", "qt", "c++", "desktop", "tag with spaces", QByteArray("bin\xff\x00", 5) });
        Command zadd { "ZADD", "app:scores" };
        for (int i = 0; i < 1000; ++i)
            zadd << QByteArray::number(i * 1.5) << "player:" + QByteArray::number(i);
        other(zadd);
        for (int i = 1; i <= 30; ++i)
            other({ "XADD", "app:events", QByteArray::number(1700000000000 + i) + "-0", "type",
                i % 2 ? "click" : "view", "user", QByteArray::number(i) });
        other({ "XGROUP", "CREATE", "app:events", "mailer", "0" });
        other({ "XGROUP", "CREATE", "app:events", "audit", "$" });
        other({ "XREADGROUP", "GROUP", "mailer", "alice", "COUNT", "4", "STREAMS", "app:events", ">" });
        other({ "XREADGROUP", "GROUP", "mailer", "bob", "COUNT", "2", "STREAMS", "app:events", ">" });
    }

    void cleanupTestCase() { ValueEditor::setConfirmationHandler({}); }

    void jsonString()
    {
        auto editor = open<StringEditor>("app:config", "string");
        QVERIFY(editor);
        QSignalSpy loaded(editor->value(), &StringValue::loaded);
        QVERIFY(loaded.wait());
        QTRY_VERIFY(!editor->isRendering());
        QCOMPARE(editor->formatId(), QStringLiteral("json"));
        QVERIFY(editor->text().contains(QLatin1String("\"checkout\"")));
        QVERIFY(editor->text().contains(QLatin1Char('\n'))); // pretty-printed
        QVERIFY(editor->isEditable());
        QVERIFY(!editor->isBannerShown());
        saveScreenshot(editor.get(), QStringLiteral("value-editor-string"));

        // Invalid JSON is refused with the format's reason; nothing is written.
        QSignalSpy status(editor.get(), &ValueEditor::statusMessage);
        editor->setText(QStringLiteral("{\"name\": "));
        QVERIFY(editor->isModified());
        editor->save();
        QVERIFY(editor->inlineMessage().startsWith(QLatin1String("Not saved")));
        QVERIFY(other({ "GET", "app:config" }).bytes().contains("checkout"));

        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        editor->setText(QStringLiteral("{\"name\": \"payments\", \"replicas\": 5}"));
        editor->save();
        QVERIFY(modified.wait());
        QCOMPARE(modified.first().first().toByteArray(), QByteArray("app:config"));
        const QByteArray stored = other({ "GET", "app:config" }).bytes();
        QVERIFY2(stored.contains("payments") && stored.contains("5"), stored.constData());
        QVERIFY(!editor->isModified());
    }

    void stringConflictDialog()
    {
        other({ "SET", "app:motd", "Welcome" });
        auto editor = open<StringEditor>("app:motd", "string");
        QSignalSpy loaded(editor->value(), &StringValue::loaded);
        QVERIFY(loaded.wait());
        QTRY_VERIFY(!editor->isRendering());
        other({ "SET", "app:motd", "Maintenance tonight" });
        editor->setText(QStringLiteral("Welcome back"));
        editor->save();
        QTRY_VERIFY(editor->findChild<ConflictDialog*>());
        auto* dialog = editor->findChild<ConflictDialog*>();
        QTRY_VERIFY(dialog->isVisible());
        QTRY_VERIFY(!dialog->isComparing());
        QCOMPARE(dialog->mineView()->document()->wholeText(), QStringLiteral("Welcome back"));
        QCOMPARE(dialog->theirsView()->document()->wholeText(), QStringLiteral("Maintenance tonight"));
        QCOMPARE(dialog->differenceCount(), 1);
        QCOMPARE(dialog->summary(), QStringLiteral("1 differing place(s)"));
        saveScreenshot(dialog, QStringLiteral("value-editor-conflict"));
        QCOMPARE(other({ "GET", "app:motd" }).bytes(), QByteArray("Maintenance tonight"));
        // The user's text survives the conflict.
        QCOMPARE(editor->text(), QStringLiteral("Welcome back"));

        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        auto* overwrite = findButton<QPushButton>(dialog, QStringLiteral("Overwrite with mine"));
        QVERIFY(overwrite);
        overwrite->click();
        QVERIFY(modified.wait());
        QCOMPARE(other({ "GET", "app:motd" }).bytes(), QByteArray("Welcome back"));
    }

    // A conflict on a 20 MB value: escaped and compared off the UI thread (the suite's stall
    // watchdog fails it otherwise), the changed lines marked, F7 steps through them.
    void bigConflictIsComparedOffTheUiThread()
    {
        EditConflict conflict = makeOffTheUiThread([] {
            QByteArray text;
            for (int i = 0; text.size() < 20 * 1024 * 1024; ++i)
                text += "log line " + QByteArray::number(i) + ": the quick brown fox jumps over the lazy dog\n";
            EditConflict made;
            made.mine = text;
            made.theirs = text;
            made.theirs.replace("log line 100000:", "log line 100000 (edited):");
            made.theirs.replace("log line 250000:", "LOG LINE 250000:");
            made.theirsSize = made.theirs.size();
            return made;
        });
        ConflictDialog dialog(conflict, QStringLiteral("app:big"));
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isComparing(), 30000);
        QCOMPARE(dialog.differenceCount(), 2);
        QCOMPARE(dialog.currentDifference(), 0);
        QCOMPARE(dialog.mineView()->firstVisibleLine(), 100000 - 2);
        QVERIFY(dialog.theirsView()->document()->line(100000).startsWith(QLatin1String("log line 100000 (edited):")));
        QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : &dialog;
        QTest::keyClick(focus, Qt::Key_F7);
        QTRY_COMPARE(dialog.currentDifference(), 1); // a shortcut clicks the button animated, later
        QCOMPARE(dialog.theirsView()->firstVisibleLine(), 250000 - 2);
        QCOMPARE(dialog.summary(), QStringLiteral("Difference 2 of 2"));
        saveScreenshot(&dialog, QStringLiteral("value-editor-conflict-diff"));
        QTest::keyClick(focus, Qt::Key_F7, Qt::ShiftModifier);
        QTRY_COMPARE(dialog.currentDifference(), 0);
    }

    void bigString()
    {
        auto editor = open<StringEditor>("app:log", "string");
        QSignalSpy loaded(editor->value(), &StringValue::loaded);
        QVERIFY(loaded.wait());
        QTRY_VERIFY(!editor->isRendering());
        QVERIFY(editor->isBannerShown());
        QVERIFY2(editor->bannerText().contains(QLatin1String("Showing the first")), qPrintable(editor->bannerText()));
        QVERIFY(!editor->isEditable());
        QVERIFY(editor->value()->isPartial());
        saveScreenshot(editor.get(), QStringLiteral("value-editor-string-big"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.txt"));
        QSignalSpy saved(editor->value(), &StringValue::fileSaved);
        editor->saveToFile(path);
        QVERIFY(saved.wait(30000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), qint64(3 * 1024 * 1024));

        editor->loadAll();
        QVERIFY(loaded.wait(30000));
        QTRY_VERIFY(!editor->isRendering());
        QVERIFY(!editor->isBannerShown());
        // 3 MiB of text: the paged viewer, edited through an external editor.
        QVERIFY(editor->isEditable());
        QVERIFY(!editor->isEditableInPlace());
        QCOMPARE(editor->value()->value().size(), 3 * 1024 * 1024);
        ValueTextView* viewer = editor->viewer();
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->document()->lineCount(), bigText(3 * 1024 * 1024).count('\n') + 1);

        // Ctrl+End goes to the last line; the find bar finds text backwards and forwards there.
        viewer->setFocus();
        QTest::keyClick(viewer, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(viewer->cursorPosition().line, viewer->document()->lineCount() - 1);
        QVERIFY(viewer->firstVisibleLine() > 1000);
        QTest::keyClick(viewer, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(editor->findBar()->isVisible());
        editor->findBar()->setNeedle(QStringLiteral("log line 1234:"));
        QSignalSpy found(editor->findBar(), &ValueFindBar::finished);
        editor->findBar()->findPrevious();
        QVERIFY(found.wait());
        QVERIFY(found.last().first().toBool());
        QCOMPARE(viewer->selectionStart().line, 1234);
        QCOMPARE(viewer->selectedText(), QStringLiteral("log line 1234:"));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-string-viewer"));
        viewer->copy();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("log line 1234:"));
        editor->findBar()->setNeedle(QStringLiteral("no such text"));
        editor->findBar()->findNext();
        QVERIFY(found.wait());
        QVERIFY(!found.last().first().toBool());
        QCOMPARE(editor->findBar()->status(), QStringLiteral("Not found"));

        // Edited in an external editor and written back with the conflict check.
        QString opened;
        StringEditor::setExternalOpener([&opened](const QString& path) {
            opened = path;
            return true;
        });
        editor->editExternally();
        QTRY_VERIFY(!opened.isEmpty());
        StringEditor::setExternalOpener({});
        QFile external(opened);
        QVERIFY(external.open(QIODevice::ReadOnly));
        QCOMPARE(external.readAll(), bigText(3 * 1024 * 1024));
        external.close();
        QVERIFY(external.open(QIODevice::WriteOnly | QIODevice::Append));
        external.write("edited outside\n");
        external.close();
        auto* write = findButton<QPushButton>(editor.get(), QStringLiteral("Save to server"));
        QVERIFY(write);
        QTRY_VERIFY(write->isEnabled());
        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        write->click();
        QVERIFY(modified.wait());
        QVERIFY(other({ "GET", "app:log" }).bytes().endsWith("edited outside\n"));
        QCOMPARE(other({ "STRLEN", "app:log" }).integerValue(), 3 * 1024 * 1024 + 15);
    }

    // A gzip value bigger than the preview: its first part decompresses, with a note.
    void compressedPreview()
    {
        const QByteArray gzip = makeOffTheUiThread([] {
            QString error;
            return FormatRegistry::instance()
                .find(QStringLiteral("gzip"))
                ->encode(QString::fromUtf8(bigText(24 * 1024 * 1024)), &error);
        });
        QVERIFY(gzip.size() > 1024 * 1024);
        other({ "SET", "app:log.gz", gzip });
        auto editor = open<StringEditor>("app:log.gz", "string");
        QSignalSpy loaded(editor->value(), &StringValue::loaded);
        QVERIFY(loaded.wait());
        QTRY_VERIFY(!editor->isRendering());
        QCOMPARE(editor->formatId(), QStringLiteral("gzip"));
        QVERIFY2(editor->noteText().startsWith(QLatin1String("A prefix")), qPrintable(editor->noteText()));
        QVERIFY(editor->text().startsWith(QLatin1String("log line 0: request served in 0 ms\nlog line 1:")));
        QVERIFY(!editor->isEditable());
        saveScreenshot(editor.get(), QStringLiteral("value-editor-gzip-prefix"));
    }

    void binaryString()
    {
        auto editor = open<StringEditor>("app:binary", "string");
        QSignalSpy loaded(editor->value(), &StringValue::loaded);
        QVERIFY(loaded.wait());
        QTRY_VERIFY(!editor->isRendering());
        QCOMPARE(editor->formatId(), QStringLiteral("hex"));
        QVERIFY(!editor->text().isEmpty());
        saveScreenshot(editor.get(), QStringLiteral("value-editor-binary"));
    }

    void hash()
    {
        auto editor = open<HashEditor>("app:user:42", "hash");
        QVERIFY(editor);
        QAbstractItemModelTester tester(editor->model());
        QTRY_VERIFY(editor->model()->rowCount() >= 500);
        QTableView* view = editor->view();
        QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Field"));
        QVERIFY(cell(view, 0, 0).startsWith(QLatin1String("field:")) || cell(view, 0, 0) == QLatin1String("avatar"));
        // Only a page is loaded; the rest comes as the view scrolls.
        QVERIFY(editor->model()->rowCount() < 1201);
        // Each scroll to the end asks for one more page, as a user scrolling down does.
        QTRY_VERIFY((view->scrollToBottom(), editor->model()->rowCount() == 1201));

        // Binary data shows escaped, never raw.
        const int avatar = editor->model()->rowOfField("avatar");
        QVERIFY(avatar >= 0);
        QVERIFY2(cell(view, avatar, 1).startsWith(QLatin1String("\\x89PNG\\r\\n\\x1a\\n\\x00")),
            qPrintable(cell(view, avatar, 1)));

        // The detail pane shows the selected value in its detected format.
        const int row = editor->model()->rowOfField("field:7");
        view->setCurrentIndex(view->model()->index(row, 1));
        QTRY_COMPARE(editor->detailPane()->formatId(), QStringLiteral("json"));
        QTRY_VERIFY(editor->detailPane()->text().contains(QLatin1String("49")));

        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        editor->setFieldValue("field:7", R"({"visits":50})");
        QVERIFY(modified.wait());
        QCOMPARE(other({ "HGET", "app:user:42", "field:7" }).bytes(), QByteArray(R"({"visits":50})"));
        QTRY_VERIFY(editor->detailPane()->text().contains(QLatin1String("50")));

        view->scrollToTop();
        view->setCurrentIndex(view->model()->index(row, 1));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-hash"));

        // The search field restarts the scan with MATCH.
        auto* filter = editor->findChild<QLineEdit*>();
        QVERIFY(filter);
        filter->setText(QStringLiteral("field:11?"));
        QMetaObject::invokeMethod(filter, "returnPressed");
        QTRY_VERIFY((view->scrollToBottom(), !editor->model()->canFetchMore({}) && !editor->model()->isLoading()));
        QCOMPARE(editor->model()->rowCount(), 10); // 110-119
        for (int row = 0; row < 10; ++row)
            QVERIFY(editor->model()->fieldAt(row).startsWith("field:11"));
    }

    void hashConflictKeepTheirs()
    {
        other({ "DEL", "app:flags" });
        other({ "HSET", "app:flags", "dark-mode", "off" });
        auto editor = open<HashEditor>("app:flags", "hash");
        QTRY_COMPARE(editor->model()->rowCount(), 1);
        other({ "HSET", "app:flags", "dark-mode", "on" });
        editor->setFieldValue("dark-mode", "auto");
        QTRY_VERIFY(editor->findChild<ConflictDialog*>() && editor->findChild<ConflictDialog*>()->isVisible());
        auto* keep
            = findButton<QPushButton>(editor->findChild<ConflictDialog*>(), QStringLiteral("Keep theirs (reload)"));
        QVERIFY(keep);
        keep->click();
        QTRY_COMPARE(editor->model()->rowCount(), 1);
        QTRY_COMPARE(editor->model()->valueAt(0), QByteArray("on"));
        QCOMPARE(other({ "HGET", "app:flags", "dark-mode" }).bytes(), QByteArray("on"));
    }

    // A big list is searched on the server's pages: the view goes to the match, wherever it is.
    void findInABigList()
    {
        const int count = 300000;
        for (int start = 0; start < count; start += 10000) {
            Command rpush { "RPUSH", "app:biglist" };
            for (int i = start; i < start + 10000; ++i)
                rpush << "event-" + QByteArray::number(i);
            other(rpush);
        }
        auto editor = open<ListEditor>("app:biglist", "list");
        QTRY_COMPARE(editor->model()->rowCount(), count);
        editor->findElement(QStringLiteral("EVENT-299990"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Found at index 299,990"));
        QTableView* view = editor->view();
        QCOMPARE(view->currentIndex().row(), 299990);
        QTRY_COMPARE(cell(view, 299990, 1), QStringLiteral("event-299990"));
        QVERIFY(view->visualRect(view->currentIndex()).intersects(view->viewport()->rect()));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-list-find"));

        // Onwards from there it wraps round to the start; backwards it looks behind.
        editor->findElement(QStringLiteral("event-12"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Found at index 12 (wrapped around)"));
        editor->findElement(QStringLiteral("event-299"), true);
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(view->currentIndex().row(), 299999); // backwards from 12 wraps to the end
        editor->findElement(QStringLiteral("no such element"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Not found"));
    }

    void findInASortedSet()
    {
        auto editor = open<ZSetEditor>("app:scores", "zset");
        QTRY_COMPARE(editor->model()->rowCount(), 1000);
        editor->findElement(QStringLiteral("player:999"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Found at index 999"));
        QTRY_COMPARE(cell(editor->view(), 999, ZSetModel::MemberColumn), QStringLiteral("player:999"));
    }

    // A 5 MB field: the cell shows a short prefix, the detail pane the whole value, paged.
    void hashWithAHugeField()
    {
        QByteArray huge;
        for (int i = 0; huge.size() < 5 * 1024 * 1024; ++i)
            huge += "{\"line\": " + QByteArray::number(i) + "}\n";
        other({ "HSET", "app:bighash", "small", "x", "huge", huge });
        auto editor = open<HashEditor>("app:bighash", "hash");
        QTRY_COMPARE(editor->model()->rowCount(), 2);
        const int row = editor->model()->rowOfField("huge");
        QVERIFY(cell(editor->view(), row, 1).size() < 1024);
        editor->view()->setCurrentIndex(editor->model()->index(row, 1));
        QTRY_VERIFY(editor->detailPane()->text().size() == huge.size());
        QVERIFY(editor->detailPane()->findChild<ValueTextView*>()->document()->lineCount() > 100000);
    }

    void list()
    {
        auto editor = open<ListEditor>("app:queue", "list");
        QAbstractItemModelTester tester(editor->model());
        QTRY_COMPARE(editor->model()->rowCount(), 1200);
        QTRY_VERIFY(editor->model()->isRowLoaded(0));
        QTableView* view = editor->view();
        QCOMPARE(cell(view, 0, 0), QStringLiteral("0"));
        QCOMPARE(cell(view, 3, 1), QStringLiteral("job:3"));
        // Far rows load when the view shows them.
        view->scrollToBottom();
        QTRY_COMPARE(cell(view, 1199, 1), QStringLiteral("job:1199"));
        view->scrollToTop();

        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        editor->setElement(2, "job:2 (retried)");
        QVERIFY(modified.wait());
        QCOMPARE(other({ "LINDEX", "app:queue", "2" }).bytes(), QByteArray("job:2 (retried)"));
        editor->pushHead("urgent");
        QVERIFY(modified.wait());
        QTRY_COMPARE(editor->model()->rowCount(), 1201);
        QTRY_COMPARE(cell(view, 0, 1), QStringLiteral("urgent"));
        editor->insertNextTo(0, false, "after urgent");
        QVERIFY(modified.wait());
        QTRY_COMPARE(cell(view, 1, 1), QStringLiteral("after urgent"));
        editor->removeElementAt(1);
        QVERIFY(modified.wait());
        QTRY_COMPARE(cell(view, 1, 1), QStringLiteral("job:0"));
        view->setCurrentIndex(view->model()->index(3, 1));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-list"));
    }

    void set()
    {
        auto editor = open<SetEditor>("app:tags", "set");
        QAbstractItemModelTester tester(editor->model());
        QTRY_COMPARE(editor->model()->rowCount(), 6);
        QStringList shown;
        for (int row = 0; row < 6; ++row)
            shown << cell(editor->view(), row, 0);
        QVERIFY(shown.contains(QStringLiteral("bin\\xff\\x00")));
        QVERIFY(shown.contains(QStringLiteral("tag with spaces")));
        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        editor->addMember("linux");
        QVERIFY(modified.wait());
        QCOMPARE(editor->model()->rowCount(), 7);
        QCOMPARE(other({ "SISMEMBER", "app:tags", "linux" }).integerValue(), 1);
        editor->view()->setCurrentIndex(editor->model()->index(0, 0));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-set"));
    }

    void zset()
    {
        auto editor = open<ZSetEditor>("app:scores", "zset");
        QAbstractItemModelTester tester(editor->model());
        QTRY_COMPARE(editor->model()->rowCount(), 1000);
        QTRY_VERIFY(editor->model()->isRowLoaded(0));
        QCOMPARE(cell(editor->view(), 2, 0), QStringLiteral("player:2"));
        QCOMPARE(cell(editor->view(), 2, 1), QStringLiteral("3"));
        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        editor->setScore("player:0", "5000");
        QVERIFY(modified.wait());
        QCOMPARE(other({ "ZSCORE", "app:scores", "player:0" }).bytes(), QByteArray("5000"));
        QTRY_VERIFY(editor->model()->isRowLoaded(0) && cell(editor->view(), 0, 0) == QLatin1String("player:1"));

        editor->showScoreRange(QStringLiteral("15"), QStringLiteral("(30"));
        QTRY_COMPARE(editor->model()->rowCount(), 10);
        QTRY_VERIFY(editor->model()->isRowLoaded(0));
        QCOMPARE(cell(editor->view(), 0, 0), QStringLiteral("player:10"));
        editor->view()->setCurrentIndex(editor->model()->index(1, 0));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-zset"));
        editor->showByRank();
        QTRY_COMPARE(editor->model()->rowCount(), 1000);
    }

    void stream()
    {
        auto editor = open<StreamEditor>("app:events", "stream");
        QAbstractItemModelTester tester(editor->model());
        QTRY_COMPARE(editor->model()->rowCount(), 30);
        QCOMPARE(cell(editor->view(), 0, 0), QStringLiteral("1700000000030-0")); // newest first
        QVERIFY(cell(editor->view(), 0, 1).contains(QLatin1String("type: view")));
        QTreeWidget* groups = editor->groupsView();
        QTRY_COMPARE(groups->topLevelItemCount(), 2);
        QTreeWidgetItem* mailer = groups->findItems(QStringLiteral("mailer"), Qt::MatchExactly).value(0);
        QVERIFY(mailer);
        QCOMPARE(mailer->text(1), QStringLiteral("6"));
        QCOMPARE(mailer->childCount(), 2);
        QVERIFY(editor->pendingView()->isVisibleTo(editor.get())); // the stream has groups

        QSignalSpy modified(editor.get(), &ValueEditor::keyModified);
        editor->addEntry({ { "type", "purchase" }, { "amount", "42.50" } });
        QVERIFY(modified.wait());
        QTRY_COMPARE(editor->model()->rowCount(), 31);
        QVERIFY(cell(editor->view(), 0, 1).contains(QLatin1String("purchase")));
        editor->view()->setCurrentIndex(editor->model()->index(0, 1));
        QTRY_VERIFY(editor->detailPane()->text().contains(QLatin1String("amount")));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-stream"));

        // The group's pending entries, acknowledged and claimed from the editor.
        // The tree is rebuilt on each refresh: the item is found again.
        groups->findItems(QStringLiteral("mailer"), Qt::MatchExactly).value(0)->setSelected(true);
        QTRY_COMPARE_WITH_TIMEOUT(editor->pendingModel()->rowCount(), 6, 5000);
        QCOMPARE(editor->selectedGroup().first, QByteArray("mailer"));
        editor->pendingView()->selectRow(0);
        editor->pendingView()->selectionModel()->select(editor->pendingModel()->index(1, 0),
                                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        editor->acknowledgeSelected();
        QTRY_COMPARE_WITH_TIMEOUT(editor->pendingModel()->rowCount(), 4, 5000);
        QTRY_COMPARE(groups->findItems(QStringLiteral("mailer"), Qt::MatchExactly).value(0)->text(1), QStringLiteral("4"));
        editor->pendingView()->selectRow(0);
        editor->claimSelected("night-shift", 0);
        QTRY_VERIFY_WITH_TIMEOUT(editor->groupStatus().contains(QLatin1String("claimed by night-shift")), 5000);
        QTRY_COMPARE(groups->findItems(QStringLiteral("mailer"), Qt::MatchExactly).value(0)->childCount(), 3);
        editor->createGroup("reports", "0", false);
        QTRY_COMPARE_WITH_TIMEOUT(groups->topLevelItemCount(), 3, 5000);
        saveScreenshot(editor.get(), QStringLiteral("value-editor-stream-groups"));
        editor->deleteGroup("reports");
        QTRY_COMPARE_WITH_TIMEOUT(groups->topLevelItemCount(), 2, 5000);
    }

    void findInABigStream()
    {
        // 50k entries with ids 1-1 .. 50000-1; one deep entry carries a distinctive value.
        const int count = 50000;
        for (int start = 1; start <= count; start += 5000) {
            QList<Command> adds;
            for (int i = start; i < start + 5000; ++i)
                adds.append({ "XADD", "app:bigstream", QByteArray::number(i) + "-1", "n", QByteArray::number(i),
                    "kind", i == 1234 ? QByteArray("Needle-In-Stream") : QByteArray("hay") });
            QFuture<QList<Reply>> added = m_other->executeBatch(adds);
            QTRY_VERIFY_WITH_TIMEOUT(added.isFinished(), 20000);
            QVERIFY(!added.result().constLast().isError());
        }
        auto editor = open<StreamEditor>("app:bigstream", "stream");
        QAbstractItemModelTester tester(editor->model());
        QTRY_COMPARE(editor->model()->rowCount(), StreamModel::pageSize);
        QTRY_COMPARE(editor->model()->info().length, qint64(count));
        // No group: the pending part is hidden and the groups list keeps to its one line.
        QTRY_COMPARE(editor->groupsView()->topLevelItemCount(), 1);
        QVERIFY(!editor->pendingView()->isVisibleTo(editor.get()));
        QVERIFY(editor->groupsView()->maximumHeight() < editor->view()->height());
        // Newest first: down the list is older. Entry 1234 is 48,767 rows down, far past the page.
        editor->findElement(QStringLiteral("needle-in"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Found 1234-1"));
        QTableView* view = editor->view();
        QCOMPARE(view->currentIndex().row(), count - 1234);
        QCOMPARE(cell(view, count - 1234, 0), QStringLiteral("1234-1"));
        QVERIFY(view->visualRect(view->currentIndex()).intersects(view->viewport()->rect()));
        saveScreenshot(editor.get(), QStringLiteral("value-editor-stream-find"));
        // Onwards from there, a field value near the top is found by wrapping round; the id
        // matches too; backwards from the bottom looks up the list.
        editor->findElement(QStringLiteral("49990"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Found 49990-1 (wrapped around)"));
        QCOMPARE(view->currentIndex().row(), count - 49990);
        editor->findElement(QStringLiteral("kind"), true);
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Found 49991-1"));
        editor->findElement(QStringLiteral("no such entry"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Not found"));
        // Oldest first: down the list is newer.
        editor->findChild<QComboBox*>()->setCurrentIndex(1);
        QTRY_COMPARE(cell(view, 0, 0), QStringLiteral("1-1"));
        QTRY_VERIFY(!editor->model()->isLoading());
        editor->findElement(QStringLiteral("NEEDLE"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isFinding(), 20000);
        QCOMPARE(editor->findStatus(), QStringLiteral("Found 1234-1"));
        QCOMPARE(view->currentIndex().row(), 1233);
    }

    void moduleTypeAndVanishedKey()
    {
        std::unique_ptr<ValueEditor> module(ValueEditor::create(m_session.get(), "app:doc", "ReJSON-RL"));
        module->resize(600, 200);
        module->show();
        const QList<QLabel*> labels = module->findChildren<QLabel*>();
        QVERIFY(std::any_of(
            labels.begin(), labels.end(), [](QLabel* l) { return l->text().contains(QLatin1String("ReJSON-RL")); }));
        QCOMPARE(module->type(), QByteArray("ReJSON-RL"));
        saveScreenshot(module.get(), QStringLiteral("value-editor-module"));

        other({ "SET", "app:temp", "x" });
        auto editor = open<HashEditor>("app:temp", "hash"); // it is a string now
        QSignalSpy vanished(editor.get(), &ValueEditor::keyVanished);
        QVERIFY(vanished.wait());
        QVERIFY(editor->inlineMessage().contains(QLatin1String("string")));
    }

    void readOnlyRefusalIsShown()
    {
        ConnectionProfile profile = profileFor(*m_server);
        profile.readOnly = true;
        Session session(profile);
        session.open();
        other({ "DEL", "app:ro" });
        other({ "HSET", "app:ro", "a", "1" });
        std::unique_ptr<HashEditor> editor(qobject_cast<HashEditor*>(ValueEditor::create(&session, "app:ro", "hash")));
        QTRY_COMPARE(editor->model()->rowCount(), 1);
        QSignalSpy status(editor.get(), &ValueEditor::statusMessage);
        editor->setFieldValue("a", "2");
        QVERIFY(status.wait());
        QVERIFY2(status.first().first().toString().contains(QLatin1String("read-only"), Qt::CaseInsensitive),
            qPrintable(status.first().first().toString()));
        QVERIFY(!editor->inlineMessage().isEmpty());
        QCOMPARE(other({ "HGET", "app:ro", "a" }).bytes(), QByteArray("1"));
    }
};

QTEST_MAIN(TestValueEditors)
#include "tst_valueeditors.moc"
