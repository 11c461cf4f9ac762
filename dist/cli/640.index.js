export const id = 640;
export const ids = [640];
export const modules = {

/***/ 546:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const cp = __webpack_require__(5317);
const parse = __webpack_require__(7877);
const enoent = __webpack_require__(6469);

function spawn(command, args, options) {
    // Parse the arguments
    const parsed = parse(command, args, options);

    // Spawn the child process
    const spawned = cp.spawn(parsed.command, parsed.args, parsed.options);

    // Hook into child process "exit" event to emit an error if the command
    // does not exists, see: https://github.com/IndigoUnited/node-cross-spawn/issues/16
    enoent.hookChildProcess(spawned, parsed);

    return spawned;
}

function spawnSync(command, args, options) {
    // Parse the arguments
    const parsed = parse(command, args, options);

    // Spawn the child process
    const result = cp.spawnSync(parsed.command, parsed.args, parsed.options);

    // Analyze if the command does not exist, see: https://github.com/IndigoUnited/node-cross-spawn/issues/16
    result.error = result.error || enoent.verifyENOENTSync(result.status, parsed);

    return result;
}

module.exports = spawn;
module.exports.spawn = spawn;
module.exports.sync = spawnSync;

module.exports._parse = parse;
module.exports._enoent = enoent;


/***/ }),

/***/ 6469:
/***/ ((module) => {



const isWin = process.platform === 'win32';

function notFoundError(original, syscall) {
    return Object.assign(new Error(`${syscall} ${original.command} ENOENT`), {
        code: 'ENOENT',
        errno: 'ENOENT',
        syscall: `${syscall} ${original.command}`,
        path: original.command,
        spawnargs: original.args,
    });
}

function hookChildProcess(cp, parsed) {
    if (!isWin) {
        return;
    }

    const originalEmit = cp.emit;

    cp.emit = function (name, arg1) {
        // If emitting "exit" event and exit code is 1, we need to check if
        // the command exists and emit an "error" instead
        // See https://github.com/IndigoUnited/node-cross-spawn/issues/16
        if (name === 'exit') {
            const err = verifyENOENT(arg1, parsed);

            if (err) {
                return originalEmit.call(cp, 'error', err);
            }
        }

        return originalEmit.apply(cp, arguments); // eslint-disable-line prefer-rest-params
    };
}

function verifyENOENT(status, parsed) {
    if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, 'spawn');
    }

    return null;
}

function verifyENOENTSync(status, parsed) {
    if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, 'spawnSync');
    }

    return null;
}

module.exports = {
    hookChildProcess,
    verifyENOENT,
    verifyENOENTSync,
    notFoundError,
};


/***/ }),

/***/ 7877:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const path = __webpack_require__(6928);
const resolveCommand = __webpack_require__(4866);
const escape = __webpack_require__(2164);
const readShebang = __webpack_require__(599);

const isWin = process.platform === 'win32';
const isExecutableRegExp = /\.(?:com|exe)$/i;
const isCmdShimRegExp = /node_modules[\\/].bin[\\/][^\\/]+\.cmd$/i;

function detectShebang(parsed) {
    parsed.file = resolveCommand(parsed);

    const shebang = parsed.file && readShebang(parsed.file);

    if (shebang) {
        parsed.args.unshift(parsed.file);
        parsed.command = shebang;

        return resolveCommand(parsed);
    }

    return parsed.file;
}

function parseNonShell(parsed) {
    if (!isWin) {
        return parsed;
    }

    // Detect & add support for shebangs
    const commandFile = detectShebang(parsed);

    // We don't need a shell if the command filename is an executable
    const needsShell = !isExecutableRegExp.test(commandFile);

    // If a shell is required, use cmd.exe and take care of escaping everything correctly
    // Note that `forceShell` is an hidden option used only in tests
    if (parsed.options.forceShell || needsShell) {
        // Need to double escape meta chars if the command is a cmd-shim located in `node_modules/.bin/`
        // The cmd-shim simply calls execute the package bin file with NodeJS, proxying any argument
        // Because the escape of metachars with ^ gets interpreted when the cmd.exe is first called,
        // we need to double escape them
        const needsDoubleEscapeMetaChars = isCmdShimRegExp.test(commandFile);

        // Normalize posix paths into OS compatible paths (e.g.: foo/bar -> foo\bar)
        // This is necessary otherwise it will always fail with ENOENT in those cases
        parsed.command = path.normalize(parsed.command);

        // Escape command & arguments
        parsed.command = escape.command(parsed.command);
        parsed.args = parsed.args.map((arg) => escape.argument(arg, needsDoubleEscapeMetaChars));

        const shellCommand = [parsed.command].concat(parsed.args).join(' ');

        parsed.args = ['/d', '/s', '/c', `"${shellCommand}"`];
        parsed.command = process.env.comspec || 'cmd.exe';
        parsed.options.windowsVerbatimArguments = true; // Tell node's spawn that the arguments are already escaped
    }

    return parsed;
}

function parse(command, args, options) {
    // Normalize arguments, similar to nodejs
    if (args && !Array.isArray(args)) {
        options = args;
        args = null;
    }

    args = args ? args.slice(0) : []; // Clone array to avoid changing the original
    options = Object.assign({}, options); // Clone object to avoid changing the original

    // Build our parsed object
    const parsed = {
        command,
        args,
        options,
        file: undefined,
        original: {
            command,
            args,
        },
    };

    // Delegate further parsing to shell or non-shell
    return options.shell ? parsed : parseNonShell(parsed);
}

module.exports = parse;


/***/ }),

