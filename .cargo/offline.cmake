# Handed to every CMake run (see .cargo/config.toml). WAMR, built by deno_core's
# QuickJS backend (crate v8x), would otherwise git-clone SIMDe at build time; Debian's
# libsimde-dev provides the same headers offline.
set(FETCHCONTENT_SOURCE_DIR_SIMDE "/usr/include" CACHE PATH "local simde headers")
