export const id = 293;
export const ids = [293];
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

/***/ 3293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EXEC_HELP: () => (/* binding */ EXEC_HELP),
  parseExecArgs: () => (/* binding */ parseExecArgs),
  runExec: () => (/* binding */ runExec)
});

// EXTERNAL MODULE: ./node_modules/cross-spawn/index.js
var cross_spawn = __webpack_require__(546);
var cross_spawn_default = /*#__PURE__*/__webpack_require__.n(cross_spawn);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/actions/index.ts
var actions = __webpack_require__(79);
// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/platform/process-runner.ts
var process_runner = __webpack_require__(7553);
// EXTERNAL MODULE: ./src/platform/entry.ts + 1 modules
var entry = __webpack_require__(5920);
;// CONCATENATED MODULE: ./src/exec-env.ts
/**
 * Reads the env file the CLI writes with `--export-file` (`export NAME='value'` lines, single
 * quotes with '\'' for a quote, values may span lines) and plain dotenv lines (`NAME=value`,
 * `NAME="value"`). Errors name the line, never a value.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
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
        if (!NAME.test(name))
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

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/exec-redact.ts
/**
 * Streaming redaction of a child process's output (`pipeline-secrets exec`).
 * Works on bytes (latin1 view of the raw output) so a secret split across chunks, or a
 * multi-byte character split across chunks, is handled the same way. Text is released as
 * soon as it cannot be the start of a secret: at most the longest form minus one byte is
 * held back, and only while it could still grow into a secret.
 */


/** The byte forms (latin1 strings) of every form core/mask.ts derives for each value. */
function byteForms(values) {
    const out = new Set();
    for (const v of values)
        for (const f of (0,mask/* secretForms */.eo)(v))
            out.add(Buffer.from(f, 'utf8').toString('latin1'));
    return [...out];
}
class StreamRedactor {
    emit;
    pending = '';
    forms;
    maxLen;
    pattern;
    firstBytes;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    /** `forms` from byteForms(); `emit` receives redacted UTF-8 text. */
    constructor(forms, emit) {
        this.emit = emit;
        this.forms = [...new Set(forms.filter((f) => f.length > 0))].sort((a, b) => b.length - a.length);
        this.maxLen = this.forms[0]?.length ?? 0;
        this.pattern = this.forms.length ? new RegExp(this.forms.map(mask/* escapeRegExp */.Nt).join('|'), 'g') : null;
        this.firstBytes = new Set(this.forms.map((f) => f.charAt(0)));
    }
    write(chunk) {
        this.process(this.pending + Buffer.from(chunk).toString('latin1'), false);
    }
    /** End of the stream: releases what was held back. */
    end() {
        this.process(this.pending, true);
        const rest = this.decoder.end();
        if (rest)
            this.emit(rest);
    }
    process(buf, final) {
        let out = '';
        let pos = 0;
        // A match starting before `cut` is decided: every form starting there fits in `buf`.
        const cut = final ? buf.length : Math.max(0, buf.length - this.maxLen + 1);
        let held = buf.length;
        if (this.pattern) {
            this.pattern.lastIndex = 0;
            for (const m of buf.matchAll(this.pattern)) {
                if (m.index >= cut) {
                    held = m.index;
                    break;
                }
                out += buf.slice(pos, m.index) + mask/* REDACTED */.XF;
                pos = m.index + m[0].length;
            }
        }
        if (final) {
            out += buf.slice(pos);
            this.pending = '';
        }
        else {
            for (let i = Math.max(pos, cut); i < held; i++) {
                if (this.firstBytes.has(buf.charAt(i)) && this.couldStart(buf, i)) {
                    held = i;
                    break;
                }
            }
            if (held < pos)
                held = pos;
            out += buf.slice(pos, held);
            this.pending = buf.slice(held);
        }
        if (out) {
            const text = this.decoder.write(Buffer.from(out, 'latin1'));
            if (text)
                this.emit(text);
        }
    }
    /** Could a secret start at `i` once more output arrives? */
    couldStart(buf, i) {
        const tail = buf.slice(i);
        return this.forms.some((f) => f.length >= tail.length && f.startsWith(tail));
    }
}

// EXTERNAL MODULE: ./src/cli.ts
var cli = __webpack_require__(5581);
;// CONCATENATED MODULE: ./src/exec.ts
/**
 * `pipeline-secrets exec [--export-file F] [--redact-env NAMES] [--with ACTION --input v ...] -- COMMAND [ARGS...]`
 *
 * Runs COMMAND (no shell: argv passes through untouched) with the secrets in its
 * environment only, and redacts every secret (each line of a multi-line one, and the
 * base64 / JSON / URL forms) from its stdout and stderr before they reach the log.
 * The secrets come from an env file a previous step wrote, from named variables of the
 * environment, or from an action run in this same process (`--with fetch-secrets ...`,
 * whose post step runs after COMMAND). The exit code is COMMAND's (128+N on signal N).
 */