/***/ 2164:
/***/ ((module) => {



// See http://www.robvanderwoude.com/escapechars.php
const metaCharsRegExp = /([()\][%!^"`<>&|;, *?])/g;

function escapeCommand(arg) {
    // Escape meta chars
    arg = arg.replace(metaCharsRegExp, '^$1');

    return arg;
}

function escapeArgument(arg, doubleEscapeMetaChars) {
    // Convert to string
    arg = `${arg}`;

    // Algorithm below is based on https://qntm.org/cmd
    // It's slightly altered to disable JS backtracking to avoid hanging on specially crafted input
    // Please see https://github.com/moxystudio/node-cross-spawn/pull/160 for more information

    // Sequence of backslashes followed by a double quote:
    // double up all the backslashes and escape the double quote
    arg = arg.replace(/(?=(\\+?)?)\1"/g, '$1$1\\"');

    // Sequence of backslashes followed by the end of the string
    // (which will become a double quote later):
    // double up all the backslashes
    arg = arg.replace(/(?=(\\+?)?)\1$/, '$1$1');

    // All other backslashes occur literally

    // Quote the whole thing:
    arg = `"${arg}"`;

    // Escape meta chars
    arg = arg.replace(metaCharsRegExp, '^$1');

    // Double escape meta chars if necessary
    if (doubleEscapeMetaChars) {
        arg = arg.replace(metaCharsRegExp, '^$1');
    }

    return arg;
}

module.exports.command = escapeCommand;
module.exports.argument = escapeArgument;


/***/ }),

/***/ 599:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const fs = __webpack_require__(9896);
const shebangCommand = __webpack_require__(9152);

function readShebang(command) {
    // Read the first 150 bytes from the file
    const size = 150;
    const buffer = Buffer.alloc(size);

    let fd;

    try {
        fd = fs.openSync(command, 'r');
        fs.readSync(fd, buffer, 0, size, 0);
        fs.closeSync(fd);
    } catch (e) { /* Empty */ }

    // Attempt to extract shebang (null is returned if not a shebang)
    return shebangCommand(buffer.toString());
}

module.exports = readShebang;


/***/ }),

/***/ 4866:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const path = __webpack_require__(6928);
const which = __webpack_require__(6848);
const getPathKey = __webpack_require__(6689);

function resolveCommandAttempt(parsed, withoutPathExt) {
    const env = parsed.options.env || process.env;
    const cwd = process.cwd();
    const hasCustomCwd = parsed.options.cwd != null;
    // Worker threads do not have process.chdir()
    const shouldSwitchCwd = hasCustomCwd && process.chdir !== undefined && !process.chdir.disabled;

    // If a custom `cwd` was specified, we need to change the process cwd
    // because `which` will do stat calls but does not support a custom cwd
    if (shouldSwitchCwd) {
        try {
            process.chdir(parsed.options.cwd);
        } catch (err) {
            /* Empty */
        }
    }

    let resolved;

    try {
        resolved = which.sync(parsed.command, {
            path: env[getPathKey({ env })],
            pathExt: withoutPathExt ? path.delimiter : undefined,
        });
    } catch (e) {
        /* Empty */
    } finally {
        if (shouldSwitchCwd) {
            process.chdir(cwd);
        }
    }

    // If we successfully resolved, ensure that an absolute path is returned
    // Note that when a custom `cwd` was used, we need to resolve to an absolute path based on it
    if (resolved) {
        resolved = path.resolve(hasCustomCwd ? parsed.options.cwd : '', resolved);
    }

    return resolved;
}

function resolveCommand(parsed) {
    return resolveCommandAttempt(parsed) || resolveCommandAttempt(parsed, true);
}

module.exports = resolveCommand;


/***/ }),

/***/ 2940:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var fs = __webpack_require__(9896)
var core
if (process.platform === 'win32' || global.TESTING_WINDOWS) {
  core = __webpack_require__(9225)
} else {
  core = __webpack_require__(1025)
}

module.exports = isexe
isexe.sync = sync

function isexe (path, options, cb) {
  if (typeof options === 'function') {
    cb = options
    options = {}
  }

  if (!cb) {
    if (typeof Promise !== 'function') {
      throw new TypeError('callback not provided')
    }

    return new Promise(function (resolve, reject) {
      isexe(path, options || {}, function (er, is) {
        if (er) {
          reject(er)
        } else {
          resolve(is)
        }
      })
    })
  }

  core(path, options || {}, function (er, is) {
    // ignore EACCES because that just means we aren't allowed to run it
    if (er) {
      if (er.code === 'EACCES' || options && options.ignoreErrors) {
        er = null
        is = false
      }
    }
    cb(er, is)
  })
}

function sync (path, options) {
  // my kingdom for a filtered catch
  try {
    return core.sync(path, options || {})
  } catch (er) {
    if (options && options.ignoreErrors || er.code === 'EACCES') {
      return false
    } else {
      throw er
    }
  }
}


/***/ }),

/***/ 1025:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = isexe
isexe.sync = sync

var fs = __webpack_require__(9896)

function isexe (path, options, cb) {
  fs.stat(path, function (er, stat) {
    cb(er, er ? false : checkStat(stat, options))
  })
}

function sync (path, options) {
  return checkStat(fs.statSync(path), options)
}

function checkStat (stat, options) {
  return stat.isFile() && checkMode(stat, options)
}

function checkMode (stat, options) {
  var mod = stat.mode
  var uid = stat.uid
  var gid = stat.gid

  var myUid = options.uid !== undefined ?
    options.uid : process.getuid && process.getuid()
  var myGid = options.gid !== undefined ?
    options.gid : process.getgid && process.getgid()

  var u = parseInt('100', 8)
  var g = parseInt('010', 8)
  var o = parseInt('001', 8)
  var ug = u | g

  var ret = (mod & o) ||
    (mod & g) && gid === myGid ||
    (mod & u) && uid === myUid ||
    (mod & ug) && myUid === 0

  return ret
}


/***/ }),

/***/ 9225:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = isexe
isexe.sync = sync

var fs = __webpack_require__(9896)

function checkPathExt (path, options) {
  var pathext = options.pathExt !== undefined ?
    options.pathExt : process.env.PATHEXT

  if (!pathext) {
    return true
  }

  pathext = pathext.split(';')
  if (pathext.indexOf('') !== -1) {
    return true
  }
  for (var i = 0; i < pathext.length; i++) {
    var p = pathext[i].toLowerCase()
    if (p && path.substr(-p.length).toLowerCase() === p) {
      return true
    }
  }
  return false
}

function checkStat (stat, path, options) {
  if (!stat.isSymbolicLink() && !stat.isFile()) {
    return false
  }
  return checkPathExt(path, options)
}

function isexe (path, options, cb) {
  fs.stat(path, function (er, stat) {
    cb(er, er ? false : checkStat(stat, path, options))
  })
}

