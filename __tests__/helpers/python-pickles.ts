import { execFileSync } from 'node:child_process';

/**
 * Writes model files with real Python into `dir` (relative paths): pickles whose payload calls `posix.system`
 * via `__reduce__` at protocols 0, 2, 4 and 5, a benign OrderedDict pickle, a torch-style zip
 * (`archive/data.pkl` + a storage member, built with zipfile: no torch needed) whose pickle also calls
 * posix.system, an object-dtype `.npy` written by hand (header + pickle), a safetensors file and a GGUF v3 header.
 */
export function writePythonModelFiles(dir: string): void {
  const script = String.raw`
import pickle, posix, zipfile, collections, json, struct, os
class Evil:
    def __reduce__(self):
        return (posix.system, ("echo pwned",))
os.makedirs("models", exist_ok=True)
for proto in (0, 2, 4, 5):
    with open(f"models/evil-p{proto}.pkl", "wb") as f:
        f.write(pickle.dumps(Evil(), protocol=proto))
with open("models/benign.pkl", "wb") as f:
    f.write(pickle.dumps(collections.OrderedDict(weight=[1.0, 2.0]), protocol=4))
with zipfile.ZipFile("models/evil-torch.pt", "w") as z:
    z.writestr("archive/data.pkl", pickle.dumps({"state": Evil()}, protocol=2))
    z.writestr("archive/data/0", b"\0" * 16)
    z.writestr("archive/version", "3\n")
payload = pickle.dumps([Evil()], protocol=3)
header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"
header = header + " " * (63 - (10 + len(header)) % 64) + "\n"
with open("models/objects.npy", "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1") + payload)
meta = json.dumps({"__metadata__": {"format": "pt"}, "w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}).encode()
with open("models/weights.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(meta)) + meta + b"\0" * 8)
def gguf_string(s):
    b = s.encode()
    return struct.pack("<Q", len(b)) + b
kv = gguf_string("general.architecture") + struct.pack("<I", 8) + gguf_string("llama")
kv += gguf_string("llama.context_length") + struct.pack("<I", 4) + struct.pack("<I", 4096)
kv += gguf_string("tokenizer.ggml.tokens") + struct.pack("<I", 9) + struct.pack("<I", 8) + struct.pack("<Q", 2) + gguf_string("a") + gguf_string("b")
kv += gguf_string("general.license") + struct.pack("<I", 8) + gguf_string("mit")
with open("models/tiny.gguf", "wb") as f:
    f.write(b"GGUF" + struct.pack("<I", 3) + struct.pack("<Q", 0) + struct.pack("<Q", 4) + kv)
`;
  execFileSync('python3', ['-c', script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}
