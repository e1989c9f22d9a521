export declare const PROVINCES: string[];
export declare function generate(n: number, path: string): Promise<void>;