function sync (path, options) {
  return checkStat(fs.statSync(path), path, options)
}


/***/ }),

/***/ 6689:
/***/ ((module) => {



const pathKey = (options = {}) => {
	const environment = options.env || process.env;
	const platform = options.platform || process.platform;

	if (platform !== 'win32') {
		return 'PATH';
	}

	return Object.keys(environment).reverse().find(key => key.toUpperCase() === 'PATH') || 'Path';
};

module.exports = pathKey;
// TODO: Remove this for the next major release
module.exports["default"] = pathKey;


/***/ }),

/***/ 9152:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


const shebangRegex = __webpack_require__(7334);

module.exports = (string = '') => {
	const match = string.match(shebangRegex);

	if (!match) {
		return null;
	}

	const [path, argument] = match[0].replace(/#! ?/, '').split(' ');
	const binary = path.split('/').pop();

	if (binary === 'env') {
		return argument;
	}

	return argument ? `${binary} ${argument}` : binary;
};


/***/ }),

/***/ 7334:
/***/ ((module) => {


module.exports = /^#!(.*)/;


/***/ }),

/***/ 6848:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const isWindows = process.platform === 'win32' ||
    process.env.OSTYPE === 'cygwin' ||
    process.env.OSTYPE === 'msys'

const path = __webpack_require__(6928)
const COLON = isWindows ? ';' : ':'
const isexe = __webpack_require__(2940)

const getNotFoundError = (cmd) =>
  Object.assign(new Error(`not found: ${cmd}`), { code: 'ENOENT' })

const getPathInfo = (cmd, opt) => {
  const colon = opt.colon || COLON

  // If it has a slash, then we don't bother searching the pathenv.
  // just check the file itself, and that's it.
  const pathEnv = cmd.match(/\//) || isWindows && cmd.match(/\\/) ? ['']
    : (
      [
        // windows always checks the cwd first
        ...(isWindows ? [process.cwd()] : []),
        ...(opt.path || process.env.PATH ||
          /* istanbul ignore next: very unusual */ '').split(colon),
      ]
    )
  const pathExtExe = isWindows
    ? opt.pathExt || process.env.PATHEXT || '.EXE;.CMD;.BAT;.COM'
    : ''
  const pathExt = isWindows ? pathExtExe.split(colon) : ['']

  if (isWindows) {
    if (cmd.indexOf('.') !== -1 && pathExt[0] !== '')
      pathExt.unshift('')
  }

  return {
    pathEnv,
    pathExt,
    pathExtExe,
  }
}

const which = (cmd, opt, cb) => {
  if (typeof opt === 'function') {
    cb = opt
    opt = {}
  }
  if (!opt)
    opt = {}

  const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt)
  const found = []

  const step = i => new Promise((resolve, reject) => {
    if (i === pathEnv.length)
      return opt.all && found.length ? resolve(found)
        : reject(getNotFoundError(cmd))

    const ppRaw = pathEnv[i]
    const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw

    const pCmd = path.join(pathPart, cmd)
    const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd
      : pCmd

    resolve(subStep(p, i, 0))
  })

  const subStep = (p, i, ii) => new Promise((resolve, reject) => {
    if (ii === pathExt.length)
      return resolve(step(i + 1))
    const ext = pathExt[ii]
    isexe(p + ext, { pathExt: pathExtExe }, (er, is) => {
      if (!er && is) {
        if (opt.all)
          found.push(p + ext)
        else
          return resolve(p + ext)
      }
      return resolve(subStep(p, i, ii + 1))
    })
  })

  return cb ? step(0).then(res => cb(null, res), cb) : step(0)
}

const whichSync = (cmd, opt) => {
  opt = opt || {}

  const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt)
  const found = []

  for (let i = 0; i < pathEnv.length; i ++) {
    const ppRaw = pathEnv[i]
    const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw

    const pCmd = path.join(pathPart, cmd)
    const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd
      : pCmd

    for (let j = 0; j < pathExt.length; j ++) {
      const cur = p + pathExt[j]
      try {
        const is = isexe.sync(cur, { pathExt: pathExtExe })
        if (is) {
          if (opt.all)
            found.push(cur)
          else
            return cur
        }
      } catch (ex) {}
    }
  }

  if (opt.all && found.length)
    return found

  if (opt.nothrow)
    return null

  throw getNotFoundError(cmd)
}

module.exports = which
which.sync = whichSync


/***/ }),

/***/ 1640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runExec: () => (/* binding */ runExec)
});

// EXTERNAL MODULE: ./node_modules/cross-spawn/index.js
var cross_spawn = __webpack_require__(546);
var cross_spawn_default = /*#__PURE__*/__webpack_require__.n(cross_spawn);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/actions/index.ts
var actions = __webpack_require__(79);
// EXTERNAL MODULE: ./src/platform/process/runner.ts + 2 modules
var runner = __webpack_require__(8996);
// EXTERNAL MODULE: ./src/platform/run-action.ts
var run_action = __webpack_require__(2313);
// EXTERNAL MODULE: ./src/guard/hooks.ts + 1 modules
var hooks = __webpack_require__(9365);
// EXTERNAL MODULE: ./src/actions/args.ts
var actions_args = __webpack_require__(3354);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
// EXTERNAL MODULE: ./src/core/forms.ts
var core_forms = __webpack_require__(1720);
// EXTERNAL MODULE: ./src/kernels/form-matcher.ts
var form_matcher = __webpack_require__(3133);
;// CONCATENATED MODULE: ./src/actions/exec/redact.ts
/**
 * Streaming redaction of a child process's output (`pipeline-secrets exec`).
 * Works on bytes, so a secret split across chunks, or a multi-byte character split across
 * chunks, is handled the same way; a secret split by terminal escape sequences or NUL bytes
 * is redacted whole (kernels/form-matcher.ts). Text is released as soon as it cannot be the
 * start of a secret: only a tail that could still grow into a form (or an escape sequence
 * not yet complete) is held back. The result is what Masker.redact() gives for the whole
 * output at once, however the output is split.
 */




