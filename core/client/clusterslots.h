#pragma once

#include <QByteArray>

namespace vermilion {

// Redis Cluster's key-to-slot rule (the cluster specification, "Key distribution model"):
// CRC16-CCITT (XMODEM: polynomial 0x1021, initial value 0) of the key, modulo 16384. When the key
// holds a '{' followed later by a '}' with at least one byte between them, only the bytes between
// the first '{' and the first '}' after it are hashed (the hash tag).
namespace ClusterSlots {
constexpr int count = 16384;

quint16 crc16(const char* data, qsizetype size);
// The part of the key that is hashed: the hash tag if it has one, else the whole key.
QByteArray hashedPart(const QByteArray& key);
int slotOf(const QByteArray& key);
} // namespace ClusterSlots

} // namespace vermilion
