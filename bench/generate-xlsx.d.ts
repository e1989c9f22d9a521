export declare function regionalRows(n: number): Generator<[number, string, string, string, number, number]>;
export declare function generateRegionalXlsx(n: number, path: string, options?: { note?: number; level?: number }): Promise<void>;
