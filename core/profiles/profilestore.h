#pragma once

#include "connectionprofile.h"

#include <QList>
#include <QString>

class QSettings;

namespace vermilion {

// Saved connection profiles in QSettings ("connections/<id>/..."). Passwords are never written
// here: SecretStore keeps them.
class ProfileStore {
public:
    // Uses the given settings file, or the application's default QSettings when empty.
    explicit ProfileStore(const QString& settingsFile = QString());
    ~ProfileStore();

    QList<ConnectionProfile> load() const;
    void save(const QList<ConnectionProfile>& profiles);
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace vermilion