const REDACTED_BYTES = Buffer.from(mask/* REDACTED */.XF);
/** The byte forms (latin1 strings of their UTF-8) of every form core/forms.ts gives each value. */
function byteForms(values) {
    const out = new Set();
    for (const v of values)
        for (const f of (0,core_forms/* forms */.uO)(v))
            out.add(Buffer.from(f.text, 'utf8').toString('latin1'));
    return [...out];
}
/** stdout and stderr redactors built from one byteForms() array share one matcher */
const matchers = new WeakMap();
function matcherFor(forms) {
    let m = matchers.get(forms);
    if (!m) {
        m = new form_matcher/* FormMatcher */.Zl(forms.map((f) => Buffer.from(f, 'latin1')));
        matchers.set(forms, m);
    }
    return m;
}
class StreamRedactor {
    emit;
    pending = Buffer.alloc(0);
    matcher;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    /** `forms` from byteForms(); `emit` receives redacted UTF-8 text. */
    constructor(forms, emit) {
        this.emit = emit;
        this.matcher = matcherFor(forms);
    }
    write(chunk) {
        this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
        this.process(false);
    }
    /** End of the stream: releases what was held back. */
    end() {
        this.process(true);
        const rest = this.decoder.end();
        if (rest)
            this.emit(rest);
    }
    process(final) {
        const buf = this.pending;
        const { regions, hold } = this.matcher.scan(buf, final);
        const out = (0,form_matcher/* replaceRegions */.cj)(buf, regions, hold, REDACTED_BYTES);
        // a copy, so a small held tail does not keep a large chunk alive
        this.pending = hold < buf.length ? Buffer.from(buf.subarray(hold)) : Buffer.alloc(0);
        if (out.length) {
            const text = this.decoder.write(out);
            if (text)
                this.emit(text);
        }
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/parse.ts
var parse = __webpack_require__(1896);
;// CONCATENATED MODULE: ./src/actions/exec/env-file.ts
/**
 * Reads the env file the CLI writes with `--export-file` (`export NAME='value'` lines, single
 * quotes with '\'' for a quote, values may span lines) and plain dotenv lines (`NAME=value`,
 * `NAME="value"`). Errors name the line, never a value.
 */


function parseEnvFile(text, file) {
    const out = new Map();
    let i = 0;
    let line = 1;
    const fail = (why) => {
        throw new errors/* UserError */.yo('export-file', `${file} line ${line}: ${why}`);
    };
    while (i < text.length) {
        // skip blank lines and comments
        const c = text[i];
        if (c === '\n') {
            line++;
            i++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r') {
            i++;
            continue;
        }
        if (c === '#') {
            while (i < text.length && text[i] !== '\n')
                i++;
            continue;
        }
        if (text.startsWith('export ', i))
            i += 7;
        const eq = text.indexOf('=', i);
        if (eq < 0)
            fail('expected NAME=value');
        const name = text.slice(i, eq).trim();
        if (!(0,parse/* isEnvName */.Xc)(name))
            fail('not a variable name before "="');
        i = eq + 1;
        let value = '';
        const startLine = line;
        // a value is a run of quoted and unquoted pieces up to an unquoted newline
        while (i < text.length && text[i] !== '\n') {
            const ch = text[i];
            if (ch === "'") {
                const end = text.indexOf("'", i + 1);
                if (end < 0) {
                    line = startLine;
                    fail('unterminated single quote');
                }
                const piece = text.slice(i + 1, end);
                line += piece.split('\n').length - 1;
                value += piece;
                i = end + 1;
            }
            else if (ch === '"') {
                let j = i + 1;
                let piece = '';
                while (j < text.length && text[j] !== '"') {
                    if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1] ?? '')) {
                        if (text[j + 1] !== '\n')
                            piece += text[j + 1];
                        j += 2;
                    }
                    else {
                        piece += text[j];
                        j++;
                    }
                }
                if (j >= text.length) {
                    line = startLine;
                    fail('unterminated double quote');
                }
                line += text.slice(i, j).split('\n').length - 1;
                value += piece;
                i = j + 1;
            }
            else if (ch === '\\' && i + 1 < text.length) {
                value += text[i + 1];
                i += 2;
            }
            else if (ch === '\r' && text[i + 1] === '\n') {
                i++;
            }
            else {
                value += ch;
                i++;
            }
        }
        out.set(name, value);
    }
    return out;
}

// EXTERNAL MODULE: ./src/platform/temp-dir.ts
var temp_dir = __webpack_require__(2308);
;// CONCATENATED MODULE: ./src/actions/exec/secret-files.ts
/**
 * Secret files for `pipeline-secrets exec`: a variable whose value is the path of a file the
 * actions wrote (fetch-secrets' `file:`, `dotenv:` and `json:` sinks, a credentials profile)
 * names a secret too, and so does every value inside the file: each dotenv value (as a shell
 * sourcing the file reads it and as dotenv libraries read it), each JSON leaf, each line.
 *
 * Which paths are read (anything else is left alone, with a warning naming the variable and
 * never the path): a path without "." or ".." segments (absolute, or relative to the cwd
 * exec and the command share; relative ones are passed over silently), of a regular file (not a
 * symlink, FIFO, socket or device), at most 1 MiB, inside one of the private temp dirs the
 * actions write to (platform/temp-dir.ts): the default one ($TMPDIR/pipeline-secrets-job-$CI_JOB_ID or
 * -user-UID, $RUNNER_TEMP/pipeline-secrets), $PIPELINE_SECRETS_TEMP_DIR, a --temp-dir given
 * to exec or to its --with action, or any directory named pipeline-secrets-*. On POSIX the
 * file and that directory must be owned by this user and closed to group and others (the
 * actions create them 0600 and 0700). The file is opened with O_NOFOLLOW | O_NONBLOCK and
 * checked again on the open descriptor (same inode, still a private regular file), so a file
 * swapped for a symlink or a FIFO after the first look is not read and cannot block exec.
 * Reading only registers values for redaction: nothing read is ever printed.
 */





