# Lua workspace, widget side (owned by the lua feature). Included from ui/CMakeLists.txt.
# Debian's libqscintilla2-qt6-dev ships no CMake package: find its header folder and library.
find_path(QSCINTILLA_QT6_INCLUDE_DIR Qsci/qsciscintilla.h
    PATHS /usr/include/x86_64-linux-gnu/qt6 /usr/include/qt6 ${Qt6_DIR}/../../../include
    PATH_SUFFIXES qt6 x86_64-linux-gnu/qt6 REQUIRED)
find_library(QSCINTILLA_QT6_LIBRARY NAMES qscintilla2_qt6 REQUIRED)
target_sources(vermilion_ui PRIVATE
    lua/luaeditor.cpp lua/luaeditor.h
    lua/luapanel.cpp lua/luapanel.h
)
target_include_directories(vermilion_ui SYSTEM PUBLIC ${QSCINTILLA_QT6_INCLUDE_DIR})
target_link_libraries(vermilion_ui PUBLIC ${QSCINTILLA_QT6_LIBRARY})
