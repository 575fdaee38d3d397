export declare class RefResolver {
  load(file: string): unknown;
  resolve(ref: string, fromFile: string): { key: string; file: string; value: any };
}
export declare function getPointer(doc: unknown, pointer: string, label: string): unknown;