const SECRET_FILE_MAX_BYTES = 1024 * 1024;
const MAX_PATH = 4096;
/** The directories whose files exec reads as secret files (besides any named pipeline-secrets-*). */
function secretFileRoots(env, given) {
    const roots = [...given];
    if (env['PIPELINE_SECRETS_TEMP_DIR'])
        roots.push(env['PIPELINE_SECRETS_TEMP_DIR']);
    // as ProcessRunner.tempDir() and GitHubRunner.tempDir() resolve them (without creating them)
    roots.push(...(0,temp_dir/* defaultTempDirs */.mw)(env));
    return [...new Set(roots.filter((r) => r !== '').map((r) => (0,external_node_path_.resolve)(r)))];
}
const OUTSIDE_ROOTS = "a file outside the directories exec reads secret files from (the actions' temp dir, $PIPELINE_SECRETS_TEMP_DIR, --temp-dir)";
const posix = process.platform !== 'win32';
const uid = process.getuid?.();
/** Owner-only and ours (POSIX); on Windows mode bits say nothing (the actions set an owner-only ACL). */
function private_(st) {
    if (!posix)
        return true;
    return (st.mode & 0o077) === 0 && (uid === undefined || st.uid === uid);
}
function errCode(err) {
    return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'error';
}
function inside(child, dir) {
    const rel = (0,external_node_path_.relative)(dir, child);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel);
}
function privateDir(path) {
    try {
        const st = (0,external_node_fs_.lstatSync)(path);
        return st.isDirectory() && private_(st);
    }
    catch {
        return false;
    }
}
class SecretFileReader {
    /** the roots' real paths, those that exist and are private directories */
    roots = [];
    constructor(roots) {
        for (const r of roots) {
            try {
                const real = (0,external_node_fs_.realpathSync)(r);
                if (privateDir(real))
                    this.roots.push(real);
            }
            catch {
                // a root that does not exist holds no file
            }
        }
    }
    /** Is the real path `real` inside a root, or inside a private directory named pipeline-secrets-*? */
    allowed(real) {
        if (this.roots.some((r) => inside(real, r)))
            return true;
        for (let d = (0,external_node_path_.dirname)(real); d !== (0,external_node_path_.dirname)(d); d = (0,external_node_path_.dirname)(d)) {
            if ((0,external_node_path_.basename)(d).startsWith('pipeline-secrets-') && privateDir(d))
                return true;
        }
        return false;
    }
    read(value) {
        if (value.length > MAX_PATH || /[\0\r\n]/.test(value))
            return { read: false };
        // a relative path (`--temp-dir .secrets` makes them) is the command's too: it runs in this cwd.
        // Any word could name a file in the cwd, so a relative path is read or passed over silently.
        if (!(0,external_node_path_.isAbsolute)(value)) {
            if (!/[\\/]/.test(value))
                return { read: false };
            const f = this.readAbsolute((0,external_node_path_.resolve)(value), value);
            return f.read ? f : { read: false };
        }
        return this.readAbsolute(value, value);
    }
    readAbsolute(value, given) {
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(value);
        }
        catch {
            return { read: false };
        }
        if (st.isDirectory())
            return { read: false };
        if (st.isSymbolicLink())
            return { read: false, why: 'it is a symbolic link' };
        if (!st.isFile())
            return { read: false, why: 'it is not a regular file (a device, FIFO or socket)' };
        if (given.split(/[\\/]/).some((s) => s === '.' || s === '..'))
            return { read: false, why: 'its path has "." or ".." in it' };
        let real;
        try {
            real = (0,external_node_fs_.realpathSync)(value);
        }
        catch (err) {
            return { read: false, why: `it cannot be read (${errCode(err)})` };
        }
        if (!this.allowed(real))
            return { read: false, why: OUTSIDE_ROOTS };
        if (!private_(st))
            return { read: false, why: 'it is not owner-only (0600, owned by this user)' };
        if (st.size > SECRET_FILE_MAX_BYTES)
            return { read: false, why: 'it is larger than 1 MiB' };
        let fd;
        try {
            // O_NONBLOCK: a FIFO swapped in after lstat cannot block the open
            fd = (0,external_node_fs_.openSync)(real, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0));
        }
        catch (err) {
            return { read: false, why: `it cannot be read (${errCode(err)})` };
        }
        try {
            const fst = (0,external_node_fs_.fstatSync)(fd);
            if (!fst.isFile() || fst.ino !== st.ino || fst.dev !== st.dev || !private_(fst))
                return { read: false, why: 'it changed while it was opened' };
            if (fst.size > SECRET_FILE_MAX_BYTES)
                return { read: false, why: 'it is larger than 1 MiB' };
            const buf = Buffer.alloc(SECRET_FILE_MAX_BYTES + 1);
            let n = 0;
            for (let k = 1; k > 0 && n < buf.length; n += k)
                k = (0,external_node_fs_.readSync)(fd, buf, n, buf.length - n, null);
            if (n > SECRET_FILE_MAX_BYTES)
                return { read: false, why: 'it is larger than 1 MiB' };
            return { read: true, text: buf.subarray(0, n).toString('utf8'), id: real };
        }
        catch (err) {
            return { read: false, why: `it cannot be read (${errCode(err)})` };
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}
function lines(v) {
    return /[\r\n]/.test(v) ? v.split(/\r?\n|\r/) : [];
}
/** A value with its lines (each line silently: a short line is a fragment, not a value). */
function withLines(out, value, key, warn) {
    out.push({ value, key, warn });
    for (const l of lines(value))
        out.push({ value: l, key, warn: false });
}
/**
 * The leaves of a JSON value: strings, and numbers as their text (a PIN is a number);
 * booleans and null carry no secret (masking every "true" would garble the log and hide nothing).
 */
