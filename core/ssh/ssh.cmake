# SSH tunnels (owned by the ssh feature). Included from core/CMakeLists.txt.
target_sources(vermilion_core PRIVATE
    ssh/sshconfig.cpp ssh/sshconfig.h
)
