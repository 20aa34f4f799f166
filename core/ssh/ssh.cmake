# SSH tunnels (owned by the ssh feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    ssh/sshconfig.cpp ssh/sshconfig.h
    ssh/sshtunnel.cpp ssh/sshtunnel.h
)
target_link_libraries(vermilion_core PRIVATE PkgConfig::LIBSSH)
