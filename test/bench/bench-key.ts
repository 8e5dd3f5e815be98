/** The benchmarks measure the encrypted store, as users run it. */
export const benchKey = 'benchmark-sleutel';
