#!/usr/bin/env python3
"""Ask llama.cpp's own quantizer which ggml type it gives each tensor, without quantizing.

    python3 scripts/groundtruth/quantize-types.py IN-F16.gguf Q8_0|Q4_K_M

Node has no FFI, and node-llama-cpp ships no llama-quantize binary, but it ships libllama, which
exports llama_model_quantize(); its llama_model_quantize_params has a `dry_run` flag (the same as
`llama-quantize --dry-run`: computes the target type of every tensor and prints it, writes
nothing). This helper calls it with ctypes and prints {"tensor name": "ggml type"} as JSON.
The struct layout below is the one in include/llama.h of the llama.cpp bundled with
node-llama-cpp 3.22.1 (gitRelease.bundle); llama_ftype values from the same header.
"""
import ctypes, json, os, re, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BINS = os.path.join(HERE, "..", "..", "node_modules", "@node-llama-cpp", "linux-x64", "bins", "linux-x64")
FTYPES = {"F16": 1, "Q8_0": 7, "Q4_K_M": 15}


class QuantParams(ctypes.Structure):
    _fields_ = [
        ("nthread", ctypes.c_int32), ("ftype", ctypes.c_int), ("output_tensor_type", ctypes.c_int),
        ("token_embedding_type", ctypes.c_int), ("allow_requantize", ctypes.c_bool),
        ("quantize_output_tensor", ctypes.c_bool), ("only_copy", ctypes.c_bool), ("pure", ctypes.c_bool),
        ("keep_split", ctypes.c_bool), ("dry_run", ctypes.c_bool), ("imatrix", ctypes.c_void_p),
        ("kv_overrides", ctypes.c_void_p), ("tt_overrides", ctypes.c_void_p), ("prune_layers", ctypes.c_void_p),
        ("max_buf_size", ctypes.c_size_t),
    ]


def main():
    src, quant = sys.argv[1], sys.argv[2]
    bins = os.path.abspath(BINS)
    ggml = ctypes.CDLL(os.path.join(bins, "libggml.v0.5.0.so"), mode=ctypes.RTLD_GLOBAL)
    llama = ctypes.CDLL(os.path.join(bins, "libllama.v0.5.0.so"), mode=ctypes.RTLD_GLOBAL)
    ggml.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
    ggml.ggml_backend_load_all_from_path(bins.encode())
    llama.llama_backend_init()
    llama.llama_model_quantize_default_params.restype = QuantParams
    llama.llama_model_quantize.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(QuantParams)]
    llama.llama_model_quantize.restype = ctypes.c_uint32

    # llama.cpp logs to stderr by default: capture fd 2 into a temp file.
    log = tempfile.TemporaryFile()
    saved = os.dup(2)
    os.dup2(log.fileno(), 2)
    try:
        p = llama.llama_model_quantize_default_params()
        p.ftype = FTYPES[quant]
        p.dry_run = True
        p.nthread = 1
        rc = llama.llama_model_quantize(src.encode(), b"/dev/null", ctypes.byref(p))
    finally:
        os.dup2(saved, 2)
    log.seek(0)
    text = log.read().decode("utf-8", "replace")
    if rc != 0:
        sys.stderr.write(text[-4000:])
        sys.exit(f"llama_model_quantize failed rc={rc}")
    types = {}
    # "[  12/ 147]  blk.0.attn_q.weight - [ 2048,  2048, 1, 1], type = f16, size = ... -> ... MiB (q4_K)"
    # or "..., type = f32, size = 0.008 MiB" when the type stays.
    pat = re.compile(r"\[\s*\d+/\s*\d+\]\s+(\S+)\s+-\s+\[[^\]]*\],\s+type =\s+(\S+),\s+size =\s+[\d.]+ MiB(?: ->\s+[\d.]+ MiB \((\S+)\))?")
    for m in pat.finditer(text):
        types[m.group(1)] = m.group(3) or m.group(2)
    if not types:
        sys.stderr.write(text[-4000:])
        sys.exit("no tensor lines parsed")
    print(json.dumps(types))


if __name__ == "__main__":
    main()
