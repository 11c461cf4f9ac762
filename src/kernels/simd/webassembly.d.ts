/**
 * The part of the WebAssembly JavaScript API that simd/runs.ts uses: Node has it as a global,
 * but TypeScript declares it only in lib.dom, which a Node project does not load.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: object);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(deltaPages: number): number;
  }
  class Global {
    value: unknown;
  }
}
