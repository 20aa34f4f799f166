# Lua workspace, core side (owned by the lua feature). Included from core/CMakeLists.txt.
# liblua5.1 (the Lua Redis embeds) only compiles scripts locally to find syntax errors; nothing runs.
pkg_check_modules(LUA51 REQUIRED IMPORTED_TARGET lua5.1)
target_sources(vermilion_core PRIVATE
    lua/commandnames.cpp lua/commandnames.h
    lua/functionlibrarymodel.cpp lua/functionlibrarymodel.h
    lua/luasyntax.cpp lua/luasyntax.h
    lua/namedvariables.cpp lua/namedvariables.h
    lua/replytreemodel.cpp lua/replytreemodel.h
    lua/scriptcachemodel.cpp lua/scriptcachemodel.h
    lua/scripterror.cpp lua/scripterror.h
    lua/scriptlibrarymodel.cpp lua/scriptlibrarymodel.h
    lua/scriptrunner.cpp lua/scriptrunner.h
)
target_link_libraries(vermilion_core PRIVATE PkgConfig::LUA51)