function jsonLeaves(root) {
    const out = [];
    // iterative: a deeply nested file must not overflow the stack
    const stack = [{ v: root, path: '' }];
    while (stack.length) {
        const { v, path } = stack.pop() ?? { v: undefined, path: '' };
        if (typeof v === 'string')
            out.push({ key: path, value: v, isString: true });
        else if (typeof v === 'number' && Number.isFinite(v))
            out.push({ key: path, value: String(v), isString: false });
        else if (Array.isArray(v))
            for (let i = v.length - 1; i >= 0; i--)
                stack.push({ v: v[i], path: `${path}[${i}]` });
        else if ((0,json/* isObject */.Gv)(v)) {
            const entries = Object.entries(v);
            for (let i = entries.length - 1; i >= 0; i--) {
                const [k, x] = entries[i] ?? ['', undefined];
                stack.push({ v: x, path: path ? `${path}.${k}` : k });
            }
        }
    }
    return out;
}
/** The JSON value of `text` when it is a JSON object or array, else undefined (never throws). */
function parseJsonContainer(text) {
    const t = text.trimStart();
    if (!t.startsWith('{') && !t.startsWith('['))
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        // the parser's message quotes the text: never shown
        return undefined;
    }
}
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*?)\r?$/;
/** Every non-blank, non-comment line is NAME=value (the shape fetch-secrets' dotenv sink writes). */
function looksLikeDotenv(text) {
    let any = false;
    for (const line of text.split('\n')) {
        const t = line.trim();
        if (t === '' || t.startsWith('#'))
            continue;
        if (!ASSIGNMENT.test(line))
            return false;
        any = true;
    }
    return any;
}
/**
 * The values of a dotenv file as its readers get them: dotenv libraries ("..." with \n \r \t \\ \"
 * \$ escapes, or with only \n and \r expanded as npm's dotenv does; '...' literal; a value may
 * span lines inside quotes), a POSIX shell sourcing it (parseEnvFile: inside "..." only \" \\ \$ \`
 * are escapes, so \n stays a backslash and an n), and the raw text between the quotes.
 * Key -> values, the first one a dotenv library's reading.
 */
