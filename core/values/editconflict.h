#pragma once

#include <QByteArray>
#include <QMetaType>

namespace vermilion {

// How an edit treats what the user was shown: Checked applies it only if the server still holds that
// value; Force skips the comparison (the UI offers it only after the user saw both sides and agreed).
// Both still refuse to touch a key that vanished or changed type.
enum class EditMode { Checked, Force };

// An edit that was not applied because the value changed on the server since it was shown. Carries
// both sides so the UI can show them and nothing the user typed is lost.
struct EditConflict {
    enum class Operation {
        SetString,
        SetField, // hash: field, shown -> mine
        AddField, // hash: the field appeared meanwhile
        RemoveField,
        SetListItem, // list: index, shown -> mine
        InsertListItem, // list: pivot at index changed (shown = pivot value, mine = the new element)
        RemoveListItem,
        SetScore, // zset: member, shown score -> mine
        AddMember, // zset: the member exists already with a score
    };
    Operation operation = Operation::SetString;
    QByteArray item; // hash field, zset member; empty for strings and lists
    qint64 index = -1; // list index
    bool before = true; // list insert: before or after the pivot
    QByteArray shown; // what the user was shown (for lists: the element at index)
    QByteArray mine; // what the user wanted to write (empty for removals)
    QByteArray theirs; // the server's current value (may be cut for huge strings, see theirsSize)
    bool theirsExists = true; // false when the field / element / member is gone
    qint64 theirsSize = -1; // strings: the full size of the server's value
};

} // namespace vermilion

Q_DECLARE_METATYPE(vermilion::EditConflict)
