#pragma once

#include "valueeditor.h"

namespace vermilion::ui {

// A key of a module type (ReJSON-RL, MBbloom--, ...): its value has no generic reader, so the pane
// names the type and points at what still applies.
class ModuleTypeEditor : public ValueEditor {
    Q_OBJECT
public:
    ModuleTypeEditor(
        vermilion::Session* session, const QByteArray& key, const QByteArray& type, QWidget* parent = nullptr);
    void reload() override { }
};

} // namespace vermilion::ui
