# SSH tunnels (owned by the ssh feature). Included from tests/core/CMakeLists.txt.
vermilion_add_test(NAME tst_sshconfig SOURCES tst_sshconfig.cpp)
vermilion_add_test(NAME tst_ssh SOURCES tst_ssh.cpp)
