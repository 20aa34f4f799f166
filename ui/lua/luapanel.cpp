#include "luapanel.h"

namespace vermilion::ui {

LuaPanel::LuaPanel(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
}

LuaPanel::~LuaPanel() = default;

bool LuaPanel::confirmClose() { return true; }

} // namespace vermilion::ui
