#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstring>
#include <vector>

namespace vermilion {

// Many byte strings in one buffer, with no allocation per string: string i is
// bytes[ends[i-1], ends[i]). A SCAN page of keys travels this way from the reply parser to the
// namespace tree.
struct PackedStrings {
    QByteArray bytes;
    std::vector<quint32> ends;

    void append(const char* data, qsizetype size)
    {
        // Called once per key of every page: a plain copy into room made ahead, doubling.
        const qsizetype used = bytes.size();
        if (bytes.capacity() < used + size)
            bytes.reserve(qMax(used + size, 2 * bytes.capacity()));
        bytes.resize(used + size);
        if (size > 0)
            std::memcpy(bytes.data() + used, data, size_t(size));
        ends.push_back(quint32(used + size));
    }
    void append(QByteArrayView string) { append(string.data(), string.size()); }
    qsizetype size() const { return qsizetype(ends.size()); }
    bool isEmpty() const { return ends.empty(); }
    QByteArrayView at(qsizetype i) const
    {
        const quint32 begin = i == 0 ? 0 : ends[size_t(i - 1)];
        return QByteArrayView(bytes.constData() + begin, ends[size_t(i)] - begin);
    }
};

} // namespace vermilion
