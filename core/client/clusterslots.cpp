#include "clusterslots.h"

#include <array>

namespace vermilion::ClusterSlots {

namespace {
constexpr std::array<quint16, 256> makeTable()
{
    std::array<quint16, 256> table {};
    for (int byte = 0; byte < 256; ++byte) {
        quint16 crc = quint16(byte << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
        table[size_t(byte)] = crc;
    }
    return table;
}
constexpr std::array<quint16, 256> table = makeTable();

// Where the hashed part starts and how long it is.
std::pair<qsizetype, qsizetype> hashedRange(const char* data, qsizetype size)
{
    for (qsizetype open = 0; open < size; ++open) {
        if (data[open] != '{')
            continue;
        for (qsizetype close = open + 1; close < size; ++close) {
            if (data[close] == '}') {
                if (close == open + 1)
                    return { 0, size }; // "{}": no tag, the whole key
                return { open + 1, close - open - 1 };
            }
        }
        return { 0, size }; // '{' without a '}' after it
    }
    return { 0, size };
}
} // namespace

quint16 crc16(const char* data, qsizetype size)
{
    quint16 crc = 0;
    for (qsizetype i = 0; i < size; ++i)
        crc = quint16((crc << 8) ^ table[size_t(((crc >> 8) ^ quint8(data[i])) & 0xff)]);
    return crc;
}

QByteArray hashedPart(const QByteArray& key)
{
    const auto [begin, length] = hashedRange(key.constData(), key.size());
    return key.mid(begin, length);
}

int slotOf(const QByteArray& key)
{
    const auto [begin, length] = hashedRange(key.constData(), key.size());
    return crc16(key.constData() + begin, length) % count;
}

} // namespace vermilion::ClusterSlots
