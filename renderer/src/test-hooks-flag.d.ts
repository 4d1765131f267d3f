/** True only in the page built for tests and benchmarks (vite --mode test): their hooks on window. */
declare const __IOC_TEST_HOOKS__: boolean;
