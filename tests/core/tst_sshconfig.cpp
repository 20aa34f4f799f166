#include "ssh/sshconfig.h"

#include <QMap>
#include <QTest>

using namespace vermilion::ssh;

namespace {
// Include reads files from this map, by exact path or by a wildcard in the last part.
SshConfig::FileReader filesFrom(QMap<QString, QByteArray> files)
{
    return [files](const QString& pattern) {
        QList<SshConfig::File> out;
        for (auto it = files.cbegin(); it != files.cend(); ++it) { // QMap: sorted by path
            if (SshConfig::matchesPattern(it.key(), pattern))
                out.append({ it.key(), it.value() });
        }
        return out;
    };
}
} // namespace

class TestSshConfig : public QObject {
    Q_OBJECT
private slots:
    void firstValueWinsAndIdentityFilesAddUp()
    {
        const SshConfig config = SshConfig::parse("# a comment\n"
                                                  "Host bastion\n"
                                                  "    HostName bastion.example.com\n"
                                                  "    User ops\n"
                                                  "    Port 2222\n"
                                                  "    IdentityFile ~/.ssh/bastion_ed25519\n"
                                                  "Host bastion db-*\n"
                                                  "    User someone-else\n"
                                                  "    IdentityFile %d/.ssh/id_%r@%h:%p\n"
                                                  "Host *\n"
                                                  "\tPort=2200\n"
                                                  "    ServerAliveInterval = 15\n"
                                                  "    IdentityFile \"/keys/with space\"\n"
                                                  "    ForwardAgent yes\n");
        QVERIFY(config.warnings().isEmpty());
        const SshHost bastion = config.resolve(QStringLiteral("bastion"), QStringLiteral("me"), QStringLiteral("/home/me"));
        QCOMPARE(bastion.hostName, QStringLiteral("bastion.example.com"));
        QCOMPARE(bastion.user, QStringLiteral("ops"));
        QCOMPARE(bastion.port, 2222);
        QCOMPARE(bastion.serverAliveInterval, 15);
        QCOMPARE(bastion.identityFiles,
            QStringList({ QStringLiteral("/home/me/.ssh/bastion_ed25519"),
                QStringLiteral("/home/me/.ssh/id_ops@bastion.example.com:2222"), QStringLiteral("/keys/with space") }));

        // A host the config does not name: its own name, the defaults of Host *.
        const SshHost plain = config.resolve(QStringLiteral("10.0.0.5"), QStringLiteral("me"), QStringLiteral("/home/me"));
        QCOMPARE(plain.hostName, QStringLiteral("10.0.0.5"));
        QVERIFY(plain.user.isEmpty());
        QCOMPARE(plain.port, 2200);
        QCOMPARE(plain.identityFiles, QStringList { QStringLiteral("/keys/with space") });

        const SshHost db = config.resolve(QStringLiteral("DB-7"), QStringLiteral("me"), QStringLiteral("/home/me"));
        QCOMPARE(db.user, QStringLiteral("someone-else")); // host patterns ignore case
        QCOMPARE(db.identityFiles.value(0), QStringLiteral("/home/me/.ssh/id_someone-else@DB-7:2200"));
    }

