package org.yaohao.query.application;

import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.yaohao.kernel.application.ApplicantKind;
import org.yaohao.kernel.application.ApplicationStatus;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.query.application.ApplicationStatusDocument.Enterprise;
import org.yaohao.query.application.ApplicationStatusDocument.Prequalification;
import org.yaohao.query.application.ApplicationStatusDocument.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Benchmark access to the query side's package-private read model: the real {@link ApplicationStatusRepository}
 * and representative {@link ApplicationStatusDocument}s built the way {@link ApplicationStatusProjection} builds
 * them after ApplicationSubmitted + ApplicationPrequalified (masked ID numbers, two timeline entries).
 * <p>
 * Lives in the bench module only (same package name, so it reaches the package-private types on the class path).
 */
public final class ApplicationStatusFixture {

    private static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");
    private static final String[] ENTERPRISE_NAMES = {
            "北京京华科技有限公司", "北京朝阳物流有限公司", "北京海淀软件股份有限公司", "北京通州建材有限公司"};

    private final ApplicationStatusRepository repository;

    public ApplicationStatusFixture(MongoDatabase database) {
        this.repository = new ApplicationStatusRepository(database);
    }

    /** {@code count} distinct, valid application codes, the same for the same seed. */
    public static String[] codes(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> codes = new LinkedHashSet<>(count * 2);
        while (codes.size() < count) {
            codes.add(ApplicationCode.random(random).value());
        }
        return codes.toArray(String[]::new);
    }

    /** Inserts or replaces the representative document of {@code code} through the real repository. */
    public void save(String code, long sequence) {
        repository.save(representative(code, sequence));
    }

    /** Looks {@code code} up through the real repository (driver round trip and mapping back to the record). */
    public boolean find(String code) {
        return repository.find(code).isPresent();
    }

    /** The size in bytes of the representative document of {@code code} as BSON. */
    public static int bsonSize(String code) {
        return new RawBsonDocument(representative(code, 2).toBson(), new DocumentCodec()).getByteBuffer().remaining();
    }

    /**
     * A prequalified application: 80 % individual, 15 % family (two members), 5 % enterprise; submitted over the
     * web, the app or a district counter, then prequalified by the system. Deterministic for a code.
     */
    static ApplicationStatusDocument representative(String code, long sequence) {
        SplittableRandom random = new SplittableRandom(code.hashCode());
        int roll = random.nextInt(100);
        ApplicantKind kind = roll < 80 ? ApplicantKind.INDIVIDUAL
                : roll < 95 ? ApplicantKind.FAMILY : ApplicantKind.ENTERPRISE;
        QuotaType quotaType = random.nextInt(100) < 60 ? QuotaType.ORDINARY : QuotaType.NEW_ENERGY;
        Instant submittedAt = BASE.plusSeconds(random.nextInt(90 * 24 * 3600));
        Instant prequalifiedAt = submittedAt.plus(Duration.ofMinutes(5 + random.nextInt(3000)));

        String applicant = kind == ApplicantKind.ENTERPRISE ? null : maskedIdNumber(random);
        List<String> members = kind == ApplicantKind.FAMILY
                ? List.of(maskedIdNumber(random), maskedIdNumber(random)) : List.of();
        int generations = kind == ApplicantKind.FAMILY ? 2 + random.nextInt(2) : 1;
        Enterprise enterprise = kind == ApplicantKind.ENTERPRISE
                ? new Enterprise("91110105MA0" + digits(random, 6) + "X",
                                 ENTERPRISE_NAMES[random.nextInt(ENTERPRISE_NAMES.length)], 1 + random.nextInt(3))
                : null;

        Channel channel = Channel.values()[random.nextInt(3)]; // WEB, APP or COUNTER
        String district = channel == Channel.COUNTER ? District.values()[random.nextInt(16)].name() : null;
        String clerk = channel == Channel.COUNTER ? "clerk:" + district.toLowerCase() + "-" + random.nextInt(40) : null;
        String submitted = kind + " application submitted for the " + quotaType + " quota" + switch (kind) {
            case INDIVIDUAL -> "";
            case FAMILY -> " (3 persons, " + generations + " generations)";
            case ENTERPRISE -> " (" + enterprise.requestedQuotas() + " quotas requested)";
        };
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(submittedAt, "ApplicationSubmitted", submitted, channel.name(), district, clerk),
                new TimelineEntry(prequalifiedAt, "ApplicationPrequalified",
                                  "Every pre-qualification check passed; the code is a valid code",
                                  Channel.SYSTEM.name(), null, "system:prequalification"));

        return new ApplicationStatusDocument(code, kind, quotaType, ApplicationStatus.PREQUALIFIED, applicant,
                members, generations, enterprise, Prequalification.prequalified(prequalifiedAt), submittedAt,
                "2023-guide", List.of(), List.of(), timeline, sequence);
    }

    /** A valid Beijing resident ID number, masked as the projection stores it. */
    private static String maskedIdNumber(SplittableRandom random) {
        String first17 = "1101" + String.format("%02d", 1 + random.nextInt(16))
                + (1950 + random.nextInt(55)) + String.format("%02d", 1 + random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28)) + digits(random, 3);
        return ResidentIdNumber.of(first17 + ResidentIdNumber.checkCharacter(first17)).masked();
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
