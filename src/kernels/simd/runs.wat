;; Runs of base64/hex characters, 16 bytes at a time (WebAssembly SIMD).
;;
;; runs(n, out, cur, last, tbl): bytes [0, n) of memory (n a multiple of 16) are one chunk of a text
;; written one byte per UTF-16 unit. Every maximal run of 16 or more bytes of [A-Za-z0-9_/+-] is
;; written at `out` as an i32 pair (start, end), start relative to the chunk (negative when the
;; run began in an earlier chunk). `cur` is the length of the run that ended the previous chunk;
;; the one that ends this chunk is left in the global `carry`; with `last` set, a run reaching the
;; end of the chunk is written too. With `tbl` (the offset of two 256-byte tables: base64 values,
;; -1 for other bytes, then 1 for hex digits) a run is written only when it could hold a match:
;; a hex digit first, a percent escape just before it, or a first four characters that decode as
;; base64 to printable ASCII (the decoder's own tests, src/kernels/decode.ts); tbl 0 keeps all.
;; Returns how many pairs were written.
;; Compiled by scripts/wasm.mjs into runs-wasm.ts; src/kernels/simd/runs.ts loads it.
(module
  (memory (export "memory") 1)
  (global $carry (export "carry") (mut i32) (i32.const 0))
;; 1 when the run starting at $s could hold a match (see above), or its start is not in this chunk
  (func $keep (param $s i32) (param $tbl i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (if (i32.eqz (local.get $tbl)) (then (return (i32.const 1))))
    (if (i32.lt_s (local.get $s) (i32.const 1)) (then (return (i32.const 1))))
    (if (i32.eq (i32.load8_u (i32.sub (local.get $s) (i32.const 1))) (i32.const 37)) (then (return (i32.const 1))))
    (if (i32.load8_u offset=256 (i32.add (local.get $tbl) (i32.load8_u (local.get $s)))) (then (return (i32.const 1))))
    (local.set $a (i32.load8_s (i32.add (local.get $tbl) (i32.load8_u (local.get $s)))))
    (local.set $b (i32.load8_s (i32.add (local.get $tbl) (i32.load8_u offset=1 (local.get $s)))))
    (local.set $c (i32.load8_s (i32.add (local.get $tbl) (i32.load8_u offset=2 (local.get $s)))))
    (local.set $d (i32.load8_s (i32.add (local.get $tbl) (i32.load8_u offset=3 (local.get $s)))))
    (if (i32.lt_s (i32.or (i32.or (local.get $a) (local.get $b)) (i32.or (local.get $c) (local.get $d))) (i32.const 0)) (then (return (i32.const 0))))
    ;; the three bytes of the first group, each printable (9..126: x - 9 < 118 unsigned)
    (i32.and
      (i32.and
        (i32.lt_u (i32.sub (i32.or (i32.shl (local.get $a) (i32.const 2)) (i32.shr_u (local.get $b) (i32.const 4))) (i32.const 9)) (i32.const 118))
        (i32.lt_u (i32.sub (i32.or (i32.shl (i32.and (local.get $b) (i32.const 15)) (i32.const 4)) (i32.shr_u (local.get $c) (i32.const 2))) (i32.const 9)) (i32.const 118)))
      (i32.lt_u (i32.sub (i32.or (i32.shl (i32.and (local.get $c) (i32.const 3)) (i32.const 6)) (local.get $d)) (i32.const 9)) (i32.const 118))))

  (func (export "runs") (param $n i32) (param $out i32) (param $cur i32) (param $last i32) (param $tbl i32) (result i32)
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
                (if (call $keep (i32.sub (local.get $o) (local.get $cur)) (local.get $tbl))
                  (then
                    (local.set $at (i32.add (local.get $out) (i32.shl (local.get $cnt) (i32.const 3))))
                    (i32.store (local.get $at) (i32.sub (local.get $o) (local.get $cur)))
                    (i32.store offset=4 (local.get $at) (i32.add (local.get $o) (local.get $lead)))
                    (local.set $cnt (i32.add (local.get $cnt) (i32.const 1)))))))
            ;; a run inside the block is shorter than 16; the one at its end goes on
            (local.set $cur (i32.clz (i32.xor (i32.shl (local.get $b) (i32.const 16)) (i32.const -1))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $blocks)))
    (if (i32.and (i32.ne (local.get $last) (i32.const 0)) (i32.ge_u (local.get $cur) (i32.const 16)))
      (then
        (if (call $keep (i32.sub (local.get $n) (local.get $cur)) (local.get $tbl))
          (then
            (local.set $at (i32.add (local.get $out) (i32.shl (local.get $cnt) (i32.const 3))))
            (i32.store (local.get $at) (i32.sub (local.get $n) (local.get $cur)))
            (i32.store offset=4 (local.get $at) (local.get $n))
            (local.set $cnt (i32.add (local.get $cnt) (i32.const 1)))))))
    (global.set $carry (local.get $cur))
    (local.get $cnt)))
