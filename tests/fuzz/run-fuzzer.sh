#!/usr/bin/env bash
# Builds the importer's fuzz target with clang in its own folder and runs it for SECONDS from the seed corpus.
# usage: run-fuzzer.sh SOURCE_DIR BUILD_DIR SECONDS
# Exit 77 (CTest: skipped) when clang or its libFuzzer runtime is not installed (Debian: clang, libclang-rt-*-dev).
set -euo pipefail
source_dir=$1 build_dir=$2 seconds=$3
clang=$(command -v clang++ || true)
runtime=$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null | head -n 1 || true)
if [ -z "$clang" ] || [ -z "$runtime" ]; then
    echo "skipped: clang++ or libFuzzer's runtime is not installed"
    exit 77
fi
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$clang" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DFRONTDOOR_FUZZ=ON -DFRONTDOOR_BUILD_TESTS=OFF -DFRONTDOOR_WERROR=OFF > "$build_dir.configure.log" 2>&1 \
        || { cat "$build_dir.configure.log"; exit 1; }
fi
cmake --build "$build_dir" --target fuzz_referral_import > "$build_dir.build.log" 2>&1 || { tail -50 "$build_dir.build.log"; exit 1; }
corpus=$(mktemp -d) # new inputs it finds go here; the committed seeds are read only
trap 'rm -rf "$corpus"' EXIT
"$build_dir/tests/fuzz/fuzz_referral_import" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "$source_dir/tests/fuzz/corpus"
