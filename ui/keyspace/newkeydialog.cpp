#include "newkeydialog.h"

#include "util/redistext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace vermilion::ui {

NewKeyDialog::NewKeyDialog(const QString& suggestedName, QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(suggestedName, this))
    , m_type(new QComboBox(this))
    , m_firstLabel(new QLabel(this))
    , m_first(new QLineEdit(this))
    , m_secondLabel(new QLabel(this))
    , m_second(new QLineEdit(this))
    , m_ttl(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New Key"));
    auto* form = new QFormLayout(this);
    m_name->setAccessibleName(tr("Key name"));
    m_name->setToolTip(tr("Binary bytes can be typed as \\xHH"));
    form->addRow(tr("&Name:"), m_name);
    for (const char* type : { "string", "hash", "list", "set", "zset", "stream" })
        m_type->addItem(QString::fromLatin1(type), QByteArray(type));
    m_type->setAccessibleName(tr("Key type"));
    form->addRow(tr("&Type:"), m_type);
    form->addRow(m_firstLabel, m_first);
    form->addRow(m_secondLabel, m_second);
    m_ttl->setRange(0, 2000000000);
    m_ttl->setSpecialValueText(tr("no expiry"));
    m_ttl->setSuffix(tr(" s"));
    m_ttl->setAccessibleName(tr("Time to live in seconds"));
    form->addRow(tr("T&TL:"), m_ttl);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->setWordWrap(true);
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewKeyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewKeyDialog::reject);
    form->addRow(buttons);
    connect(m_type, &QComboBox::currentIndexChanged, this, &NewKeyDialog::updateFields);
    updateFields();
    resize(460, sizeHint().height());
}

void NewKeyDialog::updateFields()
{
    const QByteArray t = type();
    const bool pair = t == "hash" || t == "zset" || t == "stream";
    m_firstLabel->setText(t == "string"    ? tr("&Value:")
            : t == "hash" || t == "stream" ? tr("&Field:")
            : t == "zset"                  ? tr("&Member:")
            : t == "list"                  ? tr("&Element:")
                                           : tr("&Member:"));
    m_secondLabel->setText(t == "zset" ? tr("&Score:") : tr("&Value:"));
    m_second->setVisible(pair);
    m_secondLabel->setVisible(pair);
}

QByteArray NewKeyDialog::key() const
{
    return RedisText::unescape(m_name->text());
}
QByteArray NewKeyDialog::type() const
{
    return m_type->currentData().toByteArray();
}
qint64 NewKeyDialog::ttlMs() const
{
    return qint64(m_ttl->value()) * 1000;
}

QList<QByteArray> NewKeyDialog::arguments() const
{
    const QByteArray first = RedisText::unescape(m_first->text());
    const QByteArray second = RedisText::unescape(m_second->text());
    const QByteArray t = type();
    if (t == "zset")
        return { second, first }; // ZADD takes the score first
    if (t == "hash" || t == "stream")
        return { first, second };
    return { first };
}

void NewKeyDialog::accept()
{
    if (m_name->text().isEmpty()) {
        m_error->setText(tr("Give the key a name."));
        return;
    }
    if (type() == "zset") {
        bool ok = false;
        m_second->text().toDouble(&ok);
        if (!ok && m_second->text() != QLatin1String("+inf") && m_second->text() != QLatin1String("-inf")) {
            m_error->setText(tr("The score must be a number."));
            return;
        }
    }
    QDialog::accept();
}

} // namespace vermilion::ui
