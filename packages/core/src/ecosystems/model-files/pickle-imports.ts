/**
 * Modules whose callables run commands, code, network or file operations when unpickling calls them. An import of
 * any name from these (or of the listed builtins) is `dangerous`.
 */
const DANGEROUS_MODULES = new Set([
  'os', 'posix', 'nt', 'subprocess', 'sys', 'runpy', 'webbrowser', 'socket', 'shutil', 'pty', 'commands',
  'importlib', 'imp', 'marshal', 'pickle', '_pickle', 'dill', 'code', 'codeop', 'pdb', 'ctypes', 'multiprocessing',
  'asyncio', 'http', 'httplib', 'urllib', 'urllib2', 'requests', 'ftplib', 'smtplib', 'telnetlib', 'platform',
  'tempfile', 'signal', 'threading', '_thread', 'types', 'operator', 'functools', 'bdb', 'timeit', 'cProfile',
  'profile', 'trace', 'site', 'zipimport', 'pip', 'setuptools', 'distutils', 'torch.hub', 'torch._dynamo',
  'torch.jit', 'numpy.testing', 'aiohttp', 'httpx', 'paramiko',
]);

/** Builtins that evaluate code, import modules, open files or reach arbitrary attributes. */
const DANGEROUS_BUILTINS = new Set([
  'eval', 'exec', 'compile', 'open', '__import__', 'getattr', 'setattr', 'delattr', 'globals', 'locals', 'vars',
  'breakpoint', 'input', 'apply', 'execfile', 'file', 'reload',
]);

/** Callables that model checkpoints need and that do nothing but rebuild data (PyTorch, NumPy, collections). */
const SAFE_CALLABLES = new Set([
  'collections.OrderedDict', 'collections.defaultdict', 'collections.Counter', 'collections.deque',
  'torch._utils._rebuild_tensor', 'torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter', 'torch._utils._rebuild_parameter_with_state', 'torch._utils._rebuild_sparse_tensor',
  'torch._utils._rebuild_qtensor', 'torch._utils._rebuild_device_tensor_from_numpy', 'torch._tensor._rebuild_from_type_v2',
  'torch.serialization._get_layout', 'torch.device', 'torch.Size', 'torch.dtype', 'torch.float32', 'torch.bfloat16',
  'torch.nn.parameter.Parameter', 'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar', 'numpy._core.multiarray.scalar', 'numpy.ndarray', 'numpy.dtype',
  'numpy.random._pickle.__randomstate_ctor', 'builtins.set', 'builtins.frozenset', 'builtins.slice', 'builtins.range',
  'builtins.complex', 'builtins.bytearray', 'builtins.bytes', 'builtins.dict', 'builtins.list', 'builtins.tuple',
  'builtins.int', 'builtins.float', 'builtins.str', 'builtins.bool', 'builtins.object', '__builtin__.set',
  '__builtin__.frozenset', '__builtin__.slice', '_codecs.encode', 'copy_reg._reconstructor', 'copyreg._reconstructor',
  'datetime.datetime', 'datetime.date', 'datetime.timedelta', 'decimal.Decimal', 'uuid.UUID', 'fractions.Fraction',
  'joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.utils._bunch.Bunch',
]);

/** Storage classes of torch checkpoints (`torch.FloatStorage`, ...). */
const TORCH_STORAGE = /^torch\.(?:[A-Za-z]+Storage|storage\.(?:Typed|Untyped)Storage)$/;

/** How dangerous unpickling `module.name` is. */
export function judgeImport(module: string, name: string): 'safe' | 'unknown' | 'dangerous' {
  const full = `${module}.${name}`;
  const root = module.split('.')[0] ?? module;
  if (module === 'builtins' || module === '__builtin__' || module === '__builtins__') {
    if (DANGEROUS_BUILTINS.has(name)) return 'dangerous';
  }
  if (DANGEROUS_MODULES.has(module) || DANGEROUS_MODULES.has(root)) return 'dangerous';
  for (const prefix of DANGEROUS_MODULES) if (module.startsWith(`${prefix}.`)) return 'dangerous';
  if (SAFE_CALLABLES.has(full) || TORCH_STORAGE.test(full)) return 'safe';
  return 'unknown';
}
