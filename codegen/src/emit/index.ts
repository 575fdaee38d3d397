// index.ts of the generated folder: everything, plus the factory as default export.
export function emitIndex(modules: string[], clientModule: string): string {
  const lines = modules.map((m) => `export * from "./${m}.js";`);
  return `${lines.join("\n")}\nexport { default } from "./${clientModule}.js";`;
}
