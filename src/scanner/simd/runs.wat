;; Runs of base64/hex characters, 16 bytes at a time (WebAssembly SIMD).
;;
;; runs(n, out, cur, last): bytes [0, n) of memory (n a multiple of 16) are one chunk of a text
;; written one byte per UTF-16 unit. Every maximal run of 16 or more bytes of [A-Za-z0-9_/+-] is
;; written at `out` as an i32 pair (start, end), start relative to the chunk (negative when the
;; run began in an earlier chunk). `cur` is the length of the run that ended the previous chunk;
;; the one that ends this chunk is left in the global `carry`; with `last` set, a run reaching the
;; end of the chunk is written too. Returns how many pairs were written.
;; Compiled by scripts/wasm.mjs into runs-wasm.ts; src/scanner/simd/runs.ts loads it.
(module
  (memory (export "memory") 1)
  (global $carry (export "carry") (mut i32) (i32.const 0))
  (func (export "runs") (param $n i32) (param $out i32) (param $cur i32) (param $last i32) (result i32)
    (local $o i32) (local $b i32) (local $lead i32) (local $cnt i32) (local $at i32)
    (local $v v128) (local $m v128)
    (local $k20 v128) (local $k61 v128) (local $k26 v128) (local $k30 v128) (local $k10 v128)
    (local $k5f v128) (local $k2b v128) (local $k2d v128) (local $k2f v128)
    (local.set $k20 (i8x16.splat (i32.const 0x20)))
    (local.set $k61 (i8x16.splat (i32.const 0x61)))
    (local.set $k26 (i8x16.splat (i32.const 26)))
    (local.set $k30 (i8x16.splat (i32.const 0x30)))
    (local.set $k10 (i8x16.splat (i32.const 10)))
    (local.set $k5f (i8x16.splat (i32.const 0x5f)))
    (local.set $k2b (i8x16.splat (i32.const 0x2b)))
    (local.set $k2d (i8x16.splat (i32.const 0x2d)))
    (local.set $k2f (i8x16.splat (i32.const 0x2f)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $o) (local.get $n)))
        (local.set $v (v128.load (local.get $o)))
        ;; letters: (v | 0x20) - 'a' < 26; digits: v - '0' < 10 (unsigned); then _ + - /
        (local.set $m
          (v128.or
            (v128.or
              (i8x16.lt_u (i8x16.sub (v128.or (local.get $v) (local.get $k20)) (local.get $k61)) (local.get $k26))
              (i8x16.lt_u (i8x16.sub (local.get $v) (local.get $k30)) (local.get $k10)))
            (v128.or
              (v128.or (i8x16.eq (local.get $v) (local.get $k5f)) (i8x16.eq (local.get $v) (local.get $k2b)))
              (v128.or (i8x16.eq (local.get $v) (local.get $k2d)) (i8x16.eq (local.get $v) (local.get $k2f))))))
        (local.set $b (i8x16.bitmask (local.get $m)))
        (if (i32.eq (local.get $b) (i32.const 0xffff))
          (then (local.set $cur (i32.add (local.get $cur) (i32.const 16))))
          (else
            ;; the run that came into this block ends at its first non-run byte
            (local.set $lead (i32.ctz (i32.xor (local.get $b) (i32.const 0xffff))))
            (if (i32.ge_u (i32.add (local.get $cur) (local.get $lead)) (i32.const 16))
              (then
                (local.set $at (i32.add (local.get $out) (i32.shl (local.get $cnt) (i32.const 3))))
                (i32.store (local.get $at) (i32.sub (local.get $o) (local.get $cur)))
                (i32.store offset=4 (local.get $at) (i32.add (local.get $o) (local.get $lead)))
                (local.set $cnt (i32.add (local.get $cnt) (i32.const 1)))))
            ;; a run inside the block is shorter than 16; the one at its end goes on
            (local.set $cur (i32.clz (i32.xor (i32.shl (local.get $b) (i32.const 16)) (i32.const -1))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $blocks)))
    (if (i32.and (i32.ne (local.get $last) (i32.const 0)) (i32.ge_u (local.get $cur) (i32.const 16)))
      (then
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $cnt) (i32.const 3))))
        (i32.store (local.get $at) (i32.sub (local.get $n) (local.get $cur)))
        (i32.store offset=4 (local.get $at) (local.get $n))
        (local.set $cnt (i32.add (local.get $cnt) (i32.const 1)))))
    (global.set $carry (local.get $cur))
    (local.get $cnt)))
