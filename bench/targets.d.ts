/** The data and the targets files of n branches of one province (made once in `dir`). */
export declare function targetFiles(n: number, dir: string): Promise<{ data: string; targets: string }>;
