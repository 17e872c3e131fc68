export declare const BUDGET_GZ_BYTES: number;
export declare function buildWebApp(options?: { outDir?: string; quiet?: boolean }): Promise<{ outDir: string; js: string[]; css: string[]; gzBytes: number }>;
