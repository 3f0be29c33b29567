package org.yaohao.standalone.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;

/**
 * What the demonstration has done so far, in {@code <data-dir>/demo/demo.properties}: the day it started (its
 * population and its policy's dates derive from it), the seed and size of the population, the clock's offset, and
 * the steps completed; so a restart neither submits the population again nor moves the clock back.
 */
final class DemoState {

    private final Path file;
    private final Properties properties = new Properties();

    private DemoState(Path file) {
        this.file = file;
    }

    static DemoState load(Path demoDir) {
        DemoState state = new DemoState(demoDir.resolve("demo.properties"));
        if (Files.exists(state.file)) {
            try (Reader in = Files.newBufferedReader(state.file)) {
                state.properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + state.file, e);
            }
        }
        return state;
    }

    boolean isNew() {
        return properties.getProperty("startDay") == null;
    }

    void start(LocalDate day, long seed, int applicants, int firstRoundApplicants) {
        properties.setProperty("startDay", day.toString());
        properties.setProperty("seed", Long.toString(seed));
        properties.setProperty("applicants", Integer.toString(applicants));
        properties.setProperty("firstRoundApplicants", Integer.toString(firstRoundApplicants));
        properties.setProperty("clockOffset", Duration.ZERO.toString());
        save();
    }

    LocalDate startDay() {
        return LocalDate.parse(properties.getProperty("startDay"));
    }

    long seed() {
        return Long.parseLong(properties.getProperty("seed"));
    }

    int applicants() {
        return Integer.parseInt(properties.getProperty("applicants"));
    }

    int firstRoundApplicants() {
        return Integer.parseInt(properties.getProperty("firstRoundApplicants"));
    }

    Duration clockOffset() {
        return Duration.parse(properties.getProperty("clockOffset", "PT0S"));
    }

    synchronized void clockOffset(Duration offset) {
        properties.setProperty("clockOffset", offset.toString());
        save();
    }

    synchronized boolean done(String step) {
        return properties.getProperty("done." + step) != null;
    }

    synchronized void markDone(String step) {
        properties.setProperty("done." + step, "true");
        save();
    }

    private void save() {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary)) {
            properties.store(out, "Yaohao demonstration: progress (delete the data directory to start afresh)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
