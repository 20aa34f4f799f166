#pragma once

#include <QWidget>

namespace vermilion {
class Session;
}

namespace vermilion::ui {

// The Lua workspace of one connection: an editor, the script's inputs, run with EVAL / EVALSHA
// (or FCALL), the result, the script library of a folder, the server's script cache and its
// Redis 7 function libraries.
class LuaPanel : public QWidget {
    Q_OBJECT
public:
    explicit LuaPanel(Session* session, QWidget* parent = nullptr);
    ~LuaPanel() override;

    // Asks about unsaved edits (Save / Discard / Cancel); false means the user cancelled.
    bool confirmClose();

private:
    Session* m_session;
};

} // namespace vermilion::ui
