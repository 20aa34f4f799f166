# ~/.ssh/config and ProxyJump values (owned by the ssh feature). Included from tests/fuzz/CMakeLists.txt.
vermilion_add_fuzzer(fuzz_sshconfig)