function dotenvValues(text) {
    const out = new Map();
    const add = (k, v) => {
        const list = out.get(k) ?? [];
        if (!list.includes(v))
            list.push(v);
        out.set(k, list);
    };
    let i = 0;
    while (i < text.length) {
        const nl = text.indexOf('\n', i);
        const end = nl < 0 ? text.length : nl;
        const m = ASSIGNMENT.exec(text.slice(i, end));
        if (!m) {
            i = end + 1;
            continue;
        }
        const key = m[1] ?? '';
        const rest = m[2] ?? '';
        const q = rest.charAt(0);
        if (q === '"' || q === "'" || q === '`') {
            const start = i + text.slice(i, end).indexOf(rest) + 1;
            let j = start;
            while (j < text.length && text[j] !== q)
                j += q === '"' && text[j] === '\\' ? 2 : 1;
            if (j >= text.length) {
                add(key, rest.slice(1));
                i = end + 1;
                continue;
            }
            const inner = text.slice(start, j);
            if (q === '"') {
                add(key, inner.replace(/\\([\s\S])/g, (_s, c) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c)));
                add(key, inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r'));
            }
            add(key, inner);
            const after = text.indexOf('\n', j);
            i = after < 0 ? text.length : after + 1;
        }
        else {
            // an unquoted value ends at a " #" comment (a two-character search: no backtracking over a long run of blanks)
            const c = rest.search(/[ \t]#/);
            add(key, (c >= 0 ? rest.slice(0, c) : rest).trim());
            i = end + 1;
        }
    }
    try {
        for (const [k, v] of parseEnvFile(text, ''))
            add(k, v);
    }
    catch {
        // not in the shell's syntax: the readings above stand
    }
    return out;
}
/**
 * Every value inside a secret file: the whole text and its lines (as before), each dotenv value
 * (when the file is named *.env or shaped like one) and each JSON leaf (when it parses as JSON).
 */
function valuesInFile(text, path) {
    const out = [];
    const json = parseJsonContainer(text);
    const dotenv = json === undefined && (path.endsWith('.env') || looksLikeDotenv(text));
    // a structured file's whole text is no value a reader gets: no warning for it
    withLines(out, text, undefined, json === undefined && !dotenv);
    if (json !== undefined) {
        for (const leaf of jsonLeaves(json))
            if (!BOOLEAN.test(leaf.value))
                withLines(out, leaf.value, leaf.key, leaf.isString);
    }
    else if (dotenv) {
        // dotenv has no types: "true" is a JSON boolean written out, a number is warned about as JSON's are not
        for (const [key, values] of dotenvValues(text)) {
            values.forEach((v, n) => {
                if (!BOOLEAN.test(v))
                    withLines(out, v, key, n === 0 && !NUMBER.test(v));
            });
        }
    }
    return out;
}
/** Field values that carry no secret: masking every "true" in the log would garble it and hide nothing. */
const BOOLEAN = /^(?:true|false)$/i;
const NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;

;// CONCATENATED MODULE: ./src/actions/exec/args.ts
/**
 * `pipeline-secrets exec`'s flags (its spec): --export-file, --redact-env, --temp-dir and
 * --with ACTION [ACTION flags], then `--` and the command. Bad usage throws a UsageError.
 */


const EXEC_HELP = [
    'pipeline-secrets exec: run a command with secrets in its environment, redacted from its output',
    '',
    'Usage: pipeline-secrets exec [--export-file F] [--redact-env NAME[,NAME]] [--with ACTION [ACTION flags]] -- COMMAND [ARGS...]',
    '',
    '  --export-file F     variables to pass to COMMAND and redact (the file `--export-file` of an action wrote;',
    '                      default $PIPELINE_SECRETS_ENV_FILE when that file exists)',
    '  --redact-env NAMES  also redact the values of these variables of the environment',
    '                      (comma or space separated; default $PIPELINE_SECRETS_REDACT_VARS)',
    '  --temp-dir D        also read secret files under D (the --temp-dir the action that wrote them was given;',
    "                      $PIPELINE_SECRETS_TEMP_DIR and the actions' default temp dir are always read)",
    '  --with ACTION       run ACTION first in this process (e.g. fetch-secrets); its exported variables go',
    '                      to COMMAND only, and its cleanup (revoke, delete files) runs after COMMAND',
    '',
    'A variable holding the path of a secret file the actions wrote (file:, dotenv:, json: sinks) also has',
    'the values inside it redacted: the whole text, each line, each dotenv value, each JSON leaf (strings,',
    "numbers). Only private (0600, 1 MiB at most) regular files in the actions' temp dirs are read, never",
    'symlinks, FIFOs or devices; a value too short to redact is named (variable and key) in a warning.',
    '',
    "No shell is involved: use `-- sh -c '...'` to ask for one. COMMAND's exit code is passed through.",
].join('\n');
function parseExecArgs(args) {
    const dash = args.indexOf('--');
    if (dash < 0)
        throw new actions_args/* UsageError */.eb('exec needs `--` before the command: pipeline-secrets exec [flags] -- COMMAND [ARGS...]');
    const flags = args.slice(0, dash);
    const command = args.slice(dash + 1);
    if (command.length === 0 || !command[0])
        throw new actions_args/* UsageError */.eb('exec needs a command after `--`');
    const out = { redactEnv: [], tempDirs: [], command };
    for (let i = 0; i < flags.length; i++) {
        const raw = flags[i] ?? '';
        const eq = raw.indexOf('=');
        const name = eq >= 0 ? raw.slice(0, eq) : raw;
        const value = () => {
            if (eq >= 0)
                return raw.slice(eq + 1);
            const next = flags[i + 1];
            if (next === undefined || next.startsWith('--'))
                throw new actions_args/* UsageError */.eb(`${name} needs a value`);
            i++;
            return next;
        };
        if (name === '--export-file')
            out.envFile = value();
        else if (name === '--redact-env')
            out.redactEnv.push(...splitNames(value()));
        else if (name === '--temp-dir')
            out.tempDirs.push(value());
        else if (name === '--with') {
            const action = value();
            out.withAction = { name: actions/* aliases */.z2[action] ?? action, args: flags.slice(i + 1) };
            break;
        }
        else
            throw new actions_args/* UsageError */.eb(`unknown flag ${name} for exec (see pipeline-secrets exec --help)`);
    }
    return out;
}
/** NAMES of --redact-env and $PIPELINE_SECRETS_REDACT_VARS: comma or space separated. */
function splitNames(s) {
    return s.split(/[\s,]+/).filter(Boolean);
}

;// CONCATENATED MODULE: ./src/actions/exec/secrets.ts
/**
 * The secrets exec passes to the command and redacts from its output: the variables of an env
 * file, named variables of the environment and the CI systems' own secret variables, each with
 * the leaves of a JSON value and the values inside the secret file it names (secret-files.ts).
 */






/** Variables CI systems keep secret: redacted whenever they are set. */
const CI_SECRET_VARS = [
    'CI_JOB_TOKEN',
    'CI_JOB_JWT',
    'CI_JOB_JWT_V2',
    'CI_REGISTRY_PASSWORD',
    'CI_DEPLOY_PASSWORD',
    'CI_DEPENDENCY_PROXY_PASSWORD',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
];
/** The masker failed (not a refusal): exec fails closed, naming the secret and the error's kind (its message might quote a value). */
function notRegistered(what, err) {
    return new Error(`${what} could not be registered for redaction (${err instanceof Error ? err.name : 'error'}): the command was not run`);
}
/**
 * The secrets exec redacts: values as given, the values inside the secret files variables
 * name, the leaves of JSON values. Registering with a Masker is the length check; a value
 * too short to redact is named in one warning (variable and key, never the value).
 */
class Collector {
    values;
    warn;
    // forms too short to redact (e.g. inside longer base64 text) are said once per secret
    masker = new mask/* Masker */.GX({ warn: (m) => this.once(`warning: ${m}`) });
    warned = new Set();
    seenFiles = new Set();
    files;
    constructor(values, roots, warn) {
        this.values = values;
        this.warn = warn;
        this.files = new SecretFileReader(roots);
    }
    once(message) {
        if (this.warned.has(message))
            return;
        this.warned.add(message);
        this.warn(message);
    }
    /** A value as given: too short to redact (or empty) is said, naming `what`. */
    add(value, what) {
        try {
            this.masker.register(value, what);
            this.values.push(value);
        }
        catch (err) {
            if (!(err instanceof errors/* UserError */.yo))
                throw notRegistered(what, err);
            if (value !== '')
                this.once(`warning: ${err.message}; it is passed to the command but not redacted`);
        }
    }
    /** A value found inside a file or a JSON value; `label` names the variable and key, never the value. */
    inner(value, label, warn) {
        if (value.trim() === '')
            return;
        try {
            this.masker.register(value, label);
            this.values.push(value);
        }
        catch (err) {
            // the masker refuses a value too short (or blank) to redact with a UserError; anything else is no refusal: fail closed
            if (!(err instanceof errors/* UserError */.yo))
                throw notRegistered(label, err);
            if (warn)
                this.once(`warning: ${label} is too short to be redacted safely: the command gets it, but it is not redacted`);
        }
    }
    /** A variable's value: itself, the leaves of a JSON value, the values inside the secret file it names. */
    variable(name, value) {
        this.add(value, `in $${name}`);
        const json = parseJsonContainer(value);
        if (json !== undefined)
            for (const leaf of jsonLeaves(json))
                this.inner(leaf.value, `the value of "${leaf.key}" in $${name}`, leaf.isString);
        this.file(name, value);
    }
    /** The values inside the secret file `value` names, if it is one exec may read. */
    file(name, value) {
        const f = this.files.read(value);
        if (!f.read) {
            if (f.why)
                this.once(`warning: $${name} names ${f.why === OUTSIDE_ROOTS ? f.why : `a file that exec does not read as a secret file: ${f.why}`}: its content is not redacted`);
            return;
        }
        if (this.seenFiles.has(f.id))
            return;
        this.seenFiles.add(f.id);
        for (const v of valuesInFile(f.text, value)) {
            this.inner(v.value, v.key === undefined ? `the content of the file $${name} names` : `the value of "${v.key}" in the file $${name} names`, v.warn);
        }
    }
}
function fromEnvFileAndNames(a, io, secrets) {
    const warn = (m) => io.err(`pipeline-secrets exec: ${m}\n`);
    const c = new Collector(secrets.values, secretFileRoots(io.env, a.tempDirs), warn);
    const file = a.envFile ?? io.env['PIPELINE_SECRETS_ENV_FILE'];
    if (file && (a.envFile || (0,external_node_fs_.existsSync)(file))) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch (err) {
            const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'error';
            throw new errors/* UserError */.yo('export-file', `cannot read ${file} (${code})`);
        }
        for (const [k, v] of parseEnvFile(text, file)) {
            secrets.env.set(k, v);
            c.variable(k, v);
        }
    }
    const names = [...a.redactEnv, ...splitNames(io.env['PIPELINE_SECRETS_REDACT_VARS'] ?? '')];
    for (const n of names) {
        const v = io.env[n];
        if (v === undefined || v === '')
            continue;
        c.variable(n, v);
    }
    for (const n of CI_SECRET_VARS) {
        const v = io.env[n];
        if (v && v.trim().length >= 8)
            c.add(v, `in $${n}`);
    }
}

