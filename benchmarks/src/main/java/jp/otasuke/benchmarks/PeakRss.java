package jp.otasuke.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

import jp.otasuke.infra.process.ChildProcess;

/** The highest resident memory a service process reaches while a benchmark runs, sampled every 250 ms. */
final class PeakRss implements AutoCloseable {

    private final AtomicLong peakKiB = new AtomicLong();
    private final Thread sampler;

    private PeakRss(ChildProcess process) {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakKiB.accumulateAndGet(BenchPlatform.rssKiB(process), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    static PeakRss of(ChildProcess process) {
        return new PeakRss(process);
    }

    long kib() {
        return peakKiB.get();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