    void patterns_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<bool>("matches");
        QTest::addRow("exact") << QStringLiteral("web1") << QStringList { QStringLiteral("web1") } << true;
        QTest::addRow("star") << QStringLiteral("web1.prod") << QStringList { QStringLiteral("web*") } << true;
        QTest::addRow("star in the middle") << QStringLiteral("web1.prod") << QStringList { QStringLiteral("w*.p*d") } << true;
        QTest::addRow("question mark") << QStringLiteral("web1") << QStringList { QStringLiteral("web?") } << true;
        QTest::addRow("question mark needs a char") << QStringLiteral("web") << QStringList { QStringLiteral("web?") } << false;
        QTest::addRow("second of two") << QStringLiteral("db2") << QStringList { QStringLiteral("web*"), QStringLiteral("db?") } << true;
        QTest::addRow("comma list") << QStringLiteral("db2") << QStringList { QStringLiteral("web*,db?") } << true;
        QTest::addRow("negated wins") << QStringLiteral("web-test") << QStringList { QStringLiteral("web*"), QStringLiteral("!*-test") } << false;
        QTest::addRow("only negated") << QStringLiteral("anything") << QStringList { QStringLiteral("!web*") } << false;
        QTest::addRow("no match") << QStringLiteral("cache") << QStringList { QStringLiteral("web*") } << false;
        QTest::addRow("star matches empty") << QStringLiteral("web") << QStringList { QStringLiteral("web*") } << true;
        QTest::addRow("backtracking") << QStringLiteral("aaab") << QStringList { QStringLiteral("*a*b") } << true;
    }
    void patterns()
    {
        QFETCH(QString, host);
        QFETCH(QStringList, patterns);
        QFETCH(bool, matches);
        QCOMPARE(SshConfig::matchesPatternList(host, patterns), matches);
    }

    void includeAndMatch()
    {
        const QMap<QString, QByteArray> files {
            { QStringLiteral("/home/me/.ssh/config.d/10-work"), "Host work\n  HostName work.example.com\n  User alice\n" },
            { QStringLiteral("/home/me/.ssh/config.d/20-home"), "Host nas\n  HostName 192.168.1.10\n" },
            { QStringLiteral("/home/me/.ssh/guarded"), "Port 2022\n" },
            { QStringLiteral("/home/me/.ssh/loop"), "Include loop\n" },
        };
        const SshConfig config = SshConfig::parse("Include config.d/*\n"
                                                  "Host guarded-*\n"
                                                  "  Include guarded\n"
                                                  "  User guard\n"
                                                  "Match host nas,work\n"
                                                  "  Port 2201\n"
                                                  "Match user root\n"
                                                  "  Port 1\n"
                                                  "Match all\n"
                                                  "  User everyone\n"
                                                  "Include loop\n",
            QStringLiteral("config"), QStringLiteral("/home/me/.ssh"), filesFrom(files));
        const SshHost work = config.resolve(QStringLiteral("work"));
        QCOMPARE(work.hostName, QStringLiteral("work.example.com"));
        QCOMPARE(work.user, QStringLiteral("alice"));
        QCOMPARE(work.port, 2201);
        const SshHost nas = config.resolve(QStringLiteral("nas"));
        QCOMPARE(nas.hostName, QStringLiteral("192.168.1.10"));
        QCOMPARE(nas.user, QStringLiteral("everyone"));
        // The Include inside "Host guarded-*" counts only for those hosts, and the block's own
        // lines after it still belong to it.
        const SshHost guarded = config.resolve(QStringLiteral("guarded-1"));
        QCOMPARE(guarded.port, 2022);
        QCOMPARE(guarded.user, QStringLiteral("guard"));
        QCOMPARE(config.resolve(QStringLiteral("other")).port, 22);
        QCOMPARE(config.resolve(QStringLiteral("other")).user, QStringLiteral("everyone"));
        // "Match user" is not evaluated: its block is passed over, and said so; the include loop
        // stops at its depth limit, and is said so.
        QCOMPARE(config.warnings().size(), 2);
        QVERIFY2(config.warnings().at(0).contains(QLatin1String("Match user root")), qPrintable(config.warnings().join(u'\n')));
        QVERIFY2(config.warnings().at(1).contains(QLatin1String("nested more than")), qPrintable(config.warnings().join(u'\n')));
    }

    // A file that includes itself twice would double at every level (2^16 reads): reading stops
    // at 256 files, and says so.
    void includesAreBounded()
    {
        const QMap<QString, QByteArray> files { { QStringLiteral("/home/me/.ssh/twice"), "Include twice twice\nUser u\n" } };
        const SshConfig config = SshConfig::parse(
            "Include twice\n", QStringLiteral("config"), QStringLiteral("/home/me/.ssh"), filesFrom(files));
        QVERIFY2(config.warnings().join(u'\n').contains(QLatin1String("more than 256 included files")),
            qPrintable(config.warnings().join(u'\n')));
        QCOMPARE(config.resolve(QStringLiteral("any")).user, QStringLiteral("u"));
    }

    void badLinesAreSaidAndSkipped()
    {
        const SshConfig config = SshConfig::parse("Host a\n  HostName \"unclosed\n  Port 99999\n  User\nHost\n");
        QCOMPARE(config.warnings().size(), 4);
        const SshHost a = config.resolve(QStringLiteral("a"));
        QCOMPARE(a.hostName, QStringLiteral("a"));
        QCOMPARE(a.port, 22); // an impossible port is no port
    }

    void proxyJumpSpecs()
    {
        QString error;
        const auto hops = SshConfig::parseJumps(QStringLiteral("alice@jump1:2222, ssh://bob@[2001:db8::1]:2200,jump3"), &error);
        QVERIFY2(hops.has_value(), qPrintable(error));
        QCOMPARE(hops->size(), 3);
        QCOMPARE(hops->at(0).user, QStringLiteral("alice"));
        QCOMPARE(hops->at(0).host, QStringLiteral("jump1"));
        QCOMPARE(hops->at(0).port, 2222);
        QCOMPARE(hops->at(1).user, QStringLiteral("bob"));
        QCOMPARE(hops->at(1).host, QStringLiteral("2001:db8::1"));
        QCOMPARE(hops->at(1).port, 2200);
        QCOMPARE(hops->at(2).host, QStringLiteral("jump3"));
        QCOMPARE(hops->at(2).port, 0);
        QVERIFY(SshConfig::parseJumps(QStringLiteral("none"), &error)->isEmpty());
        for (const char* bad : { "jump:0", "jump:http", "@jump", "a,,b", "[::1", "bad host", "jump:65536" }) {
            error.clear();
            QVERIFY2(!SshConfig::parseJumps(QString::fromLatin1(bad), &error), bad);
            QVERIFY2(error.contains(QLatin1String("ProxyJump")), qPrintable(error));
        }
    }

    // ProxyJump A,B for T: A is reached through A's own ProxyJump, then B, then T; B's own
    // ProxyJump does not count (OpenSSH hands the rest of the list to the hop before it).
    void jumpChains()
    {
        const SshConfig config = SshConfig::parse("Host target\n  ProxyJump ops@inner:2201,second\n"
                                                  "Host inner\n  HostName 10.1.0.1\n  ProxyJump edge\n"
                                                  "Host second\n  ProxyJump ignored\n"
                                                  "Host edge\n  HostName edge.example.com\n  User gate\n"
                                                  "Host loop-a\n  ProxyJump loop-b\n"
                                                  "Host loop-b\n  ProxyJump loop-a\n");
        QString error;
        const QList<SshHost> chain = config.jumpChain(config.resolve(QStringLiteral("target")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(chain.size(), 3);
        QCOMPARE(chain.at(0).hostName, QStringLiteral("edge.example.com"));
        QCOMPARE(chain.at(0).user, QStringLiteral("gate"));
        QCOMPARE(chain.at(1).hostName, QStringLiteral("10.1.0.1"));
        QCOMPARE(chain.at(1).user, QStringLiteral("ops"));
        QCOMPARE(chain.at(1).port, 2201);
        QCOMPARE(chain.at(2).alias, QStringLiteral("second"));
        QVERIFY(config.jumpChain(config.resolve(QStringLiteral("edge")), &error).isEmpty());

        error.clear();
        QVERIFY(config.jumpChain(config.resolve(QStringLiteral("loop-a")), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("loop")), qPrintable(error));

        // A chain longer than maxHops ends with an error, never runs on.
        QByteArray longChain;
        for (int i = 0; i < SshConfig::maxHops + 2; ++i)
            longChain += "Host h" + QByteArray::number(i) + "\n  ProxyJump h" + QByteArray::number(i + 1) + "\n";
        const SshConfig deep = SshConfig::parse(longChain);
        error.clear();
        QVERIFY(deep.jumpChain(deep.resolve(QStringLiteral("h0")), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("hops")), qPrintable(error));
        // One short of the limit works.
        error.clear();
        QCOMPARE(deep.jumpChain(deep.resolve(QStringLiteral("h3")), &error).size(), SshConfig::maxHops - 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