/** Variables CI systems keep secret: redacted whenever they are set. */
const CI_SECRET_VARS = ['CI_JOB_TOKEN', 'CI_JOB_JWT', 'CI_JOB_JWT_V2', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_DEPENDENCY_PROXY_PASSWORD', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_RUNTIME_TOKEN'];
const EXEC_HELP = [
    'pipeline-secrets exec: run a command with secrets in its environment, redacted from its output',
    '',
    'Usage: pipeline-secrets exec [--export-file F] [--redact-env NAME[,NAME]] [--with ACTION [ACTION flags]] -- COMMAND [ARGS...]',
    '',
    '  --export-file F     variables to pass to COMMAND and redact (the file `--export-file` of an action wrote;',
    '                      default $PIPELINE_SECRETS_ENV_FILE when that file exists)',
    '  --redact-env NAMES  also redact the values of these variables of the environment',
    '                      (comma or space separated; default $PIPELINE_SECRETS_REDACT_VARS)',
    '  --with ACTION       run ACTION first in this process (e.g. fetch-secrets); its exported variables go',
    "                      to COMMAND only, and its cleanup (revoke, delete files) runs after COMMAND",
    '',
    'No shell is involved: use `-- sh -c \'...\'` to ask for one. COMMAND\'s exit code is passed through.',
].join('\n');
function parseExecArgs(args) {
    const dash = args.indexOf('--');
    if (dash < 0)
        throw new cli/* UsageError */.eb('exec needs `--` before the command: pipeline-secrets exec [flags] -- COMMAND [ARGS...]');
    const flags = args.slice(0, dash);
    const command = args.slice(dash + 1);
    if (command.length === 0 || !command[0])
        throw new cli/* UsageError */.eb('exec needs a command after `--`');
    const out = { redactEnv: [], command };
    for (let i = 0; i < flags.length; i++) {
        const raw = flags[i] ?? '';
        const eq = raw.indexOf('=');
        const name = eq >= 0 ? raw.slice(0, eq) : raw;
        const value = () => {
            if (eq >= 0)
                return raw.slice(eq + 1);
            const next = flags[i + 1];
            if (next === undefined || next.startsWith('--'))
                throw new cli/* UsageError */.eb(`${name} needs a value`);
            i++;
            return next;
        };
        if (name === '--export-file')
            out.envFile = value();
        else if (name === '--redact-env')
            out.redactEnv.push(...splitNames(value()));
        else if (name === '--with') {
            const action = value();
            out.withAction = { name: actions/* aliases */.z2[action] ?? action, args: flags.slice(i + 1) };
            break;
        }
        else
            throw new cli/* UsageError */.eb(`unknown flag ${name} for exec (see pipeline-secrets exec --help)`);
    }
    return out;
}
function splitNames(s) {
    return s.split(/[\s,]+/).filter(Boolean);
}
/** ProcessRunner that also keeps the raw secret values, to redact the child's output. */
class ExecRunner extends process_runner/* ProcessRunner */.S {
    values = [];
    secret(value, what) {
        super.secret(value, what);
        this.values.push(value);
    }
}
function register(masker, values, value, what, warn) {
    try {
        masker.register(value, what);
        values.push(value);
    }
    catch (err) {
        // too short (or empty) to redact: say so, naming the variable, and go on
        if (value !== '')
            warn(`warning: ${err instanceof Error ? err.message : String(err)}; it is passed to the command but not redacted`);
    }
}
/**
 * A value that is the path of a secret file our actions wrote (0600, under a private
 * pipeline-secrets-* temp dir, at most 1 MB): its content is a secret too.
 */
function secretFileContent(value) {
    if (!(0,external_node_path_.isAbsolute)(value) || !value.split(external_node_path_.sep).some((part) => part.startsWith('pipeline-secrets-')))
        return undefined;
    try {
        const st = (0,external_node_fs_.statSync)(value);
        if (!st.isFile() || (st.mode & 0o077) !== 0 || st.size > 1024 * 1024)
            return undefined;
        return (0,external_node_fs_.readFileSync)(value, 'utf8');
    }
    catch {
        return undefined;
    }
}
function registerWithFile(masker, values, value, what, warn) {
    register(masker, values, value, what, warn);
    const content = secretFileContent(value);
    if (content !== undefined && content.trim() !== '')
        register(masker, values, content, `in the file ${what}`, warn);
}
function fromEnvFileAndNames(a, io, secrets) {
    const masker = new mask/* Masker */.GX();
    const warn = (m) => io.err(`pipeline-secrets exec: ${m}\n`);
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
            registerWithFile(masker, secrets.values, v, `in ${k}`, warn);
        }
    }
    const names = [...a.redactEnv, ...splitNames(io.env['PIPELINE_SECRETS_REDACT_VARS'] ?? '')];
    for (const n of names) {
        const v = io.env[n];
        if (v === undefined || v === '')
            continue;
        registerWithFile(masker, secrets.values, v, `in $${n}`, warn);
    }
    for (const n of CI_SECRET_VARS) {
        const v = io.env[n];
        if (v && v.trim().length >= 8)
            register(masker, secrets.values, v, `in $${n}`, warn);
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
        inputs = (0,cli/* parseArgs */.Zy)(reg.spec, w.args);
    }
    catch (err) {
        io.err(`pipeline-secrets exec: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
    }
    for (const warning of (0,cli/* argvSecretWarnings */.eR)(reg.spec, inputs))
        io.err(`pipeline-secrets exec: ${warning}\n`);
    inputs.delete('export-file');
    const common = { action: w.name, inputs, env: io.env, write: io.err, debug: inputs.get('debug') === 'true' };
    const main = new ExecRunner(common);
    const outcome = await (0,entry/* runAction */.Cs)(reg.action, main);
    let code = outcome === 'ok' ? 0 : outcome === 'usage' ? 2 : 1;
    if (outcome === 'ok') {
        for (const [k, v] of main.exported)
            secrets.env.set(k, v);
        const values = [...secrets.values, ...main.values, ...main.exported.values()].filter((v) => v.trim().length >= 4);
        for (const v of main.exported.values()) {
            const content = secretFileContent(v);
            if (content !== undefined && content.trim().length >= 4)
                values.push(content);
        }
        code = await spawnRedacted(a.command, { env: secrets.env, values }, io);
    }
    if (reg.action.post) {
        const post = new process_runner/* ProcessRunner */.S({ ...common, isPost: true });
        const postOutcome = await (0,entry/* runAction */.Cs)(reg.action, post);
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
