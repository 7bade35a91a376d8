package ua.hromada.docsearch.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link DocsearchBench} reports about where it ran: the machine, the JVM, the CPU others used
 * while the queries ran, and the connection options the portal's datasource gives PostgreSQL.
 */
final class DocsearchBenchMachine {
    private DocsearchBenchMachine() {
    }

    /**
     * CPU time spent on the machine while the queries ran, split into this JVM, the baseline's
     * PostgreSQL backend and everything else (from /proc): tells whether others' work overlapped.
     */
    record CpuUse(long[] start, long pgPid) {
        static CpuUse start(long pgPid) {
            return new CpuUse(sample(pgPid), pgPid);
        }

        /** {machine busy ticks, machine total ticks, this JVM's ticks, the backend's ticks, nanoTime} */
        private static long[] sample(long pgPid) {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                for (int i = 1; i <= Math.min(8, cpu.length - 1); i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                return new long[] {total - idle, total, procTicks("self"), procTicks(String.valueOf(pgPid)),
                        System.nanoTime()};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long procTicks(String pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14 and 15)
        }

        String stop() {
            long[] end = sample(pgPid);
            if (start == null || end == null) {
                return "not measured (no /proc)";
            }
            double total = end[1] - start[1];
            double busy = end[0] - start[0];
            double jvm = end[2] - start[2];
            double pg = end[3] - start[3];
            int cores = Runtime.getRuntime().availableProcessors();
            return String.format(Locale.ROOT, "%.0f s; CPU busy %.0f %% of the %d cores: this JVM %.0f %%, the "
                    + "baseline's PostgreSQL backend %.0f %%, everything else %.0f %%", (end[4] - start[4]) / 1e9,
                    100 * busy / total, cores, 100 * jvm / total, 100 * pg / total,
                    100 * Math.max(0, busy - jvm - pg) / total);
        }
    }

    /**
     * The {@code options} parameter of the portal datasource's JDBC URL ({@code -c jit=off}), so the
     * baseline runs with the settings the portal's own queries get; empty when the URL sets none.
     */
    static String portalConnectionOptions(Path cfg) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String url = p.getProperty("url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(cfg + " has no url: the bench takes the portal's connection options from it");
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return "";
        }
        for (String param : url.substring(q + 1).split("&")) {
            if (param.startsWith("options=")) {
                return java.net.URLDecoder.decode(param.substring("options=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    static String machine() {
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    cpu = l.substring(l.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Math.round(memKb / 1024.0 / 1024.0) + " GiB RAM";
    }

    static String jvmArgs() {
        return String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList());
    }
}
