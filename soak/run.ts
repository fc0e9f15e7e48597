// `npm run soak`: two Gatehouse instances on a PostgreSQL cluster of their own, many concurrent
// full flows, PostgreSQL restarted and an instance killed meanwhile, then the invariants. See
// soak/README.md. The machine is shared: the soak runs at normal priority, and the bench helpers it
// reuses read their priority (BENCH_NICE) when they load, hence the import after setting it.
process.env.BENCH_NICE ??= "0";
await import("./soak");

export {};
