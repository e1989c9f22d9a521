export declare const PROVINCES: string[];
export declare function generate(n: number, path: string, variant?: 'plain' | 'quoted' | 'id'): Promise<void>;
