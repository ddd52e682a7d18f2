#!/bin/sh
# Rebuilds the WebAssembly test programs tests/wasm/*.wasm from tests/wasm/src/*.c with Debian's
# clang for wasm32-wasi. The .wasm files are committed: the build and the tests never need this.
#   apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
set -eu
cd "$(dirname "$0")"
CC=${CC:-clang-14}
for c in src/*.c; do
    name=$(basename "$c" .c)
    # -s drops the name section (40 KB instead of 140 KB); -O2 as a C program would be built.
    "$CC" --target=wasm32-wasi -O2 -s -Wall -Werror -o "$name.wasm" "$c"
    echo "$name.wasm: $(wc -c < "$name.wasm") bytes"
done
