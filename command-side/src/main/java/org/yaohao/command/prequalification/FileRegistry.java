package org.yaohao.command.prequalification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaohao.kernel.common.InvalidValueException;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.kernel.common.UnifiedSocialCreditCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded registry: answers from a JSON data file loaded once at start (format: docs/registry-contract.md).
 * A person missing from the file is unknown to every registry; a person without a section (say no
 * {@code drivingLicenceValidUntil}) is unknown to that registry. Never unavailable.
 */
class FileRegistry implements RegistryPort {

    /** The sample shipped with the application, used when {@code yaohao.registry.file} is empty. */
    static final String SAMPLE_RESOURCE = "registry/sample-registry.json";

    private static final Logger log = LoggerFactory.getLogger(FileRegistry.class);

    private final Map<String, PersonEntry> persons;
    private final Map<String, EnterpriseEntry> enterprises;

    private FileRegistry(RegistryFile file, String source) {
        this.persons = index(file.persons(), entry -> ResidentIdNumber.of(entry.idNumber()).value(), "person", source);
        this.enterprises = index(file.enterprises(), entry -> UnifiedSocialCreditCode.of(entry.creditCode()).value(),
                "enterprise", source);
        log.info("Registry file {}: {} persons, {} enterprises", source, persons.size(), enterprises.size());
    }

    /** Loads {@code path}, or the shipped sample when {@code path} is null or blank. */
    static FileRegistry load(String path) {
        if (path == null || path.isBlank()) {
            return loadSample();
        }
        Path file = Path.of(path.trim());
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry file " + file, e);
        }
    }

    static FileRegistry loadSample() {
        try (InputStream in = FileRegistry.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the classpath has no " + SAMPLE_RESOURCE);
            }
            return read(in, "classpath:" + SAMPLE_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + SAMPLE_RESOURCE, e);
        }
    }

    static FileRegistry read(InputStream in, String source) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        RegistryFile file;
        try {
            file = mapper.readValue(in, RegistryFile.class);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the file's content (personal data): name only where it went wrong
            throw new IllegalStateException("registry file " + source + " does not follow docs/registry-contract.md"
                    + where(e) + " (" + e.getClass().getSimpleName() + ")");
        }
        return new FileRegistry(file, source);
    }

    private static String where(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference step : mapping.getPath()) {
                if (step.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
                } else if (step.getIndex() >= 0) {
                    path.append('[').append(step.getIndex()).append(']');
                }
            }
        }
        String where = path.isEmpty() ? "" : " at " + path;
        return e.getLocation() == null ? where
                : where + ", line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
    }

    @Override
    public Optional<SocialInsuranceRecord> socialInsurance(ResidentIdNumber id) {
        return person(id).map(PersonEntry::socialInsurance).map(SocialInsuranceRecord::new);
    }

    @Override
    public Optional<IncomeTaxRecord> incomeTax(ResidentIdNumber id) {
        return person(id).map(PersonEntry::incomeTaxFenByYear).map(IncomeTaxRecord::new);
    }

    @Override
    public Optional<DrivingLicenceRecord> drivingLicence(ResidentIdNumber id) {
        return person(id).map(PersonEntry::drivingLicenceValidUntil).map(DrivingLicenceRecord::new);
    }

    @Override
    public Optional<ResidenceRecord> residence(ResidentIdNumber id) {
        return person(id).map(PersonEntry::residence);
    }

    @Override
    public Optional<CarOwnershipRecord> carOwnership(ResidentIdNumber id) {
        return person(id).map(PersonEntry::passengerCarsRegisteredInBeijing).map(CarOwnershipRecord::new);
    }

    @Override
    public Optional<EnterpriseTaxRecord> enterpriseTax(UnifiedSocialCreditCode code) {
        return Optional.ofNullable(enterprises.get(code.value()))
                .map(EnterpriseEntry::taxPaidYuanByYear)
                .map(EnterpriseTaxRecord::new);
    }

    /** The labels of the file's people and enterprises, by ID number or credit code (for tests and tools). */
    Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        persons.forEach((id, entry) -> labels.put(id, entry.label()));
        enterprises.forEach((code, entry) -> labels.put(code, entry.label()));
        return labels;
    }

    private Optional<PersonEntry> person(ResidentIdNumber id) {
        return Optional.ofNullable(persons.get(id.value()));
    }

    private static <E> Map<String, E> index(List<E> entries, Function<E, String> key, String kind, String source) {
        Map<String, E> index = new HashMap<>();
        if (entries == null) {
            return Map.of();
        }
        for (int i = 0; i < entries.size(); i++) {
            // the key is validated (GB 11643 / GB 32100) and never echoed: messages name the entry's position
            String validKey;
            try {
                validKey = key.apply(entries.get(i));
            } catch (InvalidValueException e) {
                throw new IllegalStateException("registry file " + source + ": " + kind + " #" + (i + 1) + ": "
                        + e.getMessage());
            }
            if (index.put(validKey, entries.get(i)) != null) {
                throw new IllegalStateException("registry file " + source + ": " + kind + " #" + (i + 1)
                        + " repeats an earlier " + kind);
            }
        }
        return Map.copyOf(index);
    }

    /** The file: {@code {"persons": [...], "enterprises": [...]}}. */
    record RegistryFile(List<PersonEntry> persons, List<EnterpriseEntry> enterprises) {
    }

    /** One person; a null section means that registry has no record of them. */
    record PersonEntry(String idNumber,
                       String label,
                       List<PaidPeriod> socialInsurance,
                       Map<Integer, Long> incomeTaxFenByYear,
                       LocalDate drivingLicenceValidUntil,
                       ResidenceRecord residence,
                       Integer passengerCarsRegisteredInBeijing) {
    }

    /** One enterprise; a null {@code taxPaidYuanByYear} means the tax registry has no record of it. */
    record EnterpriseEntry(String creditCode, String label, Map<Integer, Long> taxPaidYuanByYear) {
    }
}
