;; The keyword prefilter's pass (src/kernels/keywords.ts), one byte per character.
;;
;; Memory: [0, 256) the fold table (ASCII letters to lowercase, bytes above 0x7f and NUL to 0);
;; [256, 65792) the gram table, 32768 little-endian u16 (non-zero: some keyword has that gram);
;; then the caller's chunk of text and room for the output.
;; grams(in, n, out, prev): the 15-bit gram of each of the n bytes at `in` (the keyword
;; prefilter's rolling gram, ((g << 5) ^ fold[byte]) & 0x7fff) is looked up in the table, and the
;; offset of every byte whose gram is there is written as i32 at `out`. `prev` holds the two
;; folded bytes before the chunk, (fold[b-2] << 8) | fold[b-1] (0 at the start of a text); the
;; chunk's last two are left the same way in the global `carry`. Returns how many offsets were
;; written. Compiled by scripts/wasm.mjs into grams-wasm.ts.
(module
  (memory (export "memory") 1)
  (global $carry (export "carry") (mut i32) (i32.const 0))
;; g after a byte is ((fold[b-2] << 10) ^ (fold[b-1] << 5) ^ fold[b]) & 0x7fff: the last three
;; folded bytes are kept in locals, so no byte waits on the gram of the one before it.
  (func (export "grams") (param $in i32) (param $n i32) (param $out i32) (param $prev i32) (result i32)
    (local $i i32) (local $end i32) (local $cnt i32) (local $f0 i32) (local $f1 i32) (local $f2 i32) (local $gram i32)
    (local.set $i (local.get $in))
    (local.set $end (i32.add (local.get $in) (local.get $n)))
    (local.set $f0 (i32.shr_u (local.get $prev) (i32.const 8)))
    (local.set $f1 (i32.and (local.get $prev) (i32.const 0xff)))
    (block $done
      (loop $chars
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $f2 (i32.load8_u (i32.load8_u (local.get $i))))
        (local.set $gram
          (i32.and
            (i32.xor (i32.xor (i32.shl (local.get $f0) (i32.const 10)) (i32.shl (local.get $f1) (i32.const 5))) (local.get $f2))
            (i32.const 0x7fff)))
        ;; branch-free: the offset is always written, and kept when the gram is in the table
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $cnt) (i32.const 2))) (i32.sub (local.get $i) (local.get $in)))
        (local.set $cnt (i32.add (local.get $cnt)
          (i32.ne (i32.load16_u offset=256 (i32.shl (local.get $gram) (i32.const 1))) (i32.const 0))))
        (local.set $f0 (local.get $f1))
        (local.set $f1 (local.get $f2))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $chars)))
    (global.set $carry (i32.or (i32.shl (local.get $f0) (i32.const 8)) (local.get $f1)))
    (local.get $cnt)))
