int bench_ceiling_placeholder(void);
