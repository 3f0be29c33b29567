package org.yaohao.query.quota;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaohao.kernel.quota.QuotaView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A winner's confirmation notice (配置指标确认通知书) as a one-page PDF: the quota, its holder (ID number masked), type,
 * issue date, validity, extensions, status and the verification code anyone can check at
 * {@code GET /api/quotas/verification/{code}}.
 * <p>
 * The text is in the PDF standard fonts (Latin, so the title is given in pinyin and English). The Chinese title is
 * printed as well when a font with CJK glyphs is configured ({@code yaohao.quota.notice.cjk-font}, a TrueType or
 * OpenType file) and loads; a missing or unusable font is logged once and the notice is made without it.
 */
final class ConfirmationNotice {

    static final String CHINESE_TITLE = "配置指标确认通知书";
    static final String TITLE = "Peizhi Zhibiao Queren Tongzhishu - Quota Allocation Confirmation Notice";

    private static final Logger log = LoggerFactory.getLogger(ConfirmationNotice.class);

    private final Path cjkFont;
    private volatile boolean cjkFontWarned;

    /** @param cjkFont a font file with CJK glyphs, or null */
    ConfirmationNotice(Path cjkFont) {
        this.cjkFont = cjkFont;
    }

    byte[] render(QuotaView quota, String verificationCode) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDFont chinese = chineseFont(document);
            float y = page.getMediaBox().getHeight() - 72;
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                if (chinese != null) {
                    y = line(text, chinese, 20, y, CHINESE_TITLE);
                }
                y = line(text, bold, 13, y, TITLE);
                y -= 12;
                for (String row : rows(quota, verificationCode)) {
                    y = line(text, regular, 11, y, row);
                }
            }
            document.getDocumentInformation().setTitle(TITLE + " " + quota.quotaId());
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the notice of quota " + quota.quotaId() + " could not be made", e);
        }
    }

    static List<String> rows(QuotaView quota, String verificationCode) {
        List<String> rows = new ArrayList<>();
        rows.add("Quota: " + quota.quotaId());
        rows.add("Application: " + quota.code() + "   Round: " + quota.roundId());
        rows.add("Holder (ID number): " + (quota.holderIdNumber() == null ? "-" : quota.holderIdNumber()));
        rows.add("Quota type: " + quota.quotaType());
        rows.add("Issued on: " + quota.issuedOn());
        rows.add("Valid until (inclusive): " + quota.validUntil());
        if (quota.extensions().isEmpty()) {
            rows.add("Extensions: none");
        }
        for (QuotaView.Extension extension : quota.extensions()) {
            rows.add("Extension " + extension.number() + ": valid until " + extension.validUntil() + ", fee "
                    + extension.feeFen() / 100 + " yuan paid " + extension.paidAt());
        }
        rows.add("Status: " + quota.status());
        rows.add("Verification code: " + verificationCode);
        rows.add("Check this notice at /api/quotas/verification/" + verificationCode);
        return rows;
    }

    private static float line(PDPageContentStream text, PDFont font, float size, float y, String value)
            throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(56, y);
        text.showText(value);
        text.endText();
        return y - size * 1.6f;
    }

    /** The configured CJK font if it loads and has the title's glyphs; otherwise null (and one warning). */
    private PDFont chineseFont(PDDocument document) {
        if (cjkFont == null) {
            return null;
        }
        try {
            if (Files.isReadable(cjkFont)) {
                PDFont font = PDType0Font.load(document, cjkFont.toFile());
                font.encode(CHINESE_TITLE);
                return font;
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            // an unusable font: warned below
        }
        if (!cjkFontWarned) {
            cjkFontWarned = true;
            log.warn("Font {} cannot print the notice's Chinese title; notices carry the pinyin and English title only",
                    cjkFont);
        }
        return null;
    }
}
