export declare const PROVINCES: string[];
export declare function generate(n: number, path: string, variant?: 'plain' | 'quoted' | 'id'): Promise<void>;
export declare function generateRegional(n: number, path: string, options?: { kantor?: boolean; json?: boolean; coverage?: 'en' | 'id' }): Promise<void>;