;// CONCATENATED MODULE: ./src/actions/exec/run.ts
/**
 * `pipeline-secrets exec [--export-file F] [--redact-env NAMES] [--with ACTION --input v ...] -- COMMAND [ARGS...]`
 *
 * Runs COMMAND (no shell: argv passes through untouched) with the secrets in its
 * environment only, and redacts every secret (each line of a multi-line one, and the
 * base64 / JSON / URL forms) from its stdout and stderr before they reach the log.
 * The secrets come from an env file a previous step wrote, from named variables of the
 * environment, or from an action run in this same process (`--with fetch-secrets ...`,
 * whose post step runs after COMMAND). A variable naming a secret file the actions wrote
 * registers the values inside it too (secret-files.ts: which files, and how they are read).
 * The exit code is COMMAND's (128+N on signal N).
 */











/** ProcessRunner that also keeps the raw secret values, to redact the child's output. */
class ExecRunner extends runner/* ProcessRunner */.S {
    values = [];
    secret(value, what) {
        super.secret(value, what);
        this.values.push(value);
    }
}
async function runExec(args, io) {
    if (args[0] === '--help' || args[0] === '-h') {
        io.out(`${EXEC_HELP}\n`);
        return 0;
    }
    let a;
    try {
        a = parseExecArgs(args);
    }
    catch (err) {
        io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
    }
    const secrets = { env: new Map(), values: [] };
    try {
        fromEnvFileAndNames(a, io, secrets);
    }
    catch (err) {
        io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
    }
    if (!a.withAction) {
        if (!a.envFile && !io.env['PIPELINE_SECRETS_ENV_FILE'] && a.redactEnv.length === 0 && !io.env['PIPELINE_SECRETS_REDACT_VARS']) {
            io.err('pipeline-secrets exec: nothing to redact: give --export-file, --redact-env or --with ACTION\n');
            return 2;
        }
        return spawnRedacted(a.command, secrets, io);
    }
    return withAction(a, a.withAction, secrets, io);
}
async function withAction(a, w, secrets, io) {
    const load = Object.hasOwn(actions/* actions */.o1, w.name) ? actions/* actions */.o1[w.name] : undefined;
    if (!load) {
        io.err(`pipeline-secrets exec: unknown action "${w.name}" after --with\n`);
        return 2;
    }
    const reg = await load();
    let inputs;
    try {
        inputs = (0,actions_args/* parseArgs */.Zy)(reg.spec, w.args);
    }
    catch (err) {
        io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
    }
    for (const warning of (0,actions_args/* argvSecretWarnings */.eR)(reg.spec, inputs))
        io.err(`pipeline-secrets exec: ${warning}\n`);
    inputs.delete('export-file');
    const common = { action: w.name, inputs, env: io.env, write: io.err, debug: inputs.get('debug') === 'true', hooks: hooks/* guardHooks */.g };
    const main = new ExecRunner(common);
    const outcome = await (0,run_action/* runAction */.C)(reg.action, main);
    let code = outcome === 'ok' ? 0 : outcome === 'usage' ? 2 : 1;
    if (outcome === 'ok') {
        for (const [k, v] of main.exported)
            secrets.env.set(k, v);
        const values = [...secrets.values, ...main.values, ...main.exported.values()].filter((v) => v.trim().length >= 4);
        try {
            // the files the action wrote: in its temp dir (and wherever exec reads secret files)
            const c = new Collector(values, secretFileRoots(io.env, [...a.tempDirs, main.tempDir()]), (m) => io.err(`pipeline-secrets exec: ${m}\n`));
            for (const [k, v] of main.exported)
                c.file(k, v);
        }
        catch (err) {
            // fail closed, and still run the action's cleanup below
            io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : 'a value could not be registered for redaction: the command was not run'}\n`);
            code = 2;
        }
        if (code === 0)
            code = await spawnRedacted(a.command, { env: secrets.env, values }, io);
    }
    if (reg.action.post) {
        const post = new runner/* ProcessRunner */.S({ ...common, isPost: true });
        const postOutcome = await (0,run_action/* runAction */.C)(reg.action, post);
        if (postOutcome === 'ok')
            post.clearState();
        else if (code === 0)
            code = 1;
    }
    return code;
}
function spawnRedacted(command, secrets, io) {
    const [file, ...argv] = command;
    const env = { ...io.env };
    for (const [k, v] of secrets.env)
        env[k] = v;
    const forms = byteForms(secrets.values);
    const out = new StreamRedactor(forms, io.out);
    const err = new StreamRedactor(forms, io.err);
    return new Promise((resolve) => {
        // cross-spawn: on Windows it finds `npm` as npm.cmd (PATHEXT) and runs .cmd/.bat scripts
        // through cmd.exe with their arguments escaped, which Node's spawn refuses without a shell;
        // elsewhere it is Node's spawn. The secrets stay in the environment, never in the command line.
        const child = cross_spawn_default()(file ?? '', argv, { env, stdio: ['inherit', 'pipe', 'pipe'] });
        const forward = (sig) => {
            child.kill(sig);
        };
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
        for (const s of signals)
            process.on(s, forward);
        child.stdout?.on('data', (d) => out.write(d));
        child.stderr?.on('data', (d) => err.write(d));
        let spawnError;
        child.on('error', (e) => {
            spawnError = e;
        });
        child.on('close', (code, signal) => {
            for (const s of signals)
                process.off(s, forward);
            out.end();
            err.end();
            if (spawnError) {
                const notFound = spawnError.code === 'ENOENT';
                io.err(`pipeline-secrets exec: ${notFound ? 'command not found' : `cannot run the command (${spawnError.code ?? 'error'})`}: ${file}\n`);
                resolve(notFound ? 127 : 126);
            }
            else if (signal) {
                resolve(128 + (external_node_os_.constants.signals[signal] ?? 1));
            }
            else
                resolve(code ?? 1);
        });
    });
}


/***/ })

};
